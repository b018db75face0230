import { createHash, createHmac } from 'node:crypto';
import { verifyVonageReceipt, vonageReceiptStatus, vonageSignature } from './vonage';

describe('Vonage signed webhooks', () => {
  const params = {
    messageId: '0A00000001',
    status: 'delivered',
    'message-timestamp': '2026-12-02 12:00:00',
    text: 'a&b=c',
    timestamp: '1796212800',
    nonce: 'n1',
  };
  // Vonage's rule, spelled out: sorted names, "&name=value", & and = in values replaced by _.
  const query =
    '&message-timestamp=2026-12-02 12:00:00&messageId=0A00000001&nonce=n1&status=delivered&text=a_b_c&timestamp=1796212800';

  it('signs as documented for md5hash and each HMAC', () => {
    expect(vonageSignature(params, 'secret', 'md5hash')).toBe(
      createHash('md5')
        .update(query + 'secret')
        .digest('hex'),
    );
    for (const m of ['md5', 'sha1', 'sha256', 'sha512'] as const)
      expect(vonageSignature(params, 'secret', m)).toBe(createHmac(m, 'secret').update(query).digest('hex'));
    // `sig` itself is never part of what is signed.
    expect(vonageSignature({ ...params, sig: 'x' }, 'secret', 'sha256')).toBe(
      vonageSignature(params, 'secret', 'sha256'),
    );
  });

  it('verifies case-insensitively, refuses altered, unsigned and stale receipts', () => {
    const now = 1796212800;
    const sig = vonageSignature(params, 'secret', 'sha256').toUpperCase();
    expect(verifyVonageReceipt({ ...params, sig }, 'secret', 'sha256', now)).toBe('ok');
    expect(verifyVonageReceipt({ ...params, status: 'failed', sig }, 'secret', 'sha256', now)).toBe('bad-signature');
    expect(verifyVonageReceipt(params, 'secret', 'sha256', now)).toBe('missing');
    expect(verifyVonageReceipt({ ...params, sig }, 'secret', 'sha256', now + 301)).toBe('stale');
    expect(verifyVonageReceipt({ ...params, sig }, 'secret', 'sha512', now)).toBe('bad-signature');
  });

  it('maps receipt statuses onto sent, delivered, failed or nothing', () => {
    expect(
      ['accepted', 'buffered', 'delivered', 'expired', 'failed', 'rejected', 'unknown', undefined].map(
        vonageReceiptStatus,
      ),
    ).toEqual(['sent', 'sent', 'delivered', 'failed', 'failed', 'failed', 'ignore', 'ignore']);
  });
});
