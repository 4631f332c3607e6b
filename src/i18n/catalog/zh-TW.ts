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
  'basic.received': '收到你的訊息了，你的社工能看到。\n\n需要時可以撥打：\n{hotlines}',
  'choice.numberedHint': '回覆數字選擇。',
};
