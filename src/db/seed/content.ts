// Seed content for a new installation. Every entry is marked
// verifyBeforeLaunch: numbers, hours and rules change, and a station must
// check each one locally before real people are told about it.

export type SeedLocale = 'zh-CN' | 'zh-TW' | 'en';

export interface SeedHotline {
  key: string;
  phone: string;
  /** crisis, psychological, drug_counselling, family, emergency */
  tags: string[];
  region: string;
  text: Record<SeedLocale, { title: string; hours: string; body: string }>;
}

export const HOTLINES: SeedHotline[] = [
  {
    key: 'cn-12356',
    phone: '12356',
    tags: ['crisis', 'psychological', 'family'],
    region: 'CN',
    text: {
      'zh-CN': { title: '全国心理援助热线 12356', hours: '各省每天至少18小时', body: '情绪低落、想不开、压力大时可以拨打，有专业人员倾听和帮助。' },
      'zh-TW': { title: '全國心理援助熱線 12356', hours: '各省每天至少18小時', body: '情緒低落、想不開、壓力大時可以撥打，有專業人員傾聽和幫助。' },
      en: { title: 'National psychological assistance line 12356', hours: 'at least 18 hours a day in every province', body: 'Call when you feel low, overwhelmed or have thoughts of ending your life; trained counsellors listen and help.' },
    },
  },
  {
    key: 'cn-120',
    phone: '120',
    tags: ['emergency'],
    region: 'CN',
    text: {
      'zh-CN': { title: '医疗急救 120', hours: '24小时', body: '有人吸食过量、叫不醒、呼吸困难或受伤时，立即拨打。' },
      'zh-TW': { title: '醫療急救 120', hours: '24小時', body: '有人吸食過量、叫不醒、呼吸困難或受傷時，立即撥打。' },
      en: { title: 'Medical emergency 120', hours: '24 hours', body: 'Call at once if someone has overdosed, cannot be woken, is struggling to breathe or is injured.' },
    },
  },
  {
    key: 'cn-110',
    phone: '110',
    tags: ['emergency'],
    region: 'CN',
    text: {
      'zh-CN': { title: '报警 110', hours: '24小时', body: '生命安全受到威胁、有暴力正在发生时拨打。' },
      'zh-TW': { title: '報警 110', hours: '24小時', body: '生命安全受到威脅、有暴力正在發生時撥打。' },
      en: { title: 'Police 110', hours: '24 hours', body: 'Call when someone’s life is in danger or violence is happening.' },
    },
  },
  {
    key: 'cn-beijing-82951332',
    phone: '010-82951332',
    tags: ['crisis', 'psychological'],
    region: 'CN-Beijing',
    text: {
      'zh-CN': { title: '北京心理援助热线 010-82951332', hours: '24小时', body: '有自杀念头或心理危机时可以拨打。' },
      'zh-TW': { title: '北京心理援助熱線 010-82951332', hours: '24小時', body: '有自殺念頭或心理危機時可以撥打。' },
      en: { title: 'Beijing psychological aid hotline 010-82951332', hours: '24 hours', body: 'For suicidal thoughts or any mental health crisis.' },
    },
  },
  {
    key: 'tw-1925',
    phone: '1925',
    tags: ['crisis', 'psychological'],
    region: 'TW',
    text: {
      'zh-CN': { title: '台湾安心专线 1925', hours: '24小时', body: '台湾地区的心理危机专线。' },
      'zh-TW': { title: '安心專線 1925', hours: '24小時', body: '心情低落、想不開時可撥打。' },
      en: { title: 'Taiwan Anxin line 1925', hours: '24 hours', body: 'Taiwan’s crisis line for suicidal thoughts and distress.' },
    },
  },
  {
    key: 'tw-1995',
    phone: '1995',
    tags: ['psychological'],
    region: 'TW',
    text: {
      'zh-CN': { title: '台湾生命线 1995', hours: '24小时', body: '台湾地区的生命线协谈专线。' },
      'zh-TW': { title: '生命線 1995', hours: '24小時', body: '生命線協談專線。' },
      en: { title: 'Taiwan Lifeline 1995', hours: '24 hours', body: 'Lifeline counselling in Taiwan.' },
    },
  },
  {
    key: 'tw-1980',
    phone: '1980',
    tags: ['psychological'],
    region: 'TW',
    text: {
      'zh-CN': { title: '台湾张老师 1980', hours: '请查询当地时间', body: '台湾地区的张老师辅导专线。' },
      'zh-TW': { title: '張老師 1980', hours: '請查詢服務時間', body: '張老師輔導專線。' },
      en: { title: 'Teacher Chang 1980 (Taiwan)', hours: 'check local hours', body: 'Counselling line in Taiwan.' },
    },
  },
  {
    key: 'tw-0800770885',
    phone: '0800-770-885',
    tags: ['drug_counselling', 'family'],
    region: 'TW',
    text: {
      'zh-CN': { title: '台湾戒毒咨询专线 0800-770-885', hours: '请查询服务时间', body: '台湾地区的戒毒成功专线。' },
      'zh-TW': { title: '戒毒諮詢專線 0800-770-885', hours: '請查詢服務時間', body: '戒毒成功專線，提供本人與家屬諮詢。' },
      en: { title: 'Taiwan drug counselling 0800-770-885', hours: 'check service hours', body: 'Drug treatment counselling for people and families in Taiwan.' },
    },
  },
  {
    key: 'jp-yorisoi',
    phone: '0120-279-338',
    tags: ['crisis', 'psychological'],
    region: 'JP',
    text: {
      'zh-CN': { title: '日本 寄り添いホットライン 0120-279-338', hours: '24小时（有中文等外语服务）', body: '在日本时可以拨打，有中文服务。' },
      'zh-TW': { title: '日本 寄り添いホットライン 0120-279-338', hours: '24小時（有中文等外語服務）', body: '在日本時可以撥打，有中文服務。' },
      en: { title: 'Japan Yorisoi hotline 0120-279-338', hours: '24 hours (foreign-language line incl. Chinese)', body: 'Support in Japan, with a foreign-language line.' },
    },
  },
  {
    key: 'jp-kokoro',
    phone: '0570-064-556',
    tags: ['psychological'],
    region: 'JP',
    text: {
      'zh-CN': { title: '日本 心理健康咨询统一号码 0570-064-556', hours: '请查询服务时间', body: '日本各地的心理健康咨询。' },
      'zh-TW': { title: '日本 心理健康諮詢統一號碼 0570-064-556', hours: '請查詢服務時間', body: '日本各地的心理健康諮詢。' },
      en: { title: 'Japan mental health line 0570-064-556', hours: 'check service hours', body: 'Mental health counselling across Japan.' },
    },
  },
  {
    key: 'th-1323',
    phone: '1323',
    tags: ['crisis', 'psychological'],
    region: 'TH',
    text: {
      'zh-CN': { title: '泰国心理健康热线 1323', hours: '24小时', body: '泰国的心理健康热线。' },
      'zh-TW': { title: '泰國心理健康熱線 1323', hours: '24小時', body: '泰國的心理健康熱線。' },
      en: { title: 'Thailand mental health hotline 1323', hours: '24 hours', body: 'Mental health support in Thailand.' },
    },
  },
  {
    key: 'th-1413',
    phone: '1413',
    tags: ['drug_counselling'],
    region: 'TH',
    text: {
      'zh-CN': { title: '泰国酒精与成瘾热线 1413', hours: '请查询服务时间', body: '泰国的成瘾咨询热线。' },
      'zh-TW': { title: '泰國酒精與成癮熱線 1413', hours: '請查詢服務時間', body: '泰國的成癮諮詢熱線。' },
      en: { title: 'Thailand alcohol and addiction line 1413', hours: 'check service hours', body: 'Addiction counselling in Thailand.' },
    },
  },
  {
    key: 'us-988',
    phone: '988',
    tags: ['crisis', 'psychological'],
    region: 'US',
    text: {
      'zh-CN': { title: '美国 988 危机热线', hours: '24小时（电话或短信）', body: '在美国时可拨打或发短信。' },
      'zh-TW': { title: '美國 988 危機熱線', hours: '24小時（電話或簡訊）', body: '在美國時可撥打或傳簡訊。' },
      en: { title: '988 Suicide & Crisis Lifeline (US)', hours: '24 hours, call or text', body: 'Call or text 988 in the United States.' },
    },
  },
  {
    key: 'us-samhsa',
    phone: '1-800-662-4357',
    tags: ['drug_counselling', 'family'],
    region: 'US',
    text: {
      'zh-CN': { title: '美国 SAMHSA 全国求助热线 1-800-662-4357', hours: '24小时', body: '美国的戒毒治疗转介热线。' },
      'zh-TW': { title: '美國 SAMHSA 全國求助熱線 1-800-662-4357', hours: '24小時', body: '美國的戒毒治療轉介熱線。' },
      en: { title: 'SAMHSA National Helpline (US) 1-800-662-4357', hours: '24 hours', body: 'Treatment referral and information in the United States.' },
    },
  },
];

export interface SeedReliefProgram {
  key: 'TEMPORARY_RELIEF' | 'MINIMUM_LIVING' | 'MEDICAL_ASSISTANCE' | 'EMPLOYMENT_ASSISTANCE';
  text: Record<SeedLocale, { title: string; body: string }>;
}

export const RELIEF_PROGRAMS: SeedReliefProgram[] = [
  {
    key: 'TEMPORARY_RELIEF',
    text: {
      'zh-CN': {
        title: '临时救助',
        body: '谁可以申请：因火灾、疾病、意外等突发情况，或生活必需支出突然增加，家庭一时生活困难的人。\n要准备：身份证、户口本、困难情况说明（如医院票据、事故证明）、银行卡。\n到哪里办：户籍地或居住地的乡镇（街道）社会救助窗口，也可以请社工帮你一起准备材料。',
      },
      'zh-TW': {
        title: '臨時救助',
        body: '誰可以申請：因火災、疾病、意外等突發情況，或生活必需支出突然增加，家庭一時生活困難的人。\n要準備：身分證、戶口本、困難情況說明（如醫院票據、事故證明）、銀行卡。\n到哪裡辦：戶籍地或居住地的鄉鎮（街道）社會救助窗口，也可以請社工幫你一起準備材料。',
      },
      en: {
        title: 'Temporary relief (临时救助)',
        body: 'Who may qualify: households in sudden hardship after a fire, illness, accident or a sudden rise in essential costs.\nDocuments: ID card, household register, proof of the hardship (hospital bills, an accident report), a bank card.\nWhere: the social assistance window of your township or sub-district office; your caseworker can help you prepare.',
      },
    },
  },
  {
    key: 'MINIMUM_LIVING',
    text: {
      'zh-CN': {
        title: '最低生活保障（低保）',
        body: '谁可以申请：家庭人均收入低于当地低保标准，且家庭财产符合当地规定的家庭。\n要准备：身份证、户口本、家庭收入和财产情况说明、授权核查家庭经济状况的声明、银行卡。\n到哪里办：户籍地的乡镇人民政府（街道办事处），审核需要一段时间，社工可以帮你了解进度。',
      },
      'zh-TW': {
        title: '最低生活保障（低保）',
        body: '誰可以申請：家庭人均收入低於當地低保標準，且家庭財產符合當地規定的家庭。\n要準備：身分證、戶口本、家庭收入和財產情況說明、授權核查家庭經濟狀況的聲明、銀行卡。\n到哪裡辦：戶籍地的鄉鎮人民政府（街道辦事處），審核需要一段時間，社工可以幫你了解進度。',
      },
      en: {
        title: 'Minimum living guarantee (低保)',
        body: 'Who may qualify: households whose income per person is below the local standard and whose assets meet local rules.\nDocuments: ID card, household register, a statement of household income and assets, consent to checks of your finances, a bank card.\nWhere: the township government or sub-district office where your household is registered. Review takes time; your caseworker can follow it up.',
      },
    },
  },
  {
    key: 'MEDICAL_ASSISTANCE',
    text: {
      'zh-CN': {
        title: '医疗救助',
        body: '谁可以申请：低保对象、特困人员等困难群众，以及医疗费用负担过重的家庭；患有艾滋病、肝病等疾病的人可以先问社工当地政策。\n要准备：身份证、医保卡、住院或门诊票据和费用清单、诊断证明。\n到哪里办：当地医疗保障部门或乡镇（街道）窗口，部分医院可以“一站式”结算。',
      },
      'zh-TW': {
        title: '醫療救助',
        body: '誰可以申請：低保對象、特困人員等困難群眾，以及醫療費用負擔過重的家庭；患有愛滋病、肝病等疾病的人可以先問社工當地政策。\n要準備：身分證、醫保卡、住院或門診票據和費用清單、診斷證明。\n到哪裡辦：當地醫療保障部門或鄉鎮（街道）窗口，部分醫院可以「一站式」結算。',
      },
      en: {
        title: 'Medical assistance (医疗救助)',
        body: 'Who may qualify: people on the minimum living guarantee or in extreme hardship, and families with very heavy medical costs; people living with HIV or liver disease should ask their caseworker about local rules.\nDocuments: ID card, medical insurance card, hospital or clinic bills and itemised costs, a diagnosis.\nWhere: the local medical security office or the township / sub-district window; some hospitals settle it on the spot.',
      },
    },
  },
  {
    key: 'EMPLOYMENT_ASSISTANCE',
    text: {
      'zh-CN': {
        title: '就业援助',
        body: '谁可以申请：就业困难、长期失业或家庭零就业的人，可以登记失业并申请就业援助。\n能得到：职业介绍、免费技能培训、公益性岗位、社保补贴等。\n要准备：身份证、户口本、学历或技能证书（如有）。\n到哪里办：社区（村）或街道的公共就业服务窗口，社工可以帮你推荐。',
      },
      'zh-TW': {
        title: '就業援助',
        body: '誰可以申請：就業困難、長期失業或家庭零就業的人，可以登記失業並申請就業援助。\n能得到：職業介紹、免費技能培訓、公益性崗位、社保補貼等。\n要準備：身分證、戶口本、學歷或技能證書（如有）。\n到哪裡辦：社區（村）或街道的公共就業服務窗口，社工可以幫你推薦。',
      },
      en: {
        title: 'Employment assistance (就业援助)',
        body: 'Who may qualify: people who find it hard to get work, have been out of work for a long time, or live in a household where nobody works.\nWhat you can get: job matching, free skills training, public-service jobs, social insurance subsidies.\nDocuments: ID card, household register, any diplomas or skill certificates.\nWhere: the public employment service window of your community or sub-district; your caseworker can refer you.',
      },
    },
  },
];
