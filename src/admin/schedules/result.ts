/** What a schedule change came to: expected outcomes are values, not exceptions. */
export type Refusal = 'not-found' | 'forbidden' | 'conflict' | 'invalid';

export type ChangeResult<T = object> = ({ ok: true } & T) | { ok: false; reason: Refusal; message?: string };

export const refuse = (reason: Refusal, message?: string): { ok: false; reason: Refusal; message?: string } =>
  message === undefined ? { ok: false, reason } : { ok: false, reason, message };
