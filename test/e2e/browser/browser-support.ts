// Shared by the console's browser tests: Debian's Chromium through
// playwright-core (`npx playwright install` cannot work on these machines),
// a phone-sized screen, where screenshots go, and a watcher that turns
// anything the page complains about into a test failure.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Screenshots of the main pages, kept as test artifacts. */
export const SHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));

export const PHONE = { width: 390, height: 844 };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Debian's Chromium and makes sure the screenshot folder exists. */
export async function launchChromium(): Promise<Browser> {
  await mkdir(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Records dialogs, console errors, page errors and HTTP errors into
 * `problems` (a test then expects it empty). `ignoreConsole` skips console
 * errors a test provokes on purpose.
 */
export function watchPage(page: Page, problems: string[], options: { name?: string; ignoreConsole?: RegExp } = {}): Page {
  const prefix = options.name ? `${options.name}: ` : '';
  page.on('dialog', (dialog) => {
    problems.push(`${prefix}a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() !== 'error' || options.ignoreConsole?.test(message.text())) return;
    problems.push(`${prefix}console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${prefix}page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${prefix}${response.status()} for ${new URL(response.url()).pathname}`);
  });
  return page;
}

/** Signs in on the login form the console redirected to; resolves once `landing` is shown. */
export async function logIn(page: Page, credentials: { login: string; password: string }, landing: RegExp): Promise<void> {
  await page.fill('input[name=login]', credentials.login);
  await page.fill('input[name=password]', credentials.password);
  await Promise.all([page.waitForURL(landing), page.click('button[type=submit]')]);
}
