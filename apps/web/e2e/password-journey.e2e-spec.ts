import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startStack, type Stack } from './stack';
import { goToSecurity, heading, logInWithPassword, logOut, SCREENSHOTS } from './v2-helpers';

/**
 * Issue 13 part 4 in Chromium against the real API, worker and the fake gateway's SMTP server:
 * "Forgot password?" from the login page (the same confirmation for an unknown address), the
 * e-mailed link opened in the browser (its token leaves the address bar), a new password, the
 * link refused a second time, then "Change password" on the Security page.
 * Screenshots go to e2e/screenshots/password-*.png.
 */
const id = Math.random().toString(36).slice(2, 8);
const email = `dorothy.${id}@example.com`;
const first = `Tin-man-${id}-1939`;
const second = `Ruby-slippers-${id}-1939`;
const third = `Yellow-brick-${id}-1939`;
const SENT = /If an account has this address, a link to choose a new password is on its way/;

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let resetLink = '';

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `password-${name}.png`), fullPage: true });
}

async function askForLink(address: string): Promise<void> {
  await page.goto(`${stack.webUrl}/#/login`);
  await heading(page, 'Log in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await heading(page, 'Forgot your password?');
  await page.getByLabel('Email').fill(address);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await page.getByRole('status').filter({ hasText: SENT }).waitFor();
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  stack = await startStack();
  const res = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`,
      variables: { input: { email, password: first, name: 'Dorothy Gale' } },
    }),
  });
  if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

describe('forgotten and changed passwords in a browser', () => {
  it('"Forgot password?" says the same for an unknown address and for the account, and e-mails the account a link', async () => {
    await askForLink(`nobody.${id}@example.com`);
    const unknown = await page.getByRole('status').filter({ hasText: SENT }).innerHTML();
    await askForLink(email);
    expect(await page.getByRole('status').filter({ hasText: SENT }).innerHTML()).toBe(unknown);
    await screenshot('forgot-sent');
    const mail = await stack.nextMail(email, /Reset your Twofold password/);
    const link = new RegExp(
      `${stack.webUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/reset-password\\?token=[A-Za-z0-9_-]{43}`,
    ).exec(mail.text);
    expect(link).not.toBeNull();
    resetLink = link![0];
  });

  it('the link opens the reset page, its token leaves the address bar, and a new password ends the old one', async () => {
    await page.goto(resetLink);
    await heading(page, 'Choose a new password');
    expect(page.url()).toBe(`${stack.webUrl}/#/reset-password`);
    await page.getByLabel('New password').fill(second);
    await screenshot('reset-form');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('status').filter({ hasText: 'every session was signed out' }).waitFor();
    await page.getByRole('link', { name: 'Log in' }).click();
    await heading(page, 'Log in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(first);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('The email or password is not right.').waitFor();
    await page.getByLabel('Password').fill(second);
    await page.getByRole('button', { name: 'Log in' }).click();
    await heading(page, 'Welcome, Dorothy Gale');
  });

  it('the same link a second time is refused and offers a new one', async () => {
    await logOut(page);
    await page.goto(resetLink);
    await heading(page, 'Choose a new password');
    await page.getByLabel('New password').fill(third);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'This link is not valid, has expired or was already used' })
      .waitFor();
    expect(await page.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe('#/forgot-password');
    await screenshot('reset-used');
  });

  it('"Change password" on the Security page sets another one', async () => {
    await page.goto(`${stack.webUrl}/#/login`);
    expect(await logInWithPassword(page, email, second)).toBe('in');
    await goToSecurity(page);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByLabel('Current password').fill(second);
    await page.getByLabel('New password').fill(third);
    await screenshot('change-form');
    await page.getByRole('button', { name: 'Change password' }).click();
    // Sudo mode: the login just happened, but the journey's window is 8 s; past it, the password prompt comes first.
    const changed = page.getByRole('status').filter({ hasText: 'Your password is changed.' });
    const dialog = page.getByRole('dialog', { name: "Confirm it's you" });
    if (
      (await Promise.race([changed.waitFor().then(() => 'done'), dialog.waitFor().then(() => 'asked')])) === 'asked'
    ) {
      await dialog.getByLabel('Password').fill(second);
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      await changed.waitFor();
    }
    await logOut(page);
    expect(await logInWithPassword(page, email, third)).toBe('in');
  });
});
