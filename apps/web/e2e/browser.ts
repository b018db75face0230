import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/**
 * The one way browser tests start Chromium. A system Chromium is used when there is one
 * (`CHROMIUM_PATH`, else `/usr/bin/chromium`); otherwise the one shipped inside the npm package
 * `@sparticuz/chromium`, unpacked once per version into the temp folder. `TWOFOLD_BROWSER=npm`
 * forces the npm one (CI does, so that path is proven even where Chromium is installed) and
 * `TWOFOLD_BROWSER=system` the system one.
 */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Headless, no sandbox (tests run as root in containers), nothing that phones home. Of
 * @sparticuz/chromium's own `args` none is needed outside AWS Lambda: its `--single-process`,
 * `--no-zygote` and `--disable-setuid-sandbox` are Lambda workarounds, and its
 * `--disable-web-security` would hide a broken CORS setup, which the journey must catch.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

export type BrowserChoice = { kind: 'system'; executablePath: string } | { kind: 'npm' };

type Env = Record<string, string | undefined>;

/** Which Chromium to launch, from the environment and what exists on disk. */
export function chooseBrowser(env: Env = process.env, exists: (path: string) => boolean = existsSync): BrowserChoice {
  const wanted = env['TWOFOLD_BROWSER']?.trim().toLowerCase() || 'auto';
  if (!['auto', 'npm', 'system'].includes(wanted)) {
    throw new Error(`TWOFOLD_BROWSER must be npm, system or unset (auto), got "${env['TWOFOLD_BROWSER']}"`);
  }
  if (wanted === 'npm') return { kind: 'npm' };
  const configured = env['CHROMIUM_PATH']?.trim();
  if (configured) {
    if (!exists(configured))
      throw new Error(
        `CHROMIUM_PATH is ${configured}, which does not exist: fix it, or unset it to use the npm-shipped Chromium`,
      );
    return { kind: 'system', executablePath: configured };
  }
  if (exists(SYSTEM_CHROMIUM)) return { kind: 'system', executablePath: SYSTEM_CHROMIUM };
  if (wanted === 'system') {
    throw new Error(
      `TWOFOLD_BROWSER=system but there is no ${SYSTEM_CHROMIUM}: install Chromium, set CHROMIUM_PATH, or unset TWOFOLD_BROWSER to use the npm-shipped one`,
    );
  }
  return { kind: 'npm' };
}

/** Unpacks @sparticuz/chromium's binary (seconds the first time, then instant) and returns its path. */
export function npmChromium(): { executablePath: string; version: string } {
  const out = execFileSync(process.execPath, [join(__dirname, 'npm-chromium.mjs')], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '');
}

/** Launches the Chromium `chooseBrowser` picks, headless, with `CHROMIUM_ARGS` (plus `options.args`). */
export async function launchBrowser(options: LaunchOptions = {}, env: Env = process.env): Promise<Browser> {
  const choice = chooseBrowser(env);
  return chromium.launch({
    ...options,
    headless: true,
    executablePath: choice.kind === 'system' ? choice.executablePath : npmChromium().executablePath,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
