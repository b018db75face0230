import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Purposes for keys derived from APP_SECRET with HKDF-SHA256: one secret in configuration,
 * independent keys for each use, so a leak of one derived key does not expose the others.
 */
export type KeyPurpose = 'sms-payload' | 'sms-body' | 'code-hmac' | 'backup-pepper' | 'totp-secret' | 'email-payload' | 'email-data';

export function deriveKey(appSecret: string, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', appSecret, 'twofold', `twofold/${purpose}/v1`, 32));
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random 96-bit IV. `aad` binds the ciphertext to its context (the message
 * id), so a sealed body moved onto another message does not open. Output: v1.iv.tag.ciphertext (base64url).
 */
export function seal(key: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/** One base64url field of a box, refused unless it is canonical and exactly `bytes` long. */
function field(value: string, name: 'IV' | 'tag', bytes: number): Buffer {
  const decoded = Buffer.from(value, 'base64url');
  if (decoded.length !== bytes || decoded.toString('base64url') !== value) throw new Error(`sealed box: the ${name} must be ${bytes} bytes`);
  return decoded;
}

export function open(key: Buffer, sealed: string, aad: string): string {
  const [version, iv, tag, ciphertext, extra] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || extra !== undefined) throw new Error('sealed box: unknown format');
  // Without authTagLength, Node accepts a GCM tag as short as 4 bytes and checks only that prefix.
  const decipher = createDecipheriv('aes-256-gcm', key, field(iv, 'IV', IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(field(tag, 'tag', TAG_BYTES));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
