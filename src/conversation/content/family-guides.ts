import type { SeedContent } from './types.js';

/**
 * Guides for family members. NEEDS LOCAL REVIEW before launch: visiting
 * rules differ between isolation centres, and wording should be checked by
 * the station's social workers.
 */
export const FAMILY_GUIDES: readonly SeedContent[] = [
  {
    kind: 'FAMILY_GUIDE',
    key: 'family-support',
    audience: 'family',
    keywords: ['支持', '怎么帮', '怎麼幫', '怎么说', '怎麼說', '沟通', '溝通', '吵架', '谈谈', '談談', '鼓励', '鼓勵', 'support', 'help him', 'help her', 'talk to', 'argue', 'fight', 'encourage'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '怎样支持正在戒毒的家人',
        body:
          '1. 先顾关系，再谈问题。多说“我看到你在努力”，少翻旧账、少贴标签。\n' +
          '2. 选对时机：双方都平静时再谈，不在他刚回家、喝了酒或情绪激动的时候谈。\n' +
          '3. 用“我”来说：“我很担心你”“我想和你一起想办法”，比“你又……”更容易被听进去。\n' +
          '4. 具体地帮：陪他按时尿检、上课、服药，一起安排规律的作息和要做的事。\n' +
          '5. 守住界限：不替他还毒债，不给说不清去向的钱；钱可以直接用在具体的生活开支上。\n' +
          '6. 肯定每一点进步，哪怕很小。复吸不等于失败，回到正轨比追究更重要。\n' +
          '7. 有疑问随时问社工，你不是一个人在做这件事。',
      },
      'zh-TW': {
        title: '怎樣支持正在戒毒的家人',
        body:
          '1. 先顧關係，再談問題。多說「我看到你在努力」，少翻舊帳、少貼標籤。\n' +
          '2. 選對時機：雙方都平靜時再談，不在他剛回家、喝了酒或情緒激動的時候談。\n' +
          '3. 用「我」來說：「我很擔心你」「我想和你一起想辦法」，比「你又……」更容易被聽進去。\n' +
          '4. 具體地幫：陪他按時尿檢、上課、服藥，一起安排規律的作息和要做的事。\n' +
          '5. 守住界限：不替他還毒債，不給說不清去向的錢；錢可以直接用在具體的生活開支上。\n' +
          '6. 肯定每一點進步，哪怕很小。復吸不等於失敗，回到正軌比追究更重要。\n' +
          '7. 有疑問隨時問社工，你不是一個人在做這件事。',
      },
      en: {
        title: 'How to support someone in recovery',
        body:
          '1. Put the relationship first. Say "I can see you are trying" more; bring up the past and use labels less.\n' +
          '2. Pick your moment: talk when you are both calm, not when they have just come home, been drinking or are upset.\n' +
          '3. Speak from "I": "I am worried about you", "I want to work this out with you" is heard better than "You always…".\n' +
          '4. Help in practical ways: go with them to tests, classes and doses; build a regular day together.\n' +
          '5. Keep boundaries: do not pay drug debts or give cash you cannot account for; pay for specific living costs instead.\n' +
          '6. Notice every step forward, however small. A relapse is not failure; getting back on track matters more than blame.\n' +
          '7. Ask the caseworker whenever you are unsure. You are not doing this alone.',
      },
    },
  },
  {
    kind: 'FAMILY_GUIDE',
    key: 'family-relapse-signs',
    audience: 'family',
    keywords: ['复吸', '復吸', '又吸', '又用', '信号', '訊號', '迹象', '跡象', '怀疑', '懷疑', 'relapse', 'using again', 'warning signs', 'signs'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '复吸的信号',
        body:
          '下面这些变化可能是复吸的信号，但不一定是，不要凭一条就下结论：\n' +
          '• 作息突然打乱：整夜不睡，或连着昏睡\n' +
          '• 情绪起伏大，容易发火，躲着家人\n' +
          '• 又和以前一起用的人来往，接到电话就出门\n' +
          '• 钱或东西不见了，频繁借钱\n' +
          '• 躲避尿检、上课或服药\n' +
          '• 身体变化：突然消瘦、瞳孔异常、身上有针眼\n\n' +
          '如果看到这些：先平静地说出你的关心，不审问、不搜身。可以用“报告担心的情况”告诉社工，他们会跟进。',
      },
      'zh-TW': {
        title: '復吸的訊號',
        body:
          '下面這些變化可能是復吸的訊號，但不一定是，不要憑一條就下結論：\n' +
          '• 作息突然打亂：整夜不睡，或連著昏睡\n' +
          '• 情緒起伏大，容易發火，躲著家人\n' +
          '• 又和以前一起用的人來往，接到電話就出門\n' +
          '• 錢或東西不見了，頻繁借錢\n' +
          '• 躲避尿檢、上課或服藥\n' +
          '• 身體變化：突然消瘦、瞳孔異常、身上有針孔\n\n' +
          '如果看到這些：先平靜地說出你的關心，不審問、不搜身。可以用「報告擔心的情況」告訴社工，他們會跟進。',
      },
      en: {
        title: 'Warning signs of relapse',
        body:
          'These changes can be signs of relapse, but not always; do not judge from one sign alone:\n' +
          '• Sleep suddenly upside down: up all night, or sleeping for days\n' +
          '• Big mood swings, quick temper, avoiding the family\n' +
          '• Back in touch with people they used with; going out as soon as the phone rings\n' +
          '• Money or things going missing; borrowing often\n' +
          '• Avoiding tests, classes or doses\n' +
          '• Physical changes: sudden weight loss, unusual pupils, needle marks\n\n' +
          'If you notice these, calmly say that you care; do not interrogate or search them. Use "Report a concern" to tell the caseworker, who will follow up.',
      },
    },
  },
  {
    kind: 'FAMILY_GUIDE',
    key: 'family-self-care',
    audience: 'family',
    keywords: ['累', '心累', '压力', '壓力', '撑不住', '撐不住', '照顾自己', '照顧自己', '失眠', '焦虑', '焦慮', 'tired', 'exhausted', 'stress', 'self-care', 'look after myself', 'burnout'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '照顾好自己',
        body:
          '照顾家人很累，你的身体和心情也很重要。\n' +
          '• 不用一个人扛：可以和社工、亲友或其他家属聊聊。\n' +
          '• 家人用不用毒品，不是你的错，也不是你一个人能控制的。\n' +
          '• 保持自己的作息、工作和爱好，每天留一点时间给自己。\n' +
          '• 守住界限不等于不爱他：拒绝给钱、拒绝替他撒谎，都是在帮他。\n' +
          '• 觉得撑不住的时候，可以打“求助热线”里的电话。',
      },
      'zh-TW': {
        title: '照顧好自己',
        body:
          '照顧家人很累，你的身體和心情也很重要。\n' +
          '• 不用一個人扛：可以和社工、親友或其他家屬聊聊。\n' +
          '• 家人用不用毒品，不是你的錯，也不是你一個人能控制的。\n' +
          '• 保持自己的作息、工作和愛好，每天留一點時間給自己。\n' +
          '• 守住界限不等於不愛他：拒絕給錢、拒絕替他說謊，都是在幫他。\n' +
          '• 覺得撐不住的時候，可以打「求助熱線」裡的電話。',
      },
      en: {
        title: 'Looking after yourself',
        body:
          'Caring for someone is tiring; your health and feelings matter too.\n' +
          '• You do not have to carry it alone: talk to the caseworker, friends, relatives or other families.\n' +
          '• Whether they use is not your fault, and not something you alone can control.\n' +
          '• Keep your own routine, work and interests; keep a little time each day for yourself.\n' +
          '• Boundaries are not a lack of love: refusing money or refusing to lie for them is help.\n' +
          '• When it feels too much, call one of the numbers under "Hotlines".',
      },
    },
  },
  {
    kind: 'FAMILY_GUIDE',
    key: 'family-visiting',
    audience: 'family',
    keywords: ['探视', '探視', '探望', '会见', '會見', '强戒所', '強戒所', '戒毒所', '强制隔离', '強制隔離', '送东西', '送東西', 'visit', 'visiting', 'isolation centre', 'compulsory'],
    verifyBeforeLaunch: true,
    text: {
      'zh-CN': {
        title: '探视在强制隔离戒毒所的家人',
        body:
          '家人在强制隔离戒毒所期间，一般可以按规定探视和通信：\n' +
          '• 探视通常要提前预约，时间由戒毒所安排；有的地方也可以视频探视。\n' +
          '• 一般要带本人身份证，以及能证明亲属关系的材料（如户口本）。\n' +
          '• 能送的物品和钱款有规定，请先问清楚，违禁物品不能带。\n' +
          '• 探视时多说鼓励和家里的事，少指责；告诉他家里在等他回来。\n\n' +
          '各个戒毒所的规定不一样，以当地戒毒所公布的为准。',
      },
      'zh-TW': {
        title: '探視在強制隔離戒毒所的家人',
        body:
          '家人在強制隔離戒毒所期間，一般可以按規定探視和通信：\n' +
          '• 探視通常要提前預約，時間由戒毒所安排；有的地方也可以視訊探視。\n' +
          '• 一般要帶本人身分證，以及能證明親屬關係的材料（如戶口本）。\n' +
          '• 能送的物品和錢款有規定，請先問清楚，違禁物品不能帶。\n' +
          '• 探視時多說鼓勵和家裡的事，少指責；告訴他家裡在等他回來。\n\n' +
          '各個戒毒所的規定不一樣，以當地戒毒所公布的為準。',
      },
      en: {
        title: 'Visiting someone in compulsory isolation treatment',
        body:
          'While your relative is in a compulsory isolation drug treatment centre, visits and letters are usually allowed under the centre’s rules:\n' +
          '• Visits usually need booking; the centre sets the times, and some offer video visits.\n' +
          '• Bring your ID card and proof of your relationship (such as the household register).\n' +
          '• There are rules on items and money you may hand in; ask first, and never bring prohibited items.\n' +
          '• During the visit, encourage and share family news rather than blame; tell them home is waiting for them.\n\n' +
          'Rules differ between centres; the local centre’s notice is the one to follow.',
      },
    },
  },
];
