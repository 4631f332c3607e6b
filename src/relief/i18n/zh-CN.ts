/** Messages to a participant about their relief request. The reference catalog: zh-TW and en have exactly these keys. */
export const zhCN = {
  'program.TEMPORARY_RELIEF': '临时救助',
  'program.MINIMUM_LIVING': '最低生活保障（低保）',
  'program.MEDICAL_ASSISTANCE': '医疗救助',
  'program.EMPLOYMENT_ASSISTANCE': '就业援助',
  'status.IN_PROGRESS': '你申请的“{program}”有进展了：社工正在帮你准备材料，需要你配合的地方会联系你。',
  'status.SUBMITTED': '你申请的“{program}”已经交上去了，正在等审核结果，有消息会马上告诉你。',
  'status.APPROVED': '好消息：你申请的“{program}”已经批下来了。具体怎么领取，社工会和你说。',
  'status.DECLINED': '你申请的“{program}”这次没有批下来。别灰心，社工会和你一起看看还有什么别的办法。',
  'note': '社工留言：{note}',
} as const satisfies Record<string, string>;

export type ReliefMessageKey = keyof typeof zhCN;
