import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A UUIDv7 (RFC 9562) whose 48-bit time and 12-bit counter never go back within this process.
 * One transaction stamps all its events with the same time (e.g. SMS_METHOD_CONFIRMED,
 * TWO_FACTOR_ENABLED, SESSION_REVOKED, BACKUP_CODES_GENERATED), so the id is what keeps them in
 * the order they happened when the list is sorted by (created_at, id), newest first.
 */
export function orderedEventId(now: Date): string {
  const ms = now.getTime();
  if (ms > lastMs) {
    lastMs = ms;
    counter = 0;
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  const b = randomBytes(16);
  b.writeUIntBE(lastMs, 0, 6);
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = 0x80 | (b[8] & 0x3f);
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
