import type { FakeTelegramApi } from '../test/fakes/telegram-bot-api.js';
import { makeTextUpdate } from '../test/fakes/telegram-updates.js';
import { percentile, pool } from './stats.js';

export const CALM_TEXT = '今天还好，准备去上班了';
export const EMERGENCY_TEXT = '我刚把一整瓶安眠药都吃了';

export interface SentMessage {
  chatId: number;
  postedAt: number;
  webhookMs: number;
  emergency: boolean;
}

/** Webhook calls that failed (no answer, or not 200): counted, not retried. */
export const failedPosts: string[] = [];

export async function postUpdate(webhook: string, secret: string, chatId: number, text: string): Promise<SentMessage | undefined> {
  const postedAt = Date.now();
  try {
    const response = await fetch(webhook, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify(makeTextUpdate({ chatId, text })),
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    if (response.status !== 200) {
      failedPosts.push(`status ${response.status}`);
      return undefined;
    }
  } catch (error) {
    failedPosts.push(error instanceof Error ? (error.cause instanceof Error ? error.cause.name : error.name) : 'error');
    return undefined;
  }
  return { chatId, postedAt, webhookMs: Date.now() - postedAt, emergency: text === EMERGENCY_TEXT };
}

/** Time from each POST to the reply that answered it (the k-th reply to a chat answers its k-th message). */
export function replyLatencies(fake: FakeTelegramApi, sent: SentMessage[], baseline: Map<number, number>): { all: number[]; emergency: number[] } {
  const byChat = new Map<number, SentMessage[]>();
  for (const message of sent) byChat.set(message.chatId, [...(byChat.get(message.chatId) ?? []), message]);
  const all: number[] = [];
  const emergency: number[] = [];
  for (const [chatId, messages] of byChat) {
    const replies = fake.sentTo(chatId).slice(baseline.get(chatId) ?? 0);
    messages.sort((a, b) => a.postedAt - b.postedAt);
    messages.forEach((message, k) => {
      const reply = replies[k];
      if (!reply) return;
      const latency = reply.at - message.postedAt;
      all.push(latency);
      if (message.emergency) emergency.push(latency);
    });
  }
  return { all, emergency };
}

export function repliesSoFar(fake: FakeTelegramApi, chats: number[]): Map<number, number> {
  return new Map(chats.map((chat) => [chat, fake.sentTo(chat).length]));
}

export async function waitForReplies(fake: FakeTelegramApi, chats: Set<number>, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const count = fake.sentMessages().filter((m) => chats.has(Number(m.chatId))).length;
    if (count >= expected) return Date.now();
    if (Date.now() > deadline) throw new Error(`only ${count} of ${expected} replies arrived in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export { percentile, pool };
