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
  'basic.received': '收到你的消息了，你的社工能看到。\n\n需要时可以拨打：\n{hotlines}',
  'choice.numberedHint': '回复数字选择。',
} as const;

export type MessageKey = keyof typeof zhCN;
