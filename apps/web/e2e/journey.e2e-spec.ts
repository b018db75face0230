import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { type Browser, type Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { REAUTH_WINDOW_SECONDS, startStack, type Stack } from './stack';

/**
 * The customer journey of issue 4 in Debian's Chromium against the real API, SMS worker and the
 * fake Twilio gateway (codes are read from its inbox). Each step leaves a screenshot in
 * apps/web/e2e/screenshots/.
 */
const SCREENSHOTS = join(__dirname, 'screenshots');

const id = Math.random().toString(36).slice(2, 8);
const email = `ada.${id}@example.com`;
const password = `Analytical-engine-${id}-1843`;
const randomDigits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
const firstNumber = `+447400${randomDigits(6)}`;
const secondNumber = `+447500${randomDigits(6)}`;

let stack: Stack;
let browser: Browser;
let page: Page;
let shot = 0;
const seen: Record<string, number> = {};
let emergencyCodes: string[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function screenshot(name: string): Promise<void> {
  shot += 1;
  await page.screenshot({ path: join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** Reads the next code sent to `number` from the fake gateway's inbox. */
async function codeFor(number: string): Promise<string> {
  const code = await stack.nextCode(number, seen[number] ?? 0);
  seen[number] = (await stack.inbox(number)).length;
  return code;
}

/** The next code sent to whichever of our numbers gets one (the default number can change). */
async function codeForEither(): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    for (const number of [firstNumber, secondNumber]) {
      if ((await stack.inbox(number)).length > (seen[number] ?? 0)) return codeFor(number);
    }
    await sleep(250);
  }
  throw new Error(`no new SMS to either number\n${stack.logs()}`);
}

async function heading(name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

async function openAccountMenu(): Promise<void> {
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menu').waitFor();
}

async function logOut(): Promise<void> {
  await openAccountMenu();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await heading('Log in');
}

async function goToSecurity(): Promise<void> {
  await openAccountMenu();
  await page.getByRole('menuitem', { name: 'Security' }).click();
  await heading('Security');
}

/** Password then SMS code to the default number, inside the "Confirm it's you" dialog. */
async function reauthenticate(screenshotName?: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: "Confirm it's you" });
  await dialog.getByLabel('Password').fill(password);
  if (screenshotName) await screenshot(screenshotName);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await dialog.getByRole('button', { name: 'Send code' }).click();
  await dialog.getByLabel('Security code').fill(await codeForEither());
  await dialog.getByRole('button', { name: 'Verify' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Sensitive changes may answer REAUTH_REQUIRED: re-authenticate when the dialog shows up. */
async function reauthenticateIfAsked(done: () => Promise<unknown>): Promise<void> {
  const dialog = page.getByRole('dialog', { name: "Confirm it's you" });
  const which = await Promise.race([
    dialog.waitFor().then(() => 'dialog' as const),
    done().then(() => 'done' as const),
  ]);
  if (which === 'dialog') {
    await reauthenticate();
    await done();
  }
}

async function logInWithPassword(): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
}

async function remainingText(): Promise<string> {
  return (await page.locator('.backup-codes .badge').textContent()) ?? '';
}

/** "Two-factor authentication on · 2 numbers · 10 emergency codes left". */
async function summaryText(): Promise<string> {
  return (await page.getByTestId('security-summary').textContent()) ?? '';
}

/** The Security page as a picture in the light and the dark theme (prefers-color-scheme). */
async function screenshotBothThemes(name: string): Promise<void> {
  await screenshot(`${name}-light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(`${name}-dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

beforeAll(async () => {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  stack = await startStack();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(20_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

describe('the customer journey in a browser', () => {
  it('signs up', async () => {
    await page.goto(stack.webUrl);
    await heading('Log in');
    await screenshot('log-in');
    await page.getByRole('link', { name: 'Sign up' }).click();
    await heading('Sign up');
    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await screenshot('sign-up');
    await page.getByRole('button', { name: 'Sign up' }).click();
    // The browser speaks English (en-US) and so does the page: the account's SMS will too.
    await heading('Welcome, Ada Lovelace');
    expect(await page.getByRole('button', { name: /Account menu/ }).textContent()).toContain('AL');
    await screenshot('signed-in');
  });

  it('enables 2FA by SMS with the code from the gateway, and saves the emergency codes (keyboard only up to the code)', async () => {
    const focused = () =>
      page.evaluate(
        () =>
          (document.activeElement as HTMLElement | null)?.innerText?.trim() ||
          document.activeElement?.getAttribute('aria-label') ||
          document.activeElement?.id ||
          '',
      );
    // The account menu, by keyboard: Enter opens it on its first item, arrows move, Escape closes.
    await page.getByRole('button', { name: /Account menu/ }).focus();
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('Security');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Log out');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').isHidden()).toBe(true);
    expect(await focused()).toMatch(/Account menu/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await heading('Security');
    expect(await focused()).toBe('Security'); // the page heading takes focus
    await screenshot('security-2fa-off');

    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Enable two-factor authentication');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('Choose a method');
    expect(await page.getByLabel(/SMS/).isChecked()).toBe(true);
    await screenshot('wizard-choose-method');
    await page.keyboard.press('Tab'); // the SMS radio
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Continue');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('Enter your mobile number');

    const phone = page.getByLabel('Mobile number');
    const country = page.getByLabel('Country');
    await page.keyboard.press('Tab'); // the country picker in front of the number
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.type('Fran'); // type-ahead on the picker: France
    expect(await country.inputValue()).toBe('FR');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('tel');
    await page.keyboard.type('0712');
    await page.keyboard.press('Enter');
    expect(await page.locator('.field__error').first().textContent()).toMatch(/too short or too long/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('tel');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(firstNumber);
    expect(await phone.inputValue()).toBe(`+44 7400 ${firstNumber.slice(7)}`); // formatted as typed
    expect(await country.inputValue()).toBe('GB'); // the + number picked its country over France
    await screenshot('wizard-mobile-number');
    await page.keyboard.press('Enter');

    const code = page.getByLabel('Confirmation code');
    await code.waitFor();
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    const real = await codeFor(firstNumber);
    expect((await stack.inbox(firstNumber))[0].body).toMatch(/^Twofold security code: \d{6}\./);
    const wrong = real === '000000' ? '111111' : '000000';
    await code.fill(wrong);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(/That code is not right\. You have 4 tries left\./).waitFor();
    await page.getByText(/Code delivered to/).waitFor();
    expect(await page.getByRole('button', { name: /Resend code/ }).isVisible()).toBe(true);
    await screenshot('wizard-wrong-code');

    await code.fill(real);
    await page.getByLabel('Description').fill('Personal phone');
    await page.getByRole('button', { name: 'Confirm' }).click();

    await page.getByRole('heading', { name: 'Save your emergency codes' }).waitFor();
    emergencyCodes = await page.locator('ol.codes code').allTextContents();
    expect(emergencyCodes).toHaveLength(10);
    for (const c of emergencyCodes) expect(c).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    await screenshot('wizard-emergency-codes');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByText('Confirm that you have saved the codes first.').waitFor();
    await page.getByLabel('I have saved these codes').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('status').filter({ hasText: 'Two-factor authentication is on.' }).waitFor();
    expect(await remainingText()).toMatch(/^10 of 10 remaining/);
    expect(await summaryText()).toBe('Two-factor authentication on · 1 number · 10 emergency codes left');
    await screenshot('security-2fa-on');
  });

  it('adds a second number with a description', async () => {
    await page.getByRole('button', { name: 'Add a number' }).click();
    await page.getByLabel('Mobile number').pressSequentially(secondNumber);
    await page.getByRole('button', { name: 'Send code' }).click();
    await reauthenticateIfAsked(() => page.getByLabel('Confirmation code').waitFor());
    await page.getByLabel('Confirmation code').fill(await codeFor(secondNumber));
    await page.getByLabel('Description').fill('Work phone');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('status').filter({ hasText: 'is confirmed' }).waitFor();
    expect(await page.locator('.method').count()).toBe(2);
    expect(await page.locator('.method').filter({ hasText: 'Work phone' }).count()).toBe(1);
    expect(await page.locator('.method').filter({ hasText: 'Personal phone' }).getByText('Default').count()).toBe(1);
    await page.waitForFunction(() =>
      /2 numbers/.test(document.querySelector('[data-testid="security-summary"]')?.textContent ?? ''),
    );
    expect(await summaryText()).toBe('Two-factor authentication on · 2 numbers · 10 emergency codes left');
    await screenshot('security-two-numbers');
  });

  it('logs out, then logs in with the default number', async () => {
    await logOut();
    await logInWithPassword();
    expect(await page.getByText(/We'll send a 6-digit code by SMS to/).textContent()).toContain('Personal phone');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Security code').fill(await codeFor(firstNumber));
    await page.getByText(/Code (sent|delivered) to/).waitFor();
    await screenshot('login-2fa-default-number');
    await page.getByRole('button', { name: 'Verify' }).click();
    await heading('Welcome, Ada Lovelace');
  });

  it('logs in with the second number through "Try another method"', async () => {
    await logOut();
    await logInWithPassword();
    await page.getByRole('button', { name: 'Try another method' }).click();
    const options = page.locator('.method-list button');
    expect(await options.allTextContents()).toEqual([
      expect.stringContaining('Personal phone'),
      expect.stringContaining('Work phone'),
      'Emergency code',
    ]);
    await screenshot('login-2fa-try-another-method');
    await page.getByRole('button', { name: /Work phone/ }).click();
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Security code').fill(await codeFor(secondNumber));
    await page.getByRole('button', { name: 'Verify' }).click();
    await heading('Welcome, Ada Lovelace');
  });

  it('logs in with an emergency code and sees remaining go down', async () => {
    await logOut();
    await logInWithPassword();
    await page.getByRole('button', { name: 'Try another method' }).click();
    await page.getByRole('button', { name: 'Emergency code' }).click();
    await page.getByLabel('Emergency code').fill(emergencyCodes[0].toLowerCase().replace(/-/g, ''));
    await screenshot('login-2fa-emergency-code');
    await page.getByRole('button', { name: 'Verify' }).click();
    await heading('Welcome, Ada Lovelace');
    await goToSecurity();
    await page.waitForFunction(() =>
      /^9 of 10 remaining/.test(document.querySelector('.backup-codes .badge')?.textContent ?? ''),
    );
    expect(await remainingText()).toMatch(/^9 of 10 remaining/);
    expect(await summaryText()).toBe('Two-factor authentication on · 2 numbers · 9 emergency codes left');
    await page.getByText('Emergency code used to log in').first().waitFor();
    await screenshotBothThemes('security-page-en');
  });

  it('shows the activity as a table: device and browser, IP, relative time, failures marked, Show more', async () => {
    const table = page.getByRole('table', { name: /Security events of your account/ });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Event', 'Device', 'IP address', 'When']);
    const used = table.getByRole('row').filter({ hasText: 'Emergency code used to log in' }).first();
    expect(await used.getByRole('cell').nth(1).textContent()).toMatch(/^Chrome \d+ on LinuxComputer$/);
    expect(await used.getByRole('cell').nth(2).textContent()).toMatch(/^[\d.:a-f]+$/); // the loopback, as the API saw it
    expect(await used.getByRole('cell').nth(3).textContent()).toMatch(/^(now|\d+ seconds? ago|\d+ minutes? ago)/);
    const wrongCode = table.getByRole('row').filter({ hasText: 'Wrong two-factor code' }); // the wizard's 000000
    const before = await table.getByRole('row').count();
    await page.getByRole('button', { name: 'Show more' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.activity__table tbody tr').length > n - 1, before);
    expect(await table.getByRole('row').count()).toBeGreaterThan(before);
    if ((await wrongCode.count()) > 0) expect(await wrongCode.first().textContent()).toContain('Failed');
    await screenshot('security-activity-more');
  });

  it('regenerates the emergency codes after re-authentication', async () => {
    // Let the sudo window of the last login pass, so the API asks for the password again.
    await sleep((REAUTH_WINDOW_SECONDS + 1) * 1000);
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await page.getByRole('dialog', { name: "Confirm it's you" }).waitFor();
    await reauthenticate('reauthenticate-password');
    await page.locator('ol.codes code').first().waitFor();
    const fresh = await page.locator('ol.codes code').allTextContents();
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(emergencyCodes[1]);
    await screenshot('regenerated-codes');
    await page.getByLabel('I have saved these codes').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.waitForFunction(() =>
      /^10 of 10 remaining/.test(document.querySelector('.backup-codes .badge')?.textContent ?? ''),
    );
  });

  it('edits a description and makes the second number the default', async () => {
    const work = page.locator('.method').filter({ hasText: 'Work phone' });
    await work.getByRole('button', { name: /^Edit description/ }).click();
    await work.getByLabel('Description').fill('Work phone, desk');
    await work.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Description of .* saved.$/ })
      .waitFor();
    expect(await work.textContent()).toContain('Work phone, desk');
    await work.getByRole('button', { name: /^Make default/ }).click();
    await reauthenticateIfAsked(() => work.getByText('Default', { exact: true }).waitFor());
    expect(
      await page.locator('.method').filter({ hasText: 'Personal phone' }).getByText('Default', { exact: true }).count(),
    ).toBe(0);
    await screenshot('security-new-default');
  });

  it('removes both numbers and sees 2FA off', async () => {
    for (const description of ['Work phone', 'Personal phone']) {
      const item = page.locator('.method').filter({ hasText: description });
      await item.getByRole('button', { name: /^Remove/ }).click();
      await item.getByRole('button', { name: 'Remove number' }).click();
      await reauthenticateIfAsked(() => item.waitFor({ state: 'detached' }));
    }
    await page.getByRole('heading', { name: /Two-factor authentication\s+Off/ }).waitFor();
    await page.getByRole('button', { name: 'Enable two-factor authentication' }).waitFor();
    await screenshot('security-2fa-off-again');
  });

  it('shows a failed delivery with a suggestion to check the number', async () => {
    const control = (body: object) =>
      fetch(`${stack.gatewayUrl}/__control`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await control({ finalStatus: 'undelivered', errorCode: '30003' });
    try {
      await page.getByRole('button', { name: 'Enable two-factor authentication' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('Mobile number').pressSequentially(`+447800${randomDigits(6)}`);
      await page.getByRole('button', { name: 'Send code' }).click();
      const failed = page.getByText(/could not be delivered.*Check that the number is right/);
      await failed.waitFor();
      await screenshot('wizard-delivery-failed');
      await page.getByRole('button', { name: 'Use a different number' }).click();
      await page.getByLabel('Mobile number').waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
    } finally {
      await fetch(`${stack.gatewayUrl}/__reset`, { method: 'POST' });
    }
  });

  it('fits a phone-sized screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot('security-phone-size');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot('security-phone-size-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('comes back to a deep link after logging in', async () => {
    await page.setViewportSize({ width: 1100, height: 900 });
    await logOut();
    await page.goto(`${stack.webUrl}/#/security`);
    await heading('Log in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click(); // 2FA is off again: no second step
    await heading('Security');
  });
});

describe('the customer journey in French', () => {
  const frEmail = `ada.fr.${id}@example.com`;
  // +33 61: every number of the range is a valid French mobile (about 1 in 12 of +33 6 is not, and the
  // form refuses those before any request).
  const frNumber = `+3361${randomDigits(7)}`;
  const national = `0${frNumber.slice(3)}`.replace(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, '$1 $2 $3 $4 $5');

  beforeAll(async () => {
    // A fresh browser profile whose own language stays English: only the page's switch makes it French.
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  }, 30_000);

  it('signs up with the French switch, so the account and its SMS are French', async () => {
    await page.goto(stack.webUrl);
    await heading('Log in');
    await page.getByLabel('Language').selectOption('fr');
    await heading('Connexion');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await screenshot('fr-connexion');
    await page.getByRole('link', { name: 'Créer un compte' }).click();
    await heading('Créer un compte');
    await page.getByLabel('Nom').fill('Ada Lovelace');
    await page.getByLabel('E-mail').fill(frEmail);
    await page.getByLabel('Mot de passe').fill('court');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Utilisez au moins 10 caractères.').waitFor();
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await heading('Bienvenue, Ada Lovelace');
  });

  it('turns on 2FA in French with the country picker, and the SMS is French', async () => {
    await page.getByRole('button', { name: /Menu du compte/ }).click();
    await page.getByRole('menuitem', { name: 'Sécurité' }).click();
    await heading('Sécurité');
    expect(await summaryText()).toBe('Double authentification désactivée');
    await page.getByRole('button', { name: 'Activer la double authentification' }).click();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel('Pays').selectOption('FR');
    await page.getByLabel('Numéro de mobile').pressSequentially(national.replace(/ /g, ''));
    expect(await page.getByLabel('Numéro de mobile').inputValue()).toBe(national);
    await page.getByRole('button', { name: 'Envoyer le code', exact: true }).click();
    const code = page.getByLabel('Code de confirmation');
    // The first number needs a recent password (sudo mode): confirm it if the API asks.
    const dialog = page.getByRole('dialog', { name: 'Confirmez votre identité' });
    if ((await Promise.race([dialog.waitFor().then(() => 'dialog'), code.waitFor().then(() => 'code')])) === 'dialog') {
      await dialog.getByLabel('Mot de passe').fill(password);
      await dialog.getByRole('button', { name: 'Confirmer' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await code.waitFor();
    const sms = await codeFor(frNumber);
    expect((await stack.inbox(frNumber))[0].body).toMatch(/^Code de sécurité Twofold : \d{6}\./);
    await code.fill(sms);
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.getByRole('heading', { name: 'Enregistrez vos codes de secours' }).waitFor();
    await page.getByLabel('J’ai enregistré ces codes').check();
    await page.getByRole('button', { name: 'Terminé' }).click();
    await page.getByRole('status').filter({ hasText: 'La double authentification est activée.' }).waitFor();
    await page.waitForFunction(() =>
      /1 numéro/.test(document.querySelector('[data-testid="security-summary"]')?.textContent ?? ''),
    );
    expect(await summaryText()).toBe('Double authentification activée · 1 numéro · 10 codes de secours restants');
    expect(await page.locator('.backup-codes .badge').textContent()).toBe('10 sur 10 restants');
    const table = page.getByRole('table', { name: /Événements de sécurité/ });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Événement',
      'Appareil',
      'Adresse IP',
      'Quand',
    ]);
    expect(await table.getByRole('row').filter({ hasText: 'Compte créé' }).textContent()).toMatch(
      /Chrome \d+ sur LinuxOrdinateur/,
    );
    await page.getByText('Langue', { exact: true }).first().waitFor();
    await screenshotBothThemes('security-page-fr');
  });

  it('logs out and in again in French: the account keeps its language', async () => {
    await page.getByRole('button', { name: /Menu du compte/ }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await heading('Connexion');
    await page.getByLabel('E-mail').fill(frEmail);
    await page.getByLabel('Mot de passe').fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Double authentification' }).waitFor();
    expect(await page.getByText(/Nous allons envoyer un code à 6 chiffres par SMS au/).textContent()).toContain(
      frNumber.slice(-2),
    );
    await page.getByRole('button', { name: 'Envoyer le code', exact: true }).click();
    const real = await codeFor(frNumber);
    await page.getByLabel('Code de sécurité').fill(real === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.getByText(/Ce code est incorrect\. Il vous reste \d+ essais?\./).waitFor();
    await page.getByLabel('Code de sécurité').fill(real);
    await page.getByText(/Code (envoyé|remis) au/).waitFor();
    await screenshot('fr-connexion-2fa');
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await heading('Bienvenue, Ada Lovelace');
  });

  it('switches the account to English on Security', async () => {
    await page.getByRole('link', { name: 'Sécurité', exact: true }).click();
    await heading('Sécurité');
    await page.getByRole('combobox', { name: 'Langue du compte' }).selectOption('en');
    await heading('Security');
    await page.getByRole('status').filter({ hasText: 'Language changed to English.' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});

describe('the customer journey with an authenticator app', () => {
  const appEmail = `grace.${id}@example.com`;
  const appNumber = `+447900${randomDigits(6)}`;
  let secret = '';
  /** The last time step this test sent: the API never accepts a step twice for an app (replay). */
  let lastStep = 0;

  const stepNow = () => Math.floor(Date.now() / 1000 / 30);
  const codeAt = (step: number) => generateSync({ secret, epoch: step * 30, period: 30, digits: 6, algorithm: 'sha1' });

  /** What the app shows now, or in the next step when the current one was used; waits when both were. */
  async function nextTotp(): Promise<string> {
    for (;;) {
      const current = stepNow();
      const step = Math.max(current, lastStep + 1);
      if (step <= current + 1) {
        lastStep = step;
        return codeAt(step);
      }
      await sleep(500);
    }
  }

  /** Six digits no step of the ±1 window gives. */
  function wrongTotp(): string {
    const window = [-1, 0, 1, 2].map((d) => codeAt(stepNow() + d));
    return ['000000', '111111', '222222', '333333', '444444'].find((c) => !window.includes(c)) ?? '555555';
  }

  const focusedText = () =>
    page.evaluate(
      () =>
        (document.activeElement as HTMLElement | null)?.innerText?.trim() ||
        document.activeElement?.getAttribute('aria-label') ||
        '',
    );

  /** Password, then (2FA on) the authenticator app's code, inside "Confirm it's you". */
  async function reauthenticateWithApp(options: { tryAnother?: boolean; screenshotName?: string } = {}) {
    const dialog = page.getByRole('dialog', { name: "Confirm it's you" });
    await dialog.getByLabel('Password').fill(password);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    if (options.tryAnother) {
      await dialog.getByRole('button', { name: 'Try another method' }).click();
      await dialog.getByRole('button', { name: 'Authenticator app (Phone app)' }).click();
    }
    const code = dialog.getByLabel('Code from the app');
    await code.fill(await nextTotp());
    if (options.screenshotName) await screenshot(options.screenshotName);
    await dialog.getByRole('button', { name: 'Verify' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** `done` settles, or the sudo prompt comes first: answer it with `answer`, then wait for `done`. */
  async function unlessAsked(done: () => Promise<unknown>, answer: () => Promise<void>): Promise<void> {
    const dialog = page.getByRole('dialog', { name: "Confirm it's you" });
    const which = await Promise.race([
      dialog.waitFor().then(() => 'dialog' as const),
      done().then(() => 'done' as const),
    ]);
    if (which === 'dialog') {
      await answer();
      await done();
    }
  }

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  }, 30_000);

  it('signs up', async () => {
    await page.goto(stack.webUrl);
    await heading('Log in');
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByLabel('Name').fill('Grace Hopper');
    await page.getByLabel('Email').fill(appEmail);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await heading('Welcome, Grace Hopper');
    await page.getByRole('link', { name: 'Security', exact: true }).click();
    await heading('Security');
  });

  it('turns 2FA on with an authenticator app: QR code and key on screen, a wrong code, then the emergency codes', async () => {
    await page.getByRole('button', { name: 'Enable two-factor authentication' }).click();
    expect(await focusedText()).toBe('Choose a method');
    // Keyboard only: the radio group is one Tab stop, the arrows pick the app.
    await page.keyboard.press('Tab');
    expect(await page.getByLabel(/^SMS/).isChecked()).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel(/^Authenticator app/).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedText()).toBe('Continue');
    await page.keyboard.press('Enter');

    const setUp = page.getByRole('heading', { name: 'Set up your authenticator app' });
    const code = page.getByLabel('Code from the app');
    // Sign-up opened the sudo window; if it has closed, the password is enough while 2FA is off.
    await unlessAsked(
      () => code.waitFor(),
      async () => {
        const dialog = page.getByRole('dialog', { name: "Confirm it's you" });
        await dialog.getByLabel('Password').fill(password);
        await dialog.getByRole('button', { name: 'Confirm' }).click();
        await dialog.waitFor({ state: 'detached' });
      },
    );
    await page.waitForFunction(() => document.activeElement?.textContent === 'Set up your authenticator app');
    expect(await setUp.isVisible()).toBe(true);
    expect(await page.getByText('Step 2 of 3').isVisible()).toBe(true);

    const qr = page.getByRole('img', { name: 'QR code to add Twofold to your authenticator app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/); // drawn here
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth > 0)).toBe(true); // and the CSP let it in
    const shown = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/); // Base32, grouped in fours
    secret = shown.replace(/\s+/g, '');
    expect(secret).toHaveLength(32); // 160 bits
    const uri =
      (await page.getByRole('link', { name: /Open the key in your authenticator app/ }).getAttribute('href')) ?? '';
    expect(uri).toBe(`otpauth://totp/Twofold:${appEmail}?secret=${secret}&issuer=Twofold`);
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await code.getAttribute('inputmode')).toBe('numeric');
    await screenshot('totp-enrollment');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot('totp-enrollment-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await code.fill(wrongTotp());
    await page.getByLabel('Description').fill('Phone app');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('That code is not right. You have 4 tries left.').waitFor();
    expect(await code.inputValue()).toBe('');
    await screenshot('totp-enrollment-wrong-code');

    await code.fill(await nextTotp());
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'Save your emergency codes' }).waitFor();
    expect(await page.getByText('Step 3 of 3').isVisible()).toBe(true);
    expect(await page.locator('ol.codes code').count()).toBe(10);
    await page.getByLabel('I have saved these codes').check();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('status').filter({ hasText: 'Two-factor authentication is on.' }).waitFor();
    await page.waitForFunction(() =>
      /authenticator app/.test(document.querySelector('[data-testid="security-summary"]')?.textContent ?? ''),
    );
    expect(await summaryText()).toBe('Two-factor authentication on · 1 authenticator app · 10 emergency codes left');
    const item = page.locator('.method--app');
    expect(await item.locator('.method__summary').textContent()).toMatch(
      /^Authenticator appDefaultPhone appAdded .* · Not used to log in yet$/,
    );
    // The default: rename and remove, no Make default.
    expect(await item.getByRole('button').allTextContents()).toEqual([
      'Edit description of Authenticator app (Phone app)',
      'Remove Authenticator app (Phone app)',
    ]);
    await page.getByText('Authenticator app added').first().waitFor();
    await screenshot('security-authenticator-app');
  });

  it('adds a number (the sudo prompt asks for the app) and makes it the default', async () => {
    await page.getByRole('button', { name: 'Add a number' }).click();
    await page.getByLabel('Mobile number').pressSequentially(appNumber);
    await page.getByRole('button', { name: 'Send code' }).click();
    await unlessAsked(
      () => page.getByLabel('Confirmation code').waitFor(),
      () => reauthenticateWithApp(),
    );
    await page.getByLabel('Confirmation code').fill(await codeFor(appNumber));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('status').filter({ hasText: 'is confirmed' }).waitFor();
    const number = page.locator('.method:not(.method--app)');
    await number.getByRole('button', { name: /^Make default/ }).click();
    await unlessAsked(
      () => number.getByText('Default', { exact: true }).waitFor(),
      () => reauthenticateWithApp(),
    );
    expect(await page.locator('.method--app').getByText('Default', { exact: true }).count()).toBe(0);
    expect(await summaryText()).toBe(
      'Two-factor authentication on · 1 number · 1 authenticator app · 10 emergency codes left',
    );
  });

  it('logs in with the app through "Try another method"', async () => {
    await logOut();
    await page.getByLabel('Email').fill(appEmail);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Two-factor authentication' }).waitFor();
    expect(await page.getByText(/We'll send a 6-digit code by SMS to/).isVisible()).toBe(true); // the number is the default
    await page.getByRole('button', { name: 'Try another method' }).click();
    expect(await page.locator('.method-list button').allTextContents()).toEqual([
      expect.stringMatching(/^SMS to \+44/),
      'Authenticator app (Phone app)',
      'Emergency code',
    ]);
    await page.getByRole('button', { name: 'Authenticator app (Phone app)' }).click();
    expect(await page.getByRole('button', { name: 'Send code' }).count()).toBe(0);
    const code = page.getByLabel('Code from the app');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('one-time-code');
    await code.fill(wrongTotp());
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('That code is not right. You have 4 tries left.').waitFor();
    await code.fill(await nextTotp());
    await screenshot('login-2fa-authenticator-app');
    await page.getByRole('button', { name: 'Verify' }).click();
    await heading('Welcome, Grace Hopper');
  });

  it('re-authenticates with the app to make it the default again', async () => {
    await goToSecurity();
    expect(await page.locator('.method--app').textContent()).toMatch(/Last used /);
    await sleep((REAUTH_WINDOW_SECONDS + 1) * 1000); // out of the sudo window of that login
    const app = page.locator('.method--app');
    await app.getByRole('button', { name: 'Make default Authenticator app (Phone app)' }).click();
    await page.getByRole('dialog', { name: "Confirm it's you" }).waitFor();
    await reauthenticateWithApp({ tryAnother: true, screenshotName: 'reauthenticate-authenticator-app' });
    await app.getByText('Default', { exact: true }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Authenticator app (Phone app) is now your default method.' })
      .waitFor();
  });
});
