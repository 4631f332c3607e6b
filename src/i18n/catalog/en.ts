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
  'basic.received': 'Got your message; your caseworker can see it.\n\nIf you need to talk to someone:\n{hotlines}',
  'choice.numberedHint': 'Reply with a number to choose.',
};
