// LINE Messaging API error answers: a status and a {"message", "details"?}
// body, worded as the platform words them.

export const LINE_ERRORS = {
  authHeaderRequired: "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'",
  authFailed: 'Authentication failed. Confirm that the access token in the authorization header is valid.',
  invalidReplyToken: 'Invalid reply token',
  /** Push to a user id that does not exist (for this provider). */
  failedToSend: 'Failed to send messages',
  invalidTo: "The property, 'to', in the request body is invalid (line: -, column: -)",
  rateLimited: 'The API rate limit has been exceeded. Try again later.',
  monthlyLimit: 'You have reached your monthly limit.',
  retryKeyAccepted: 'The retry key is already accepted',
  retryKeyInvalid: "The value for the 'X-Line-Retry-Key' header is invalid",
  notFound: 'Not found',
  badJson: 'The request body could not be parsed as JSON (line: -, column: -)',
} as const;

export class LineApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${JSON.stringify(body)}`);
  }
}

export function lineError(status: number, message: string, extra: Record<string, unknown> = {}): LineApiError {
  return new LineApiError(status, { message, ...extra });
}
