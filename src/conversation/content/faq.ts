import type { SeedContent } from './types.js';

/**
 * Answers to common questions, used by the rule-based answerer when no model
 * is configured (or it fails). NEEDS LOCAL REVIEW before launch. No advice on
 * using or obtaining drugs, no dosing, no legal predictions.
 */
export const FAQ: readonly SeedContent[] = [
  {
    kind: 'FAQ',
    key: 'faq-tests',
    audience: 'participant',
    keywords: ['尿检', '尿檢', '验尿', '驗尿', '毛发', '毛髮', '检测', '檢測', 'urine', 'drug test', 'hair test', 'test'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '关于尿检和毛发检测',
        body:
          '尿检和毛发检测是社区戒毒、社区康复的一部分，按指导站通知的时间去就可以。\n' +
          '• 在“我的安排”里能看到下一次检测的时间和地点，点“确认”告诉社工你会到。\n' +
          '• 时间实在不合适，点“改期”，社工会联系你。\n' +
          '• 去不了请提前说，不要直接不去，社工才好帮你安排。',
      },
      'zh-TW': {
        title: '關於尿檢和毛髮檢測',
        body:
          '尿檢和毛髮檢測是社區戒毒、社區康復的一部分，按指導站通知的時間去就可以。\n' +
          '• 在「我的安排」裡能看到下一次檢測的時間和地點，點「確認」告訴社工你會到。\n' +
          '• 時間實在不合適，點「改期」，社工會聯繫你。\n' +
          '• 去不了請提前說，不要直接不去，社工才好幫你安排。',
      },
      en: {
        title: 'Urine and hair tests',
        body:
          'Urine and hair tests are part of community treatment and rehabilitation; go at the time your station gives you.\n' +
          '• "My appointments" shows the next test’s time and place; tap "Confirm" to tell your caseworker you will be there.\n' +
          '• If the time really does not work, tap "Reschedule" and your caseworker will contact you.\n' +
          '• If you cannot go, say so early rather than just not going, so your caseworker can arrange it.',
      },
    },
  },
  {
    kind: 'FAQ',
    key: 'faq-craving',
    audience: 'participant',
    keywords: ['心瘾', '心癮', '想用', '想吸', '忍不住', '控制不住', '瘾', '癮', 'craving', 'cravings', 'urge', 'urges', 'tempted'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '心瘾来了怎么办',
        body:
          '心瘾像浪一样，来得急，但通常十几二十分钟会慢慢退下去。\n' +
          '• 先离开让你想用的地方和人。\n' +
          '• 拖一拖：告诉自己“先等十五分钟”，喝水、洗脸、出去走走。\n' +
          '• 给信任的人或社工打个电话，说出来会好受一些。\n' +
          '• 想想你为谁戒毒，把理由写下来放在手机里。\n' +
          '• 删掉以前的联系人，不接陌生来电。\n' +
          '心瘾很强、快要控制不住时，请告诉社工，或打“求助热线”里的电话。',
      },
      'zh-TW': {
        title: '心癮來了怎麼辦',
        body:
          '心癮像浪一樣，來得急，但通常十幾二十分鐘會慢慢退下去。\n' +
          '• 先離開讓你想用的地方和人。\n' +
          '• 拖一拖：告訴自己「先等十五分鐘」，喝水、洗臉、出去走走。\n' +
          '• 給信任的人或社工打個電話，說出來會好受一些。\n' +
          '• 想想你為誰戒毒，把理由寫下來放在手機裡。\n' +
          '• 刪掉以前的聯絡人，不接陌生來電。\n' +
          '心癮很強、快要控制不住時，請告訴社工，或打「求助熱線」裡的電話。',
      },
      en: {
        title: 'When a craving comes',
        body:
          'A craving is like a wave: it comes fast, but usually eases within fifteen or twenty minutes.\n' +
          '• Leave the place and the people that make you want to use.\n' +
          '• Delay: tell yourself "wait fifteen minutes first"; drink water, wash your face, go for a walk.\n' +
          '• Call someone you trust or your caseworker; saying it out loud helps.\n' +
          '• Remember who you are quitting for; keep your reasons written on your phone.\n' +
          '• Delete old contacts and do not answer unknown numbers.\n' +
          'If the craving is very strong and you feel you might not hold on, tell your caseworker or call a number under "Hotlines".',
      },
    },
  },
  {
    kind: 'FAQ',
    key: 'faq-methadone',
    audience: 'participant',
    keywords: ['美沙酮', '服药', '服藥', '喝药', '喝藥', '漏服', '门诊', '門診', 'methadone', 'dose', 'clinic'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '关于美沙酮维持治疗',
        body:
          '美沙酮要每天按时在门诊服用，剂量由门诊医生决定，不要自己加减，也不要和酒或安眠药一起用。\n' +
          '• 漏服了：尽快联系门诊医生，按医生的安排做。\n' +
          '• 要出远门：提前告诉门诊和社工，问问能不能在外地服药。\n' +
          '• 身体不舒服或在吃别的药：告诉门诊医生。',
      },
      'zh-TW': {
        title: '關於美沙酮維持治療',
        body:
          '美沙酮要每天按時在門診服用，劑量由門診醫生決定，不要自己加減，也不要和酒或安眠藥一起用。\n' +
          '• 漏服了：盡快聯繫門診醫生，按醫生的安排做。\n' +
          '• 要出遠門：提前告訴門診和社工，問問能不能在外地服藥。\n' +
          '• 身體不舒服或在吃別的藥：告訴門診醫生。',
      },
      en: {
        title: 'Methadone maintenance',
        body:
          'Methadone is taken at the clinic every day at the set time. The dose is decided by the clinic doctor: do not change it yourself, and do not mix it with alcohol or sleeping pills.\n' +
          '• Missed a dose: contact the clinic doctor as soon as you can and follow their advice.\n' +
          '• Travelling: tell the clinic and your caseworker in advance and ask about taking it elsewhere.\n' +
          '• Feeling unwell or taking other medicines: tell the clinic doctor.',
      },
    },
  },
  {
    kind: 'FAQ',
    key: 'faq-class',
    audience: 'participant',
    keywords: ['上课', '上課', '集中教育', '课时', '課時', '学习', '學習', '教育课', 'class', 'classes', 'lesson', 'education'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '每月的集中教育',
        body:
          '指导站每月组织一次集中教育，一般 4 个课时，内容有戒毒常识、戒毒康复教育、法律常识和思想道德教育，也会一起聊聊“我为什么开始吸毒”“我为谁戒毒”。\n' +
          '时间和地点在“我的安排”里能看到。来不了请提前告诉社工。',
      },
      'zh-TW': {
        title: '每月的集中教育',
        body:
          '指導站每月組織一次集中教育，一般 4 個課時，內容有戒毒常識、戒毒康復教育、法律常識和思想道德教育，也會一起聊聊「我為什麼開始吸毒」「我為誰戒毒」。\n' +
          '時間和地點在「我的安排」裡能看到。來不了請提前告訴社工。',
      },
      en: {
        title: 'The monthly class',
        body:
          'Your station holds a class once a month, usually 4 class hours: drug facts, recovery education, the law, and ethics, with two big discussions, "why did I start using" and "who am I quitting for".\n' +
          'The time and place are under "My appointments". If you cannot come, tell your caseworker in advance.',
      },
    },
  },
  {
    kind: 'FAQ',
    key: 'faq-privacy',
    audience: 'both',
    keywords: ['隐私', '隱私', '谁能看到', '誰能看到', '保密', '家人知道', '被看到', 'privacy', 'private', 'who can see', 'confidential'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '谁能看到我的消息',
        body:
          '你在这里发的消息和签到，只有你的社工和指导站的工作人员能看到，用来更好地帮助你。\n' +
          '家人看不到你的回答，除非你同意。\n' +
          '如果我们担心你的安全，社工会联系你。\n' +
          '回复“退订”可以随时停止消息。',
      },
      'zh-TW': {
        title: '誰能看到我的訊息',
        body:
          '你在這裡發的訊息和簽到，只有你的社工和指導站的工作人員能看到，用來更好地幫助你。\n' +
          '家人看不到你的回答，除非你同意。\n' +
          '如果我們擔心你的安全，社工會聯繫你。\n' +
          '回覆「退訂」可以隨時停止訊息。',
      },
      en: {
        title: 'Who can see my messages',
        body:
          'The messages and check-ins you send here are seen only by your caseworker and your station’s staff, to help you better.\n' +
          'Your family cannot see your answers unless you agree.\n' +
          'If we are worried about your safety, your caseworker will contact you.\n' +
          'Reply STOP at any time to stop messages.',
      },
    },
  },
  {
    kind: 'FAQ',
    key: 'faq-sleep',
    audience: 'participant',
    keywords: ['睡不着', '睡不著', '失眠', '睡不好', '做噩梦', '做惡夢', 'sleep', 'insomnia', "can't sleep", 'nightmares'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '睡不好怎么办',
        body:
          '戒毒期间睡不好很常见，会慢慢好转。\n' +
          '• 每天固定时间起床，白天少睡。\n' +
          '• 睡前一小时放下手机，少喝浓茶和咖啡。\n' +
          '• 白天多活动，多晒太阳。\n' +
          '• 一直睡不好或心里很烦，告诉社工，也可以去医院看看。不要自己找药吃。',
      },
      'zh-TW': {
        title: '睡不好怎麼辦',
        body:
          '戒毒期間睡不好很常見，會慢慢好轉。\n' +
          '• 每天固定時間起床，白天少睡。\n' +
          '• 睡前一小時放下手機，少喝濃茶和咖啡。\n' +
          '• 白天多活動，多曬太陽。\n' +
          '• 一直睡不好或心裡很煩，告訴社工，也可以去醫院看看。不要自己找藥吃。',
      },
      en: {
        title: 'Trouble sleeping',
        body:
          'Poor sleep is common in recovery and gets better with time.\n' +
          '• Get up at the same time every day and nap less.\n' +
          '• Put the phone away an hour before bed; less strong tea and coffee.\n' +
          '• Move more and get daylight during the day.\n' +
          '• If it goes on or you feel very troubled, tell your caseworker or see a doctor. Do not take pills on your own.',
      },
    },
  },
  {
    kind: 'FAQ',
    key: 'faq-work',
    audience: 'participant',
    keywords: ['工作', '找工作', '就业', '就業', '上班', '失业', '失業', '培训', '培訓', 'job', 'work', 'employment', 'training', 'unemployed'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '找工作',
        body: '找工作可以申请“就业援助”：职业介绍、免费技能培训、公益性岗位等。\n菜单里的“救助申请”有详细说明，也可以请社工帮你推荐。',
      },
      'zh-TW': {
        title: '找工作',
        body: '找工作可以申請「就業援助」：職業介紹、免費技能培訓、公益性崗位等。\n選單裡的「救助申請」有詳細說明，也可以請社工幫你推薦。',
      },
      en: {
        title: 'Finding work',
        body: 'Employment assistance offers job matching, free skills training and public-service jobs.\n"Financial help" in the menu explains it, and your caseworker can refer you.',
      },
    },
  },
  {
    kind: 'FAQ',
    key: 'faq-health',
    audience: 'participant',
    keywords: ['艾滋', '愛滋', '艾滋病', 'hiv', '肝炎', '丙肝', '乙肝', '看病', '生病', '医保', '醫保', 'hepatitis', 'sick', 'doctor', 'medical'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '看病和慢性病',
        body:
          '有艾滋病、肝炎等病，按时治疗很重要。\n' +
          '• 艾滋病抗病毒治疗可以在当地疾控中心或定点医院了解免费政策。\n' +
          '• 看病费用高，可以了解“医疗救助”和医保（菜单里的“救助申请”）。\n' +
          '• 你的病情是隐私，社工会保密；需要帮忙可以跟社工说。',
      },
      'zh-TW': {
        title: '看病和慢性病',
        body:
          '有愛滋病、肝炎等病，按時治療很重要。\n' +
          '• 愛滋病抗病毒治療可以在當地疾控中心或定點醫院了解免費政策。\n' +
          '• 看病費用高，可以了解「醫療救助」和醫保（選單裡的「救助申請」）。\n' +
          '• 你的病情是隱私，社工會保密；需要幫忙可以跟社工說。',
      },
      en: {
        title: 'Health care and long-term illness',
        body:
          'If you live with HIV, hepatitis or another illness, regular treatment matters.\n' +
          '• Ask the local CDC or designated hospital about free HIV treatment.\n' +
          '• If costs are high, see "Medical assistance" and medical insurance under "Financial help" in the menu.\n' +
          '• Your health is private and your caseworker keeps it confidential; ask them if you need help.',
      },
    },
  },
  {
    kind: 'FAQ',
    key: 'faq-programme',
    audience: 'participant',
    keywords: ['社区戒毒', '社區戒毒', '社区康复', '社區康復', '多久', '期限', '什么时候结束', '什麼時候結束', '报到', '報到', '请假', '請假', 'how long', 'programme', 'program', 'leave'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '关于社区戒毒和社区康复',
        body:
          '你的期限和要求写在你的决定书和协议里，具体的日期可以问社工。\n' +
          '按时报到、尿检、上课，有事提前请假，会让这段时间顺利很多。\n' +
          '要外出或搬家，请先和社工商量。',
      },
      'zh-TW': {
        title: '關於社區戒毒和社區康復',
        body:
          '你的期限和要求寫在你的決定書和協議裡，具體的日期可以問社工。\n' +
          '按時報到、尿檢、上課，有事提前請假，會讓這段時間順利很多。\n' +
          '要外出或搬家，請先和社工商量。',
      },
      en: {
        title: 'Community treatment and rehabilitation',
        body:
          'Your term and conditions are in your decision letter and agreement; your caseworker can tell you the dates.\n' +
          'Reporting, testing and attending classes on time, and asking for leave in advance, make this time go much more smoothly.\n' +
          'If you plan to travel or move, talk to your caseworker first.',
      },
    },
  },
  {
    kind: 'FAQ',
    key: 'faq-about',
    audience: 'both',
    keywords: ['你是谁', '你是誰', '你能做什么', '你能做什麼', '怎么用', '怎麼用', '机器人', '機器人', 'who are you', 'what can you do', 'how does this work', 'bot'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '关于“同行”',
        body: '我是指导站的“同行”服务，可以帮你签到、查看安排、找求助热线、了解救助，也能把消息转给社工。\n我不是医生，也不能代替社工；重要的事，社工会亲自联系你。',
      },
      'zh-TW': {
        title: '關於「同行」',
        body: '我是指導站的「同行」服務，可以幫你簽到、查看安排、找求助熱線、了解救助，也能把訊息轉給社工。\n我不是醫生，也不能代替社工；重要的事，社工會親自聯繫你。',
      },
      en: {
        title: 'About Tongxing',
        body: 'I am your station’s Tongxing service. I can help you check in, see your appointments, find hotlines, learn about financial help, and pass messages to your caseworker.\nI am not a doctor and do not replace your caseworker; for anything important, they will contact you in person.',
      },
    },
  },
];
