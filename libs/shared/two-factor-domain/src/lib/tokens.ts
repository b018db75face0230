import { createHash, randomBytes } from 'node:crypto';

/** 256-bit random opaque token, URL-safe. Sessions and login tickets use it. */
export function generateOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as this SHA-256 digest; 256 bits of entropy need no salt or stretching. */
export function hashOpaqueToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
