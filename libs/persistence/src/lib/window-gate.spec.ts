import { windowGateSql } from './window-gate';
import type { SqlLiteral } from './sql';

describe('windowGateSql', () => {
  it('builds the gate of the code SMS to one number', () => {
    expect(windowGateSql({ table: 'sms_message', where: [{ column: 'phone_number', value: '$4' }], purpose: 'codes', since: '$7', offset: '$8' })).toBe(
      `(SELECT created_at FROM sms_message WHERE TRUE AND phone_number = $4 AND purpose <> 'NOTICE' AND created_at > $7::timestamptz ORDER BY created_at DESC OFFSET $8 LIMIT 1)`,
    );
  });

  it('takes driver-quoted literals and whole-number offsets (scripts)', () => {
    const email = `'a@example.com'` as SqlLiteral;
    expect(windowGateSql({ table: 'login_failure', where: [{ column: 'email_normalized', value: email }], since: `'2026-01-01T00:00:00.000Z'` as SqlLiteral, offset: 9 })).toBe(
      `(SELECT created_at FROM login_failure WHERE TRUE AND email_normalized = 'a@example.com' AND created_at > '2026-01-01T00:00:00.000Z'::timestamptz ORDER BY created_at DESC OFFSET 9 LIMIT 1)`,
    );
  });

  it('refuses a purpose on a ledger without one, and a broken offset', () => {
    expect(() => windowGateSql({ table: 'login_failure', where: [], purpose: 'codes', since: '$1', offset: 0 })).toThrow(/purpose/);
    expect(() => windowGateSql({ table: 'sms_message', where: [], since: '$1', offset: -1 })).toThrow(/offset/);
    expect(() => windowGateSql({ table: 'sms_message', where: [], since: '$1', offset: 1.5 })).toThrow(/offset/);
  });
});
