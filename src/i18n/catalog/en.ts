import type { MessageKey } from './zh-CN.js';

export const en: Record<MessageKey, string> = {
  'link.unknownSender':
    'Hello, this is Tongxing. To use it, ask your caseworker for an invite code and send the code to me.\n\nIf you are struggling or in danger right now: psychological assistance 12356, emergency 120.',
  'link.privacyNotice':
    'You are connected, {name}.\n\nWe keep the messages and check-ins you send here. Only your caseworker and staff at your station can see them, to help you better. Your family cannot see your answers unless you agree.\n\nReply STOP at any time to stop all messages. Reply MENU to begin.',
  'link.staffLinked': 'Connected, {name}. Alerts will come here. Reply ACK and the number to acknowledge one.',
  'link.invalidCode': 'That invite code is not valid or has expired. Please check it and send it again, or ask your caseworker for a new one.',
  'link.tooManyAttempts': 'Too many attempts. Please try again in an hour, or contact your caseworker directly.',
  'link.alreadyLinked': 'This account is already connected. Reply MENU to begin.',
  'consent.stopped': 'OK, all messages are stopped. Your caseworker will know. Reply START to resume.\n\nIf you are struggling, you can always call 12356.',
  'consent.started': 'Welcome back, messages are on again. Reply MENU to begin.',
  'input.textOnly': 'Sorry, I can only read text for now. Please write it to me in words.',
  'input.notUnderstood': 'I did not quite understand. Reply MENU to see what I can help with.',
  'crisis.high':
    'Thank you for telling me. How you feel matters, and you are not alone.\n\nI have told your caseworker; they will contact you as soon as they can.\n\nIf you are in danger or cannot keep yourself safe right now, please call:\n{hotlines}\nEmergency: {emergency}\n\nIf you can, move away from anything you could hurt yourself with (pills, blades, rope, high places) and get someone you trust to stay with you.',
  'crisis.emergencySelf':
    'This is dangerous. Please call the emergency number {emergency} now.\n\nIf you have taken pills or drugs: do not take any more, tell someone near you, unlock the door and wait for help.\n\nI have told your caseworker. You are not alone.\n{hotlines}',
  'crisis.emergencyFamily':
    'Please call the emergency number {emergency} now.\n\nWhile you wait:\n1. Do not leave them alone.\n2. Call their name and shake their shoulder: check whether they respond and breathe.\n3. If they do not respond but are breathing, roll them onto their side (recovery position) with the head tilted back so vomit cannot block the airway.\n4. If they are not breathing, follow the dispatcher\'s instructions for CPR.\n5. If you have naloxone (the opioid overdose antidote), use it as its instructions say.\n6. Keep what they took to show the ambulance crew.\n\nI have told the caseworker.',
  'crisis.elevated':
    'Thank you for saying it; that takes courage. Ups and downs are normal in recovery, and you are not facing this alone.\n\nWould you like me to ask your caseworker to contact you?',
  'crisis.elevatedFamily':
    'Thank you for telling us; your worry matters. I have passed this on to the caseworker, who will follow up.\n\nWould you like the caseworker to contact you directly?',
  'crisis.offerCaseworker': 'Ask my caseworker',
  'crisis.noThanks': 'Not now',
  'crisis.caseworkerWillCall': 'OK, your caseworker will contact you soon. You can call 12356 any time.',
  'crisis.okay': 'OK. I am here whenever you want to talk.',
  'staff.alert':
    '[{levelName} alert #{number}] {pseudonym}\nCategories: {categories}\n{detail}\nAcknowledge by {deadline}: reply ACK {number}\n{link}',
  'staff.alertSummaryOnly': '(Privacy mode: open the console to read the message)',
  'staff.alertEscalated': '(Escalated: not acknowledged in time by the first contact)',
  'staff.ackDone': 'Alert #{number} acknowledged. Please contact them soon and record the outcome in the console.',
  'staff.ackUnknown': 'Alert #{number} was not found, or you may not handle it.',
  'staff.ackAlready': 'Alert #{number} was already acknowledged by {name}.',
  'staff.help': 'Reply ACK and the alert number to acknowledge an alert, e.g. ACK 12. Everything else is in the console.',
  'risk.level4': 'EMERGENCY',
  'risk.level3': 'HIGH',
  'risk.level2': 'Elevated',
  'choice.numberedHint': 'Reply with a number to choose.',
};
