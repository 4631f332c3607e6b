import { types, type Friendship } from 'wechaty';
import type { Clock } from '../../core/clock.js';
import { extractInviteCode } from '../../core/invite-code.js';
import type { InboundMessage } from '../../core/messages.js';
import type { Logger } from '../../log/logger.js';
import type { WechatChannelOptions } from './options.js';

/**
 * The greeting of an accepted request usually shows up in the chat as the
 * person's first message; within this window it is not passed on a second time.
 */
const GREETING_ECHO_MS = 2 * 60_000;

interface PendingLink {
  requestId: string;
  code: string;
  timer: NodeJS.Timeout;
}

export interface FriendLinkerDeps {
  verifyInviteCode: WechatChannelOptions['verifyInviteCode'];
  /** Passes the link message on to the inbox. */
  deliver: (message: InboundMessage) => Promise<unknown>;
  confirmTimeoutMs: number;
  clock: Clock;
  log: Logger;
}

/**
 * Friend requests: accepted only when the greeting carries a valid invite
 * code. Once WeChat confirms the new friend, the code goes to the pipeline as
 * a text message from that person, which links the account. Nothing here logs
 * the code, the greeting or the person's name.
 */
export class FriendLinker {
  private readonly pending = new Map<string, PendingLink>();
  private readonly linked = new Map<string, { code: string; until: number }>();

  constructor(private readonly deps: FriendLinkerDeps) {}

  async onFriendship(friendship: Friendship): Promise<void> {
    const type = friendship.type();
    if (type === types.Friendship.Receive) return this.onRequest(friendship);
    if (type === types.Friendship.Confirm) return this.onConfirm(friendship);
  }

  /** True for the greeting's code arriving again as a chat message right after linking. */
  isGreetingEcho(externalUserId: string, text: string): boolean {
    const recent = this.linked.get(externalUserId);
    if (!recent) return false;
    this.linked.delete(externalUserId);
    return recent.until > this.deps.clock.now().getTime() && extractInviteCode(text) === recent.code;
  }

  stop(): void {
    for (const link of this.pending.values()) clearTimeout(link.timer);
    this.pending.clear();
    this.linked.clear();
  }

  private async onRequest(friendship: Friendship): Promise<void> {
    const { log } = this.deps;
    const requestId = friendship.id;
    const code = extractInviteCode(friendship.hello());
    if (!code) {
      log.info({ requestId, decision: 'ignored', reason: 'no-code' }, 'wechat friend request');
      return;
    }
    const contactId = friendship.contact().id;
    let valid: boolean;
    try {
      valid = await this.deps.verifyInviteCode(code, { externalUserId: contactId });
    } catch (error) {
      log.warn({ requestId, decision: 'ignored', reason: 'check-failed', errorType: nameOf(error) }, 'wechat friend request');
      return;
    }
    if (!valid) {
      log.info({ requestId, decision: 'ignored', reason: 'invalid-code' }, 'wechat friend request');
      return;
    }
    // Registered before accepting: the Confirm event may come while accept() is still busy.
    const timer = setTimeout(() => void this.link(contactId, 'no-confirm-event'), this.deps.confirmTimeoutMs);
    timer.unref();
    clearTimeout(this.pending.get(contactId)?.timer);
    this.pending.set(contactId, { requestId, code, timer });
    try {
      await friendship.accept();
      log.info({ requestId, decision: 'accepted' }, 'wechat friend request');
    } catch (error) {
      if (this.pending.get(contactId)?.requestId === requestId) {
        clearTimeout(timer);
        this.pending.delete(contactId);
      }
      log.warn({ requestId, decision: 'accept-failed', errorType: nameOf(error) }, 'wechat friend request');
    }
  }

  private async onConfirm(friendship: Friendship): Promise<void> {
    const contactId = friendship.contact().id;
    if (!this.pending.has(contactId)) {
      // Added some other way (e.g. by hand on the phone): no code to link with.
      this.deps.log.info({ confirmId: friendship.id }, 'wechat friend confirmed without a pending invite code');
      return;
    }
    await this.link(contactId, 'confirmed');
  }

  private async link(contactId: string, how: 'confirmed' | 'no-confirm-event'): Promise<void> {
    const link = this.pending.get(contactId);
    if (!link) return;
    clearTimeout(link.timer);
    this.pending.delete(contactId);
    const now = this.deps.clock.now();
    this.linked.set(contactId, { code: link.code, until: now.getTime() + GREETING_ECHO_MS });
    this.deps.log.info({ requestId: link.requestId, how }, 'wechat new friend: passing the invite code on for linking');
    await this.deps.deliver({
      channel: 'WECHAT',
      eventKey: `friend:${link.requestId}`,
      externalUserId: contactId,
      chatId: contactId,
      kind: 'text',
      text: link.code,
      sentAt: now.toISOString(),
    });
  }
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
