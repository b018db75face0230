import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { generateSync } from 'otplib';

/**
 * Helpers of the contract-v2 journey (v2-journey.e2e-spec.ts): a virtual WebAuthn authenticator
 * through the Chrome DevTools Protocol, authenticator-app codes computed from the secret read on
 * screen (each 30-second step used once: the API refuses a replay), and the page steps the journey
 * repeats.
 */
export const SCREENSHOTS = join(__dirname, 'screenshots');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A platform authenticator with user verification that answers every prompt by itself, as a
 * laptop's fingerprint reader would: resident keys, so what it registers is a passkey.
 */
export async function addVirtualAuthenticator(context: BrowserContext, page: Page): Promise<string> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return authenticatorId;
}

/** Codes of one authenticator app, never the same 30-second step twice. */
export class Totp {
  private lastStep = 0;
  secret = '';

  private static stepNow(): number {
    return Math.floor(Date.now() / 1000 / 30);
  }

  /** The code of the current step, or of the next when the current one was used; waits when both were. */
  async next(): Promise<string> {
    for (;;) {
      const current = Totp.stepNow();
      const step = Math.max(current, this.lastStep + 1);
      if (step <= current + 1) {
        this.lastStep = step;
        // RFC 6238 as the contract fixes it (SHA-1, 6 digits, 30 s), as @twofold/two-factor-domain's
        // totpCodeAt computes it: the web app may not import that lib (module boundaries), otplib it may.
        return generateSync({ secret: this.secret, epoch: step * 30, period: 30, digits: 6, algorithm: 'sha1' });
      }
      await sleep(500);
    }
  }
}

export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await heading(page, 'Log in');
}

export async function goToSecurity(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Security', exact: true }).click();
  await heading(page, 'Security');
}

/** Email and password; resolves with what came next: the second step, or signed in straight away. */
export async function logInWithPassword(page: Page, email: string, password: string): Promise<'second' | 'in'> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  return Promise.race([
    page
      .getByRole('heading', { name: 'Two-factor authentication', level: 2 })
      .waitFor()
      .then(() => 'second' as const),
    page
      .getByRole('heading', { name: /^Welcome, /, level: 1 })
      .waitFor()
      .then(() => 'in' as const),
  ]);
}

/** `done` settles, or the sudo prompt comes first: answer it with the app's code, then wait for `done`. */
export async function unlessAsked(page: Page, done: () => Promise<unknown>, password: string, totp: Totp) {
  const dialog = page.getByRole('dialog', { name: "Confirm it's you" });
  // A refusal shows in an alert region: fail with its words rather than a timeout.
  const refused = page
    .locator('.alert--error')
    .first()
    .waitFor()
    .then(async () => {
      throw new Error(`refused: ${await page.locator('.alert--error').first().textContent()}`);
    });
  refused.catch(() => undefined);
  const which = await Promise.race([
    dialog.waitFor().then(() => 'dialog' as const),
    done().then(() => 'done' as const),
    refused,
  ]);
  if (which === 'done') return;
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  const code = dialog.getByLabel('Code from the app');
  // 2FA on: the default may be another kind; the app is under "Try another method".
  const asked = await Promise.race([
    code.waitFor().then(() => 'code' as const),
    dialog.waitFor({ state: 'detached' }).then(() => 'gone' as const),
    dialog
      .getByRole('button', { name: 'Try another method' })
      .waitFor()
      .then(() => 'other' as const),
  ]);
  if (asked === 'other' && !(await code.isVisible())) {
    await dialog.getByRole('button', { name: 'Try another method' }).click();
    await dialog.getByRole('button', { name: /^Authenticator app/ }).click();
  }
  if (asked !== 'gone') {
    await code.fill(await totp.next());
    await dialog.getByRole('button', { name: 'Verify' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
  await done();
}
