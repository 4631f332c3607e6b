// The channel side of the fake LINE platform: who follows the account, which
// reply tokens are live, and what reply/push/profile/loading requests do.
// No HTTP here; FakeLineApi routes requests to these methods.
//
// Matching the real platform: a push to a user who blocked/unfollowed the
// account is accepted with 200 but not delivered; a push to a user id that
// does not exist is 400 "Failed to send messages".
import type { messagingApi } from '@line/bot-sdk';
import { LINE_ERRORS, LineApiError, lineError } from './line-errors.js';
import { isLineTargetId, isLineUserId, isUuid, makeLineMessageId, makeQuoteToken } from './line-ids.js';
import { ReplyTokenRegistry } from './line-reply-tokens.js';
import { LineUserDirectory } from './line-users.js';
import { lineValidationError, validateMessages, type LineErrorDetail } from './line-validation.js';
import { isPlainObject } from './parse-body.js';
import { SlidingWindowLimiter } from './rate-limit.js';

export interface LineSentMessage {
  via: 'reply' | 'push';
  /** Push target, or the user the reply token was issued for. */
  to: string | undefined;
  replyToken: string | undefined;
  messages: messagingApi.Message[];
  /** False when LINE accepts the request but drops it (the user blocked or unfollowed the account). */
  delivered: boolean;
  notificationDisabled: boolean;
  retryKey: string | undefined;
  sentMessages: messagingApi.SentMessage[];
  requestId: string;
  at: number;
}

export interface LineSendRequest {
  body: unknown;
  retryKey: string | undefined;
  requestId: string;
}

export interface LineChannelOptions {
  clock: () => number;
  replyTokenTtlMs: number;
  messageRequestsPerSecond: number;
  monthlyPushLimit: number;
  strictIds: boolean;
}

export class LineChannel {
  readonly users = new LineUserDirectory();
  readonly replyTokens: ReplyTokenRegistry;
  readonly sent: LineSentMessage[] = [];
  private readonly limiter: SlidingWindowLimiter;
  private readonly acceptedRetryKeys = new Map<string, { requestId: string; sentMessages: messagingApi.SentMessage[] }>();
  private pushesThisMonth = 0;

  constructor(private readonly options: LineChannelOptions) {
    this.replyTokens = new ReplyTokenRegistry(options.replyTokenTtlMs, options.clock);
    this.limiter = new SlidingWindowLimiter(options.messageRequestsPerSecond, 1_000, options.clock);
  }

  reply(request: LineSendRequest): messagingApi.ReplyMessageResponse {
    const body = isPlainObject(request.body) ? request.body : {};
    const token = typeof body.replyToken === 'string' ? body.replyToken : '';
    const details = validateMessages(body.messages);
    if (token === '') details.unshift({ message: 'May not be empty', property: 'replyToken' });
    if (details.length > 0) throw new LineApiError(400, lineValidationError(details));
    this.admitMessageRequest();
    const check = this.replyTokens.check(token);
    if (!check.ok) throw lineError(400, LINE_ERRORS.invalidReplyToken);
    this.replyTokens.consume(token);
    const user = check.userId === undefined ? undefined : this.users.get(check.userId);
    return this.accept('reply', check.userId, body, request, user?.following ?? true, token);
  }

  push(request: LineSendRequest): messagingApi.PushMessageResponse {
    const body = isPlainObject(request.body) ? request.body : {};
    const { retryKey } = request;
    if (retryKey !== undefined) {
      if (!isUuid(retryKey)) throw lineError(400, LINE_ERRORS.retryKeyInvalid);
      const accepted = this.acceptedRetryKeys.get(retryKey);
      if (accepted) {
        throw new LineApiError(
          409,
          { message: LINE_ERRORS.retryKeyAccepted, sentMessages: accepted.sentMessages },
          { 'x-line-accepted-request-id': accepted.requestId },
        );
      }
    }
    const to = typeof body.to === 'string' ? body.to : '';
    if (to === '' || (this.options.strictIds && !isLineTargetId(to))) throw lineError(400, LINE_ERRORS.invalidTo);
    const details = validateMessages(body.messages);
    if (details.length > 0) throw new LineApiError(400, lineValidationError(details));
    this.admitMessageRequest();
    const user = this.users.get(to);
    if (!user) throw lineError(400, LINE_ERRORS.failedToSend);
    if (user.following) {
      if (this.pushesThisMonth >= this.options.monthlyPushLimit) throw lineError(429, LINE_ERRORS.monthlyLimit);
      this.pushesThisMonth += 1;
    }
    const response = this.accept('push', to, body, request, user.following, undefined);
    if (retryKey !== undefined) {
      this.acceptedRetryKeys.set(retryKey, { requestId: request.requestId, sentMessages: response.sentMessages });
    }
    return response;
  }

  profile(userId: string): messagingApi.UserProfileResponse {
    const profile = this.users.profile(userId);
    if (!profile) throw lineError(404, LINE_ERRORS.notFound);
    return profile;
  }

  /** POST /v2/bot/chat/loading/start. */
  loading(body: unknown): Record<string, never> {
    const chatId = isPlainObject(body) && typeof body.chatId === 'string' ? body.chatId : '';
    const seconds = isPlainObject(body) && body.loadingSeconds !== undefined ? body.loadingSeconds : 20;
    const details: LineErrorDetail[] = [];
    if (this.options.strictIds ? !isLineUserId(chatId) : chatId === '') {
      details.push({ message: 'Invalid user ID', property: 'chatId' });
    }
    if (typeof seconds !== 'number' || seconds < 5 || seconds > 60 || seconds % 5 !== 0) {
      details.push({ message: 'Must be a multiple of 5 between 5 and 60', property: 'loadingSeconds' });
    }
    if (details.length > 0) throw new LineApiError(400, lineValidationError(details));
    return {};
  }

  private admitMessageRequest(): void {
    if (this.limiter.waitMs() > 0) throw lineError(429, LINE_ERRORS.rateLimited);
    this.limiter.record();
  }

  private accept(
    via: 'reply' | 'push',
    to: string | undefined,
    body: Record<string, unknown>,
    request: LineSendRequest,
    delivered: boolean,
    replyToken: string | undefined,
  ): { sentMessages: messagingApi.SentMessage[] } {
    const messages = body.messages as messagingApi.Message[];
    const sentMessages = messages.map((m) => ({
      id: makeLineMessageId(),
      ...(['text', 'sticker', 'image', 'video'].includes(m.type) ? { quoteToken: makeQuoteToken() } : {}),
    }));
    this.sent.push({
      via,
      to,
      replyToken,
      messages,
      delivered,
      notificationDisabled: body.notificationDisabled === true,
      retryKey: request.retryKey,
      sentMessages,
      requestId: request.requestId,
      at: this.options.clock(),
    });
    return { sentMessages };
  }
}
