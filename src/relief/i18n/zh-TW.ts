import type { ReliefMessageKey } from './zh-CN.js';

export const zhTW: Record<ReliefMessageKey, string> = {
  'program.TEMPORARY_RELIEF': '臨時救助',
  'program.MINIMUM_LIVING': '最低生活保障（低保）',
  'program.MEDICAL_ASSISTANCE': '醫療救助',
  'program.EMPLOYMENT_ASSISTANCE': '就業援助',
  'status.IN_PROGRESS': '你申請的「{program}」有進展了：社工正在幫你準備材料，需要你配合的地方會聯繫你。',
  'status.SUBMITTED': '你申請的「{program}」已經交上去了，正在等審核結果，有消息會馬上告訴你。',
  'status.APPROVED': '好消息：你申請的「{program}」已經批下來了。具體怎麼領取，社工會和你說。',
  'status.DECLINED': '你申請的「{program}」這次沒有批下來。別灰心，社工會和你一起看看還有什麼別的辦法。',
  'note': '社工留言：{note}',
};
