import type { Context } from 'hono';
import type { z } from 'zod';

export const API_ERRORS = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** Every API error has the same shape: {"error": {"code", "message"}}. */
export function apiError(c: Context, code: ApiErrorCode, message: string): Response {
  if (code === 'unauthorized') c.header('WWW-Authenticate', 'Bearer realm="tongxing"');
  return c.json({ error: { code, message } }, API_ERRORS[code]);
}

/** A short, safe description of what failed validation (paths and messages, never the values). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
