import type { MessageKey } from './zh-CN.js';

export const zhTW: Record<MessageKey, string> = {
  'link.unknownSender':
    '你好，這裡是「同行」服務。要使用它，請向你的社工要一個邀請碼，然後把邀請碼傳給我。\n\n如果你現在很難受或有危險：心理援助熱線 12356，急救 120。',
  'link.privacyNotice':
    '已連接，{name}。\n\n我們會保存你在這裡傳的訊息和簽到，只有你的社工和所在指導站的工作人員能看到，用來更好地幫助你。家人看不到你的回答，除非你同意。\n\n隨時回覆「退訂」可以停止所有訊息。回覆「選單」開始。',
  'link.staffLinked': '已連接，{name}。之後的預警會發到這裡。回覆 ACK 加編號即可確認預警。',
  'link.invalidCode': '這個邀請碼無效或已過期。請檢查後再傳一次，或向社工要一個新的。',
  'link.tooManyAttempts': '嘗試次數太多了，請一小時後再試，或直接聯絡你的社工。',
  'link.alreadyLinked': '這個帳號已經連接好了。回覆「選單」開始。',
  'consent.stopped': '好的，已停止所有訊息。你的社工會知道。想恢復時，回覆「訂閱」。\n\n難受時隨時可以打 12356。',
  'consent.started': '歡迎回來，訊息已恢復。回覆「選單」開始。',
  'input.textOnly': '抱歉，我現在只能看懂文字。請用文字寫給我。',
  'input.notUnderstood': '我沒太明白。回覆「選單」看看我能幫你做什麼。',
  'crisis.high':
    '謝謝你告訴我。你現在的感受很重要，你不是一個人。\n\n我已經通知你的社工，他們會盡快聯絡你。\n\n如果你現在有危險或控制不住想傷害自己，請馬上撥打：\n{hotlines}\n急救電話：{emergency}\n\n如果可以，請先離開讓你危險的東西（藥、刀、繩子、高處），找一個信任的人陪著你。',
  'crisis.emergencySelf':
    '這很危險，請馬上撥打急救電話 {emergency}。\n\n如果你已經吃了藥或用了藥：不要再用，告訴身邊的人，打開門，等急救人員。\n\n我已經通知你的社工。你不是一個人。\n{hotlines}',
  'crisis.emergencyFamily':
    '請馬上撥打急救電話 {emergency}。\n\n在等待的時候：\n1. 不要讓他一個人待著。\n2. 叫他的名字、拍他的肩膀，看他有沒有反應、有沒有呼吸。\n3. 如果沒有反應但有呼吸，讓他側躺（復原臥位），頭稍微後仰，防止嘔吐物堵住氣道。\n4. 如果沒有呼吸，按急救人員電話裡的指導做心肺復甦。\n5. 如果身邊有納洛酮（鴉片類過量解救藥），按說明使用。\n6. 把他用過的藥或東西留給急救人員看。\n\n我已經通知社工。',
  'crisis.elevated':
    '謝謝你願意說出來，這需要勇氣。難受的時候有起伏很正常，你不是一個人在面對。\n\n要不要我請你的社工和你聯絡？',
  'crisis.elevatedFamily':
    '謝謝你告訴我們，你的擔心很重要。我已經把情況告訴了負責的社工，他們會跟進。\n\n要不要社工直接聯絡你？',
  'crisis.offerCaseworker': '請社工聯絡我',
  'crisis.noThanks': '暫時不用',
  'crisis.caseworkerWillCall': '好的，社工會盡快聯絡你。需要時隨時可以打 12356。',
  'crisis.okay': '好的。我一直在這裡，想說的時候隨時告訴我。',
  'staff.alert':
    '【{levelName}預警 #{number}】{pseudonym}\n類別：{categories}\n{detail}\n請在 {deadline} 前確認：回覆 ACK {number}\n{link}',
  'staff.alertSummaryOnly': '（隱私模式：請在控制台查看內容）',
  'staff.alertEscalated': '（已上報：原負責人未在時限內確認）',
  'staff.ackDone': '已確認預警 #{number}。請盡快聯絡對方，並在控制台記錄處理結果。',
  'staff.ackUnknown': '找不到預警 #{number}，或你沒有權限處理它。',
  'staff.ackAlready': '預警 #{number} 已經由 {name} 確認。',
  'staff.help': '回覆 ACK 加預警編號確認預警，例如：ACK 12。其他工作請在控制台完成。',
  'risk.level4': '緊急',
  'risk.level3': '高危',
  'risk.level2': '關注',
  'choice.numberedHint': '回覆數字選擇。',
};
