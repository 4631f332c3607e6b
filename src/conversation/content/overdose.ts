import type { SeedContent } from './types.js';

/**
 * Signs of an overdose and what to do. NEEDS LOCAL REVIEW before launch
 * (first-aid wording, the emergency number, naloxone availability).
 * {emergency} is filled with the station's emergency number.
 */
export const OVERDOSE_GUIDE: SeedContent = {
  kind: 'FAMILY_GUIDE',
  key: 'family-overdose',
  audience: 'both',
  keywords: ['过量', '過量', '中毒', '叫不醒', '昏迷', '没呼吸', '沒呼吸', '纳洛酮', '納洛酮', '急救', 'overdose', 'od', 'naloxone', 'narcan', 'not breathing', 'unconscious', 'first aid'],
  verifyBeforeLaunch: true,
  text: {
    'zh-CN': {
      title: '过量的信号和怎么做',
      body:
        '过量的信号：叫不醒或反应很慢；呼吸很慢、很浅，或像打呼噜；嘴唇、指甲发紫；瞳孔很小；抽搐；胸痛或体温很高。\n\n' +
        '怎么做：\n' +
        '1. 马上拨打急救电话 {emergency}，说清楚地址和情况。\n' +
        '2. 不要让他一个人待着。\n' +
        '3. 叫他的名字、拍他的肩膀，看有没有反应、有没有呼吸。\n' +
        '4. 有呼吸但叫不醒：让他侧躺（复原卧位），头稍后仰，防止呕吐物堵住气道。\n' +
        '5. 没有呼吸：按急救人员在电话里的指导做心肺复苏。\n' +
        '6. 身边有纳洛酮（阿片类过量解救药）的话，按说明使用；用了以后仍要等急救人员。\n' +
        '7. 不要泼冷水、不要喂东西、不要让他“睡一觉就好”。\n' +
        '8. 把他用过的药或东西留给急救人员看。\n\n' +
        '如果现在就发生了，请先打 {emergency}。',
    },
    'zh-TW': {
      title: '過量的訊號和怎麼做',
      body:
        '過量的訊號：叫不醒或反應很慢；呼吸很慢、很淺，或像打呼；嘴唇、指甲發紫；瞳孔很小；抽搐；胸痛或體溫很高。\n\n' +
        '怎麼做：\n' +
        '1. 馬上撥打急救電話 {emergency}，說清楚地址和情況。\n' +
        '2. 不要讓他一個人待著。\n' +
        '3. 叫他的名字、拍他的肩膀，看有沒有反應、有沒有呼吸。\n' +
        '4. 有呼吸但叫不醒：讓他側躺（復甦姿勢），頭稍後仰，防止嘔吐物堵住氣道。\n' +
        '5. 沒有呼吸：按急救人員在電話裡的指導做心肺復甦。\n' +
        '6. 身邊有納洛酮（鴉片類過量解救藥）的話，按說明使用；用了以後仍要等急救人員。\n' +
        '7. 不要潑冷水、不要餵東西、不要讓他「睡一覺就好」。\n' +
        '8. 把他用過的藥或東西留給急救人員看。\n\n' +
        '如果現在就發生了，請先打 {emergency}。',
    },
    en: {
      title: 'Signs of an overdose and what to do',
      body:
        'Signs: cannot be woken or responds very slowly; breathing very slow, shallow or like snoring; blue lips or fingernails; tiny pupils; seizures; chest pain or a very high temperature.\n\n' +
        'What to do:\n' +
        '1. Call the emergency number {emergency} now and say clearly where you are and what happened.\n' +
        '2. Do not leave them alone.\n' +
        '3. Call their name and tap their shoulder: check whether they respond and whether they are breathing.\n' +
        '4. Breathing but will not wake: lay them on their side (recovery position), head tilted slightly back, so vomit cannot block the airway.\n' +
        '5. Not breathing: start CPR as the emergency operator tells you.\n' +
        '6. If naloxone (the opioid overdose antidote) is at hand, use it as the instructions say, and still wait for the ambulance.\n' +
        '7. No cold water, nothing to eat or drink, and do not let them "sleep it off".\n' +
        '8. Keep whatever they took to show the ambulance crew.\n\n' +
        'If it is happening now, call {emergency} first.',
    },
  },
};
