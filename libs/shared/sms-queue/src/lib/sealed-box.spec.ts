import { deriveKey, open, seal } from './sealed-box';

describe('sealed box', () => {
  const key = deriveKey('a'.repeat(40), 'sms-payload');

  it('round-trips and never shows the plaintext', () => {
    const sealed = seal(key, 'Twofold security code: 123456', 'msg-1');
    expect(sealed).not.toContain('123456');
    expect(open(key, sealed, 'msg-1')).toBe('Twofold security code: 123456');
    expect(seal(key, 'same', 'msg-1')).not.toBe(seal(key, 'same', 'msg-1'));
  });

  it('refuses another context, another key and tampering', () => {
    const sealed = seal(key, 'secret', 'msg-1');
    expect(() => open(key, sealed, 'msg-2')).toThrow();
    expect(() => open(deriveKey('b'.repeat(40), 'sms-payload'), sealed, 'msg-1')).toThrow();
    expect(() => open(deriveKey('a'.repeat(40), 'sms-body'), sealed, 'msg-1')).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => open(key, parts.join('.'), 'msg-1')).toThrow();
    expect(() => open(key, 'garbage', 'msg-1')).toThrow(/unknown format/);
  });

  it('derives distinct 256-bit keys per purpose', () => {
    expect(key).toHaveLength(32);
    expect(deriveKey('a'.repeat(40), 'code-hmac').equals(key)).toBe(false);
  });
});
