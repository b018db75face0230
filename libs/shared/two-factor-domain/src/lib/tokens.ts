import { createHash, randomBytes } from 'node:crypto';

/** 256-bit random opaque token, URL-safe. Sessions and login tickets use it. */
export function generateOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether `token` has the shape generateOpaqueToken gives (43 base64url characters): anything else was never issued. */
export function isOpaqueTokenShape(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token);
}

/** Tokens are stored only as this SHA-256 digest; 256 bits of entropy need no salt or stretching. */
export function hashOpaqueToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
