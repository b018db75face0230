import { TwoFactorMethodKind } from './dto/two-factor-challenge.type';
import { backupCodeMethod, orderChallengeMethods, securityKeyLabel, smsLabel, type DescribedMethod } from './challenge-labels';

const sms = (id: string, isDefault = false): DescribedMethod => ({ id, kind: TwoFactorMethodKind.SMS, label: smsLabel(`+44 •••• ••${id}`, null), maskedPhoneNumber: `+44 •••• ••${id}`, description: null, isDefault });

describe('challenge labels', () => {
  it('labels a number with its description when it has one', () => {
    expect(smsLabel('+44 •••• ••0123', 'Work phone')).toBe('SMS to +44 •••• ••0123 (Work phone)');
    expect(smsLabel('+44 •••• ••0123', null)).toBe('SMS to +44 •••• ••0123');
  });

  it('labels a security key by its description, else its model, else plainly', () => {
    expect(securityKeyLabel('Office key', 'YubiKey 5 Series')).toBe('Security key (Office key)');
    expect(securityKeyLabel(null, 'YubiKey 5 Series')).toBe('Security key (YubiKey 5 Series)');
    expect(securityKeyLabel(null, null)).toBe('Security key');
  });

  it('orders the default first, the others as given, the emergency codes last', () => {
    const ordered = orderChallengeMethods([backupCodeMethod(), sms('01'), sms('02', true), sms('03')]);
    expect(ordered.map((m) => m.id)).toEqual(['02', '01', '03', 'backup-code']);
    expect(ordered[0]).not.toHaveProperty('isDefault');
  });

  it('keeps the given order without a default, and answers only the emergency codes when no method is left', () => {
    expect(orderChallengeMethods([sms('01'), sms('02')]).map((m) => m.id)).toEqual(['01', '02']);
    expect(orderChallengeMethods([backupCodeMethod()]).map((m) => m.label)).toEqual(['Emergency code']);
  });
});
