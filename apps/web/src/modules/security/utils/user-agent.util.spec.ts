import { parseUserAgent } from './user-agent.util';

describe('parseUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      { browser: 'Chrome 131', os: 'macOS', kind: 'desktop' },
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      { browser: 'Safari 18', os: 'iOS', kind: 'mobile', model: 'iPhone' },
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
      { browser: 'Firefox 133', os: 'Windows', kind: 'desktop' },
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      { browser: 'Chrome 131', os: 'Android', kind: 'mobile' },
    ],
  ])('%s', (ua, summary) => {
    expect(parseUserAgent(ua)).toEqual(summary);
  });

  it('gives nothing for an empty or unknown agent', () => {
    expect(parseUserAgent(null)).toEqual({});
    expect(parseUserAgent('')).toEqual({});
    expect(parseUserAgent('curl/8.5.0')).toEqual({});
  });
});
