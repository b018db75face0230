import { createHmac } from 'node:crypto';
import {
  ovhCallbackToken,
  ovhCallbackUrl,
  verifyOvhCallbackToken,
  verifyWebhookReceipt,
  webhookReceiptSignature,
} from './receipts';

describe('webhook receipt signature', () => {
  const secret = 's3cret';
  const body = Buffer.from('{"id":"gw-1","status":"delivered"}');

  it('is sha256= + hex HMAC-SHA256 of timestamp "." body', () => {
    const expected = 'sha256=' + createHmac('sha256', secret).update('1764370000.' + body.toString()).digest('hex');
    expect(webhookReceiptSignature(secret, '1764370000', body)).toBe(expected);
  });

  it('checks signature, then the window in both directions', () => {
    const sig = webhookReceiptSignature(secret, '1000', body);
    expect(verifyWebhookReceipt(secret, '1000', sig, body, 1000)).toBe('ok');
    expect(verifyWebhookReceipt(secret, '1000', sig, body, 1300)).toBe('ok');
    expect(verifyWebhookReceipt(secret, '1000', sig, body, 1301)).toBe('stale');
    expect(verifyWebhookReceipt(secret, '1000', sig, body, 699)).toBe('stale');
    expect(verifyWebhookReceipt(secret, '1001', sig, body, 1000)).toBe('bad-signature');
    expect(verifyWebhookReceipt('other', '1000', sig, body, 1000)).toBe('bad-signature');
    expect(verifyWebhookReceipt(secret, '1000', sig, Buffer.from('{}'), 1000)).toBe('bad-signature');
    expect(verifyWebhookReceipt(secret, '1e3', sig, body, 1000)).toBe('bad-signature');
    expect(verifyWebhookReceipt(secret, undefined, sig, body, 1000)).toBe('missing');
    expect(verifyWebhookReceipt(secret, '1000', undefined, body, 1000)).toBe('missing');
  });
});

describe('OVHcloud callBack token', () => {
  const appSecret = 'test-secret-that-is-long-enough-for-hkdf-0123456789';
  const id = '6f1c2d3e-0000-4000-8000-000000000001';

  it('is per message and per secret, 256 bits base64url, and verifies in constant time', () => {
    const t = ovhCallbackToken(appSecret, id);
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ovhCallbackToken(appSecret, id)).toBe(t);
    expect(ovhCallbackToken(appSecret, id.replace(/1$/, '2'))).not.toBe(t);
    expect(ovhCallbackToken('another-secret-long-enough-0123456789', id)).not.toBe(t);
    expect(verifyOvhCallbackToken(appSecret, id, t)).toBe(true);
    expect(verifyOvhCallbackToken(appSecret, id, t.slice(1))).toBe(false);
    expect(verifyOvhCallbackToken(appSecret, id, undefined)).toBe(false);
  });

  it('builds the callBack URL', () => {
    const u = new URL(ovhCallbackUrl('https://api.example', appSecret, id));
    expect(u.pathname).toBe('/webhooks/sms/ovh');
    expect(u.searchParams.get('m')).toBe(id);
    expect(verifyOvhCallbackToken(appSecret, id, u.searchParams.get('t') ?? undefined)).toBe(true);
  });
});
