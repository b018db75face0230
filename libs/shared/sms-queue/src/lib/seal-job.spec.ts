import { deriveKey } from './sealed-box';
import { openSmsJob, sealSmsJob } from './seal-job';

describe('sealed SMS jobs', () => {
  const key = deriveKey('k'.repeat(40), 'sms-payload');
  const secret = { messageId: 'm-1', to: '+447700900123', body: 'code 123456', expiresAt: null };

  it('keeps the number and body out of the job data and opens it again', () => {
    const data = sealSmsJob(key, secret);
    expect(JSON.stringify(data)).not.toMatch(/123456|447700900123/);
    expect(openSmsJob(key, data)).toEqual(secret);
  });

  it('refuses a payload moved onto another message id', () => {
    const data = sealSmsJob(key, secret);
    expect(() => openSmsJob(key, { ...data, messageId: 'm-2' })).toThrow();
  });

  it('refuses a job whose tag was truncated', () => {
    const data = sealSmsJob(key, secret);
    const [version, iv, tag, ciphertext] = data.sealed.split('.');
    const short = Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => openSmsJob(key, { ...data, sealed: [version, iv, short, ciphertext].join('.') })).toThrow('sealed box: the tag must be 16 bytes');
  });
});
