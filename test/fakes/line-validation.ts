// Validates the `messages` of reply/push requests against the Messaging API
// limits and reports problems in LINE's error format:
// {"message":"The request body has N error(s)","details":[{message,property}]}
import { isPlainObject } from './parse-body.js';

export interface LineErrorDetail {
  message: string;
  property: string;
}

export const LINE_LIMITS = {
  messagesPerRequest: 5,
  textLength: 5000,
  quickReplyItems: 13,
  quickReplyLabelLength: 20,
} as const;

const MESSAGE_TYPES = ['text', 'textV2', 'sticker', 'image', 'video', 'audio', 'location', 'imagemap', 'template', 'flex'];

export function validateMessages(messages: unknown): LineErrorDetail[] {
  if (!Array.isArray(messages) || messages.length === 0) {
    return [{ message: 'Size must be between 1 and 5', property: 'messages' }];
  }
  const details: LineErrorDetail[] = [];
  if (messages.length > LINE_LIMITS.messagesPerRequest) {
    details.push({ message: `Size must be between 1 and ${LINE_LIMITS.messagesPerRequest}`, property: 'messages' });
  }
  messages.forEach((message: unknown, index) => details.push(...validateMessage(message, `messages[${index}]`)));
  return details;
}

function validateMessage(message: unknown, at: string): LineErrorDetail[] {
  if (!isPlainObject(message) || typeof message.type !== 'string' || !MESSAGE_TYPES.includes(message.type)) {
    return [{ message: `Must be one of the following values: [${MESSAGE_TYPES.join(', ')}]`, property: `${at}.type` }];
  }
  const details: LineErrorDetail[] = [];
  if (message.type === 'text' || message.type === 'textV2') {
    const text = message.text;
    if (typeof text !== 'string' || text === '') {
      details.push({ message: 'May not be empty', property: `${at}.text` });
    } else if (text.length > LINE_LIMITS.textLength) {
      details.push({ message: `Length must be between 0 and ${LINE_LIMITS.textLength}`, property: `${at}.text` });
    }
  }
  if (message.type === 'sticker') {
    for (const key of ['packageId', 'stickerId']) {
      if (typeof message[key] !== 'string' || message[key] === '') {
        details.push({ message: 'May not be empty', property: `${at}.${key}` });
      }
    }
  }
  if (message.quickReply !== undefined) details.push(...validateQuickReply(message.quickReply, `${at}.quickReply`));
  return details;
}

function validateQuickReply(quickReply: unknown, at: string): LineErrorDetail[] {
  const items = isPlainObject(quickReply) ? quickReply.items : undefined;
  if (!Array.isArray(items) || items.length === 0 || items.length > LINE_LIMITS.quickReplyItems) {
    return [{ message: `Size must be between 1 and ${LINE_LIMITS.quickReplyItems}`, property: `${at}.items` }];
  }
  const details: LineErrorDetail[] = [];
  items.forEach((item: unknown, index) => {
    const action = isPlainObject(item) ? item.action : undefined;
    if (!isPlainObject(action)) {
      details.push({ message: 'May not be null', property: `${at}.items[${index}].action` });
      return;
    }
    const label = action.label;
    if (typeof label === 'string' && label.length > LINE_LIMITS.quickReplyLabelLength) {
      details.push({
        message: `Length must be between 0 and ${LINE_LIMITS.quickReplyLabelLength}`,
        property: `${at}.items[${index}].action.label`,
      });
    }
  });
  return details;
}

export function lineValidationError(details: LineErrorDetail[]): { message: string; details: LineErrorDetail[] } {
  return { message: `The request body has ${details.length} error(s)`, details };
}
