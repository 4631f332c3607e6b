import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSX } from 'hono/jsx/jsx-runtime';

/** Renders a full page (escaped by hono/jsx) with its doctype. */
export async function renderPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200): Promise<Response> {
  return c.html(`<!doctype html>${(await page).toString()}`, status);
}

/** Renders a fragment for a script to insert (no doctype, not cacheable). */
export async function renderFragment(c: Context, fragment: JSX.Element): Promise<Response> {
  return c.html((await fragment).toString(), 200);
}
