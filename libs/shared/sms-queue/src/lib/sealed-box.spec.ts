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

  it.each([4, 8, 12, 15])(
    'refuses a tag truncated to %i bytes (GCM would otherwise check only that prefix)',
    (bytes) => {
      const [version, iv, tag, ciphertext] = seal(key, 'secret', 'msg-1').split('.');
      const short = Buffer.from(tag, 'base64url').subarray(0, bytes).toString('base64url');
      expect(() => open(key, [version, iv, short, ciphertext].join('.'), 'msg-1')).toThrow(
        'sealed box: the tag must be 16 bytes',
      );
    },
  );

  it('refuses an IV that is not 12 bytes', () => {
    const [version, iv, tag, ciphertext] = seal(key, 'secret', 'msg-1').split('.');
    const long = Buffer.concat([Buffer.from(iv, 'base64url'), Buffer.alloc(4)]).toString('base64url');
    expect(() => open(key, [version, long, tag, ciphertext].join('.'), 'msg-1')).toThrow(
      'sealed box: the IV must be 12 bytes',
    );
    const short = Buffer.from(iv, 'base64url').subarray(0, 8).toString('base64url');
    expect(() => open(key, [version, short, tag, ciphertext].join('.'), 'msg-1')).toThrow(
      'sealed box: the IV must be 12 bytes',
    );
  });

  it('derives distinct 256-bit keys per purpose', () => {
    expect(key).toHaveLength(32);
    expect(deriveKey('a'.repeat(40), 'code-hmac').equals(key)).toBe(false);
  });
});
