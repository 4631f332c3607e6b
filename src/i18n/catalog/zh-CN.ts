/**
 * Simplified Chinese: the reference catalog. Every key here must exist in
 * every other locale (the compiler and test/unit/i18n check it).
 * {name} placeholders are filled by t().
 */
export const zhCN = {
  'link.unknownSender':
    '你好，这里是“同行”服务。要使用它，请向你的社工要一个邀请码，然后把邀请码发给我。\n\n如果你现在很难受或有危险：心理援助热线 12356，急救 120。',
  'link.privacyNotice':
    '已连接，{name}。\n\n我们会保存你在这里发的消息和签到，只有你的社工和所在指导站的工作人员能看到，用来更好地帮助你。家人看不到你的回答，除非你同意。\n\n随时回复“退订”可以停止所有消息。回复“菜单”开始。',
  'link.staffLinked': '已连接，{name}。之后的预警会发到这里。回复 ACK 加编号即可确认预警。',
  'link.invalidCode': '这个邀请码无效或已过期。请检查后再发一次，或向社工要一个新的。',
  'link.tooManyAttempts': '尝试次数太多了，请过一小时再试，或直接联系你的社工。',
  'link.alreadyLinked': '这个账号已经连接好了。回复“菜单”开始。',
  'consent.stopped': '好的，已停止所有消息。你的社工会知道。想恢复时，回复“订阅”。\n\n难受时随时可以打 12356。',
  'consent.started': '欢迎回来，消息已恢复。回复“菜单”开始。',
  'input.textOnly': '抱歉，我现在只能看懂文字。请用文字写给我。',
  'input.notUnderstood': '我没太明白。回复“菜单”看看我能帮你做什么。',
  'crisis.high':
    '谢谢你告诉我。你现在的感受很重要，你不是一个人。\n\n我已经通知你的社工，他们会尽快联系你。\n\n如果你现在有危险或控制不住想伤害自己，请马上拨打：\n{hotlines}\n急救电话：{emergency}\n\n如果可以，请先离开让你危险的东西（药、刀、绳子、高处），找一个信任的人陪着你。',
  'crisis.emergencySelf':
    '这很危险，请马上拨打急救电话 {emergency}。\n\n如果你已经吃了药或用了药：不要再用，告诉身边的人，打开门，等急救人员。\n\n我已经通知你的社工。你不是一个人。\n{hotlines}',
  'crisis.emergencyFamily':
    '请马上拨打急救电话 {emergency}。\n\n在等待的时候：\n1. 不要让他一个人待着。\n2. 叫他的名字、拍他的肩膀，看他有没有反应、有没有呼吸。\n3. 如果没有反应但有呼吸，让他侧躺（复原卧位），头稍微后仰，防止呕吐物堵住气道。\n4. 如果没有呼吸，按急救人员电话里的指导做心肺复苏。\n5. 如果身边有纳洛酮（阿片类过量解救药），按说明使用。\n6. 把他用过的药或东西留给急救人员看。\n\n我已经通知社工。',
  'crisis.elevated':
    '谢谢你愿意说出来，这需要勇气。难受的时候有起伏很正常，你不是一个人在面对。\n\n要不要我请你的社工和你联系？',
  'crisis.elevatedFamily':
    '谢谢你告诉我们，你的担心很重要。我已经把情况告诉了负责的社工，他们会跟进。\n\n要不要社工直接联系你？',
  'crisis.offerCaseworker': '请社工联系我',
  'crisis.noThanks': '暂时不用',
  'crisis.caseworkerWillCall': '好的，社工会尽快联系你。需要时随时可以打 12356。',
  'crisis.okay': '好的。我一直在这里，想说的时候随时告诉我。',
  'staff.alert':
    '【{levelName}预警 #{number}】{pseudonym}\n类别：{categories}\n{detail}\n请在 {deadline} 前确认：回复 ACK {number}\n{link}',
  'staff.alertSummaryOnly': '（隐私模式：请在控制台查看内容）',
  'staff.alertEscalated': '（已上报：原负责人未在时限内确认）',
  'staff.ackDone': '已确认预警 #{number}。请尽快联系对方，并在控制台记录处理结果。',
  'staff.ackUnknown': '找不到预警 #{number}，或你没有权限处理它。',
  'staff.ackAlready': '预警 #{number} 已经由 {name} 确认。',
  'staff.help': '回复 ACK 加预警编号确认预警，例如：ACK 12。其他工作请在控制台完成。',
  'risk.level4': '紧急',
  'risk.level3': '高危',
  'risk.level2': '关注',
  'choice.numberedHint': '回复数字选择。',
} as const;

export type MessageKey = keyof typeof zhCN;
