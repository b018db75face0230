import Bowser from 'bowser';

export type DeviceKind = 'desktop' | 'mobile' | 'tablet' | 'tv';

/** What a customer recognises of a user agent: "Chrome 131" on "macOS", a computer. */
export interface UserAgentSummary {
  /** Browser and major version, e.g. "Chrome 131", "Safari 18". */
  browser?: string;
  /** The operating system by name only: browsers freeze its version (macOS 10.15.7, Windows NT 10.0). */
  os?: string;
  kind?: DeviceKind;
  /** The device's model when the browser tells it, e.g. "iPhone". */
  model?: string;
}

const KINDS: readonly string[] = ['desktop', 'mobile', 'tablet', 'tv'];

/** Parses a User-Agent header with bowser (MIT); an empty or unknown one gives an empty summary. */
export function parseUserAgent(userAgent: string | null | undefined): UserAgentSummary {
  if (!userAgent?.trim()) return {};
  const { browser, os, platform } = Bowser.parse(userAgent);
  const major = browser.version?.split('.')[0];
  return {
    browser: browser.name ? (major ? `${browser.name} ${major}` : browser.name) : undefined,
    os: os.name || undefined,
    kind: platform.type && KINDS.includes(platform.type) ? (platform.type as DeviceKind) : undefined,
    model: platform.model || undefined,
  };
}
