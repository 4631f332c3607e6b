import type { Update } from 'telegraf/types';
import { z } from 'zod';

const ChatSchema = z.object({ id: z.number().int(), type: z.string() });
const UserSchema = z.object({ id: z.number().int(), is_bot: z.boolean() });
const MessageSchema = z.object({
  message_id: z.number().int(),
  date: z.number(),
  chat: ChatSchema,
  from: UserSchema.optional(),
  text: z.string().optional(),
});

/**
 * The parts of an update the channel reads; anything else passes unchecked.
 * Update kinds not named here are valid updates that the channel ignores.
 */
const UpdateSchema = z.object({
  update_id: z.number().int(),
  message: MessageSchema.optional(),
  callback_query: z
    .object({
      id: z.string().min(1),
      from: UserSchema,
      data: z.string().optional(),
      message: z.object({ message_id: z.number().int(), chat: ChatSchema }).optional(),
    })
    .optional(),
  my_chat_member: z
    .object({ chat: ChatSchema, from: UserSchema, date: z.number(), new_chat_member: z.object({ status: z.string() }) })
    .optional(),
});

/** True when `value` is shaped like a Bot API Update where the channel looks. */
export function isTelegramUpdate(value: unknown): value is Update {
  return UpdateSchema.safeParse(value).success;
}

/** The update's kind ("message", "callback_query", …): a key name, never content. */
export function updateType(update: Update): string {
  return Object.keys(update).find((key) => key !== 'update_id') ?? 'empty';
}
