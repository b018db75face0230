import { authenticatorName } from './authenticator-names.util';

describe('authenticatorName', () => {
  it('names well-known AAGUIDs whatever their case', () => {
    expect(authenticatorName('ee882879-721c-4913-9775-3dfcce97072a')).toBe('YubiKey 5 Series');
    expect(authenticatorName('EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4')).toBe('Google Password Manager');
    expect(authenticatorName('fbfc3007-154e-4ecc-8c0b-6e020557d7bd')).toBe('iCloud Keychain');
  });

  it('answers null for the all-zero AAGUID, unknown ones and nothing', () => {
    expect(authenticatorName('00000000-0000-0000-0000-000000000000')).toBeNull();
    expect(authenticatorName('12345678-1234-4234-8234-123456789abc')).toBeNull();
    expect(authenticatorName(null)).toBeNull();
    expect(authenticatorName('constructor')).toBeNull();
  });
});
