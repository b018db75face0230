import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startStack, type Stack } from './stack';
import { heading, logInWithPassword, logOut, SCREENSHOTS } from './v2-helpers';

/**
 * Issue 13 part 5 in Chromium against the real API, worker, fake SMS gateway and SMTP inbox, with
 * RECOVERY_DELAY_SECONDS shortened to its smallest allowed value, one minute: "I lost access to my
 * phone and my codes" on the second step of login (refused in plain words for an address never
 * confirmed), the e-mailed link opened in the browser (its token leaves the address bar; opening
 * starts nothing), the wait started, its countdown and what cancels it, then after the wait the
 * password again: 2FA off and signed in. While that minute runs, a second account's recovery is
 * cancelled by a login with an SMS code in another browser profile, and its link then says so, also
 * after its own wait. Screenshots go to e2e/screenshots/recovery-*.png.
 */
const DELAY_SECONDS = 60;
const id = Math.random().toString(36).slice(2, 8);
const randomDigits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const password = `Lost-phone-${id}-1969`;
const alice = { email: `alice.${id}@example.com`, name: 'Alice Liddell', number: `+447400${randomDigits(6)}` };
const bob = { email: `bob.${id}@example.com`, name: 'Bob Cratchit', number: `+447500${randomDigits(6)}` };
const carol = { email: `carol.${id}@example.com`, name: 'Carol Singer', number: `+447800${randomDigits(6)}` };
const RECOVERY_MAIL = /Confirm the recovery of your Twofold account/;
const STARTED_SMS =
  'Twofold: someone used your password to start removing 2FA from your account. Sign in with your phone to cancel it.';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Bob's own browser profile, used while Alice waits. */
let bobContext: BrowserContext;
let bobPage: Page;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function screenshot(name: string, target: Page = page): Promise<void> {
  await target.screenshot({ path: join(SCREENSHOTS, `recovery-${name}.png`), fullPage: true });
}

async function gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${stack.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** The first SMS to `number` after the `seen` ones that carries a 6-digit code (notices carry none). */
async function codeAfter(number: string, seen: number): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const found = (await stack.inbox(number))
      .slice(seen)
      .map((m) => /\b(\d{6})\b/.exec(m.body)?.[1])
      .find(Boolean);
    if (found) return found;
    await sleep(250);
  }
  throw new Error(`no code SMS to ${number} after ${seen} within 30 s\n${stack.logs()}`);
}

/** An account with SMS 2FA on one number, its address confirmed (or not), made through the API. */
async function twoFactorAccount(who: { email: string; name: string; number: string }, confirmAddress: boolean) {
  const { signUp } = await gql<{ signUp: { token: string } }>(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`,
    {
      input: { email: who.email, password, name: who.name },
    },
  );
  const token = signUp.token;
  if (confirmAddress) {
    const mail = await stack.nextMail(who.email, /Confirm your e-mail address/);
    const verification = /\/verify-email\?token=([A-Za-z0-9_-]{43})/.exec(mail.text);
    if (!verification) throw new Error(`no verification link in ${mail.text}`);
    await gql(`mutation($t: String!) { verifyEmail(token: $t) }`, { t: verification[1] });
  }
  const seen = (await stack.inbox(who.number)).length;
  const { addSmsMethod } = await gql<{ addSmsMethod: { method: { id: string } } }>(
    `mutation($input: AddSmsMethodInput!) { addSmsMethod(input: $input) { method { id } } }`,
    { input: { phoneNumber: who.number } },
    token,
  );
  const methodId = addSmsMethod.method.id;
  const code = await codeAfter(who.number, seen);
  await gql(
    `mutation($input: ConfirmSmsMethodInput!) { confirmSmsMethod(input: $input) { twoFactor { enabled } } }`,
    { input: { methodId, code } },
    token,
  );
}

/** Log in up to the second step, then "I lost access to my phone and my codes" and the explanation. */
async function openLostAccess(p: Page, email: string): Promise<void> {
  // A fresh load: the login page keeps an earlier second step while its route stays the same.
  await p.goto('about:blank');
  await p.goto(`${stack.webUrl}/#/login`);
  await heading(p, 'Log in');
  expect(await logInWithPassword(p, email, password)).toBe('second');
  const toggle = p.getByRole('button', { name: 'I lost access to my phone and my codes' });
  // By keyboard: the disclosure is a real button.
  await toggle.focus();
  await p.keyboard.press('Enter');
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  await p.getByText(/Opening it starts a waiting period/).waitFor();
}

/** Asks for the link and reads it from the fake SMTP inbox. */
async function recoveryLink(p: Page, email: string): Promise<string> {
  await p.getByRole('button', { name: 'E-mail me a recovery link' }).click();
  await p.getByRole('status').filter({ hasText: 'We sent a recovery link' }).waitFor();
  const mail = await stack.nextMail(email, RECOVERY_MAIL);
  const link = new RegExp(
    `${stack.webUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/recover\\?token=[A-Za-z0-9_-]{43}`,
  ).exec(mail.text);
  expect(link).not.toBeNull();
  return link![0];
}

/** Opens the link: the token leaves the address bar, and the page says how long the wait will be. */
async function openLink(p: Page, link: string): Promise<void> {
  await p.goto(link);
  await heading(p, 'Recover your account');
  expect(p.url()).toBe(`${stack.webUrl}/#/recover`);
}

/** Starts the waiting period; the countdown shows. Answers when, by this clock, it ends. */
async function startWaiting(p: Page): Promise<number> {
  await p.getByText('a waiting period of 1 minute starts', { exact: false }).waitFor();
  const clicked = Date.now();
  await p.getByRole('button', { name: 'Start the waiting period' }).click();
  await p.getByText('Two-factor authentication will be removed on').waitFor();
  return clicked + DELAY_SECONDS * 1000;
}

async function securitySummary(p: Page): Promise<string | null> {
  await p.goto(`${stack.webUrl}/#/security`);
  await heading(p, 'Security');
  await p.getByTestId('security-summary').waitFor();
  return p.getByTestId('security-summary').textContent();
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  stack = await startStack({ RECOVERY_DELAY_SECONDS: String(DELAY_SECONDS) });
  await twoFactorAccount(alice, true);
  await twoFactorAccount(bob, true);
  await twoFactorAccount(carol, false);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
  bobContext = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
  bobPage = await bobContext.newPage();
  bobPage.setDefaultTimeout(20_000);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

describe('lost phone and codes: recovery with a cooling-off delay in a browser', () => {
  let aliceLink = '';
  let aliceReadyBy = 0;
  let bobLink = '';
  let bobReadyBy = 0;

  it('an account whose address was never confirmed is told plainly that no link can be sent', async () => {
    await openLostAccess(page, carol.email);
    await page.getByRole('button', { name: 'E-mail me a recovery link' }).click();
    await page.getByRole('alert').filter({ hasText: 'your account has no confirmed e-mail address' }).waitFor();
    await screenshot('unverified');
  });

  it('"I lost access to my phone and my codes" at the second step e-mails a recovery link', async () => {
    await openLostAccess(page, alice.email);
    await screenshot('lost-access');
    aliceLink = await recoveryLink(page, alice.email);
    await screenshot('link-sent');
  });

  it('the link opens the recovery page, starts nothing by itself, then starts the wait, told to the number, with its countdown and what cancels it', async () => {
    const smsBefore = (await stack.inbox(alice.number)).length;
    await openLink(page, aliceLink);
    await page.getByText('a waiting period of 1 minute starts', { exact: false }).waitFor();
    await screenshot('confirm');
    // Opening alone started nothing: no notice went to the number.
    await sleep(1000);
    expect((await stack.inbox(alice.number)).length).toBe(smsBefore);
    aliceReadyBy = await startWaiting(page);
    await page.getByRole('heading', { name: 'Not you? Cancel it', level: 2 }).waitFor();
    await page.getByText(/^Time left: (1 minute|\d+ seconds)\.$/).waitFor();
    await screenshot('countdown');
    const deadline = Date.now() + 30_000;
    while (!(await stack.inbox(alice.number)).some((m) => m.body === STARTED_SMS)) {
      if (Date.now() > deadline) throw new Error(`no recovery notice SMS\n${stack.logs()}`);
      await sleep(250);
    }
  });

  it('meanwhile, another recovery is cancelled by a login with an SMS code, and its link then says so', async () => {
    await openLostAccess(bobPage, bob.email);
    bobLink = await recoveryLink(bobPage, bob.email);
    await openLink(bobPage, bobLink);
    bobReadyBy = await startWaiting(bobPage);
    // "Log in" under "Not you? Cancel it": the owner signs in with the phone.
    const seen = (await stack.inbox(bob.number)).length;
    await bobPage.getByRole('link', { name: 'Log in' }).click();
    await heading(bobPage, 'Log in');
    expect(await logInWithPassword(bobPage, bob.email, password)).toBe('second');
    await bobPage.getByRole('button', { name: 'Send code' }).click();
    await bobPage.getByLabel('Security code').fill(await codeAfter(bob.number, seen));
    await bobPage.getByRole('button', { name: 'Verify' }).click();
    await heading(bobPage, `Welcome, ${bob.name}`);
    await openLink(bobPage, bobLink);
    await bobPage.getByRole('status').filter({ hasText: 'This recovery was cancelled' }).waitFor();
    await bobPage.getByText('Two-factor authentication stays on.', { exact: false }).waitFor();
    await screenshot('cancelled', bobPage);
  });

  it('after the wait, the password again turns 2FA off and signs in', async () => {
    // The page reads the recovery again when the wait is over.
    await page.getByLabel('Password').waitFor({ timeout: Math.max(0, aliceReadyBy - Date.now()) + 20_000 });
    await page.getByText('This removes every sign-in method of the account').waitFor();
    await page.getByLabel('Email').fill(alice.email);
    await page.getByLabel('Password').fill(password);
    await screenshot('ready');
    await page.getByRole('button', { name: 'Turn off two-factor authentication and log in' }).click();
    await page.getByRole('status').filter({ hasText: 'You are logged in. Two-factor authentication is off' }).waitFor();
    await page.getByRole('button', { name: /Account menu/ }).waitFor();
    await screenshot('done');
    await page.getByRole('link', { name: 'Turn two-factor authentication on again' }).click();
    await heading(page, 'Security');
    await page.getByTestId('security-summary').waitFor();
    expect(await page.getByTestId('security-summary').textContent()).toBe('Two-factor authentication off');
    // The password alone now signs in, and the spent link says the recovery is complete.
    await logOut(page);
    expect(await logInWithPassword(page, alice.email, password)).toBe('in');
    await openLink(page, aliceLink);
    await page.getByRole('status').filter({ hasText: 'This recovery is complete' }).waitFor();
  });

  it('the cancelled recovery stays cancelled after its wait: no password step, 2FA still on', async () => {
    await sleep(Math.max(0, bobReadyBy + 2000 - Date.now()));
    await openLink(bobPage, bobLink);
    await bobPage.getByRole('status').filter({ hasText: 'This recovery was cancelled' }).waitFor();
    expect(await bobPage.getByLabel('Password').count()).toBe(0);
    expect(await securitySummary(bobPage)).toMatch(/^Two-factor authentication on · 1 number/);
  });
});
