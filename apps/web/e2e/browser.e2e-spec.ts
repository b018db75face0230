import { chooseBrowser, launchBrowser, npmChromium, SYSTEM_CHROMIUM } from './browser';

/** The launcher every browser test uses: which Chromium it picks, and that the npm one runs. */
describe('chooseBrowser', () => {
  const nothing = () => false;
  const only =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);

  it('takes the system Chromium when there is one, else the npm-shipped one', () => {
    expect(chooseBrowser({}, only(SYSTEM_CHROMIUM))).toEqual({ kind: 'system', executablePath: SYSTEM_CHROMIUM });
    expect(chooseBrowser({}, nothing)).toEqual({ kind: 'npm' });
  });

  it('prefers CHROMIUM_PATH, and refuses one that does not exist', () => {
    expect(chooseBrowser({ CHROMIUM_PATH: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', SYSTEM_CHROMIUM))).toEqual(
      {
        kind: 'system',
        executablePath: '/opt/chrome/chrome',
      },
    );
    expect(() => chooseBrowser({ CHROMIUM_PATH: '/nope' }, only(SYSTEM_CHROMIUM))).toThrow(
      'CHROMIUM_PATH is /nope, which does not exist',
    );
  });

  it('TWOFOLD_BROWSER=npm forces the npm one even where Chromium is installed', () => {
    expect(
      chooseBrowser(
        { TWOFOLD_BROWSER: 'npm', CHROMIUM_PATH: '/opt/chrome/chrome' },
        only('/opt/chrome/chrome', SYSTEM_CHROMIUM),
      ),
    ).toEqual({ kind: 'npm' });
  });

  it('TWOFOLD_BROWSER=system forces the system one, and says what to do when there is none', () => {
    expect(chooseBrowser({ TWOFOLD_BROWSER: 'system' }, only(SYSTEM_CHROMIUM))).toEqual({
      kind: 'system',
      executablePath: SYSTEM_CHROMIUM,
    });
    expect(() => chooseBrowser({ TWOFOLD_BROWSER: 'system' }, nothing)).toThrow(
      /TWOFOLD_BROWSER=system but there is no \/usr\/bin\/chromium: install Chromium, set CHROMIUM_PATH/,
    );
  });

  it('refuses an unknown TWOFOLD_BROWSER', () => {
    expect(() => chooseBrowser({ TWOFOLD_BROWSER: 'firefox' }, nothing)).toThrow(
      'TWOFOLD_BROWSER must be npm, system or unset (auto), got "firefox"',
    );
  });
});

describe('the npm-shipped Chromium', () => {
  it('unpacks once per version and renders a page headless with playwright-core', async () => {
    const first = npmChromium();
    expect(first.executablePath).toMatch(
      new RegExp(`twofold-chromium-${first.version.replace(/\./g, '\\.')}/chromium$`),
    );
    expect(npmChromium()).toEqual(first);

    const browser = await launchBrowser({}, { TWOFOLD_BROWSER: 'npm' });
    try {
      expect(browser.version()).toMatch(new RegExp(`^${first.version.split('.')[0]}\\.`));
      const page = await browser.newPage();
      await page.setContent('<main><h1>Security</h1><label>Phone <input></label></main>');
      await page.getByLabel('Phone').fill('+447700900123');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Security');
      expect(await page.getByLabel('Phone').inputValue()).toBe('+447700900123');
    } finally {
      await browser.close();
    }
  }, 120_000);
});
