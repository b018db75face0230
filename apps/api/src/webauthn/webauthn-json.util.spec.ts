import { counterAccepted, CREDENTIAL_JSON_MAX_LENGTH, knownTransports, parseAuthenticationCredential, parseRegistrationCredential, reportsDiscoverable } from './webauthn-json.util';

const registration = {
  id: 'Y3JlZA',
  rawId: 'Y3JlZA',
  type: 'public-key',
  response: { clientDataJSON: 'e30', attestationObject: 'oA', transports: ['usb', 'nfc', 'telepathy'] },
  clientExtensionResults: { credProps: { rk: true } },
  authenticatorAttachment: 'cross-platform',
};
const assertion = { id: 'Y3JlZA', rawId: 'Y3JlZA', type: 'public-key', response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'MEU', userHandle: 'dQ' }, clientExtensionResults: {} };

describe('parseRegistrationCredential', () => {
  it('keeps what verification needs and the known transports', () => {
    const c = parseRegistrationCredential(JSON.stringify(registration));
    expect(c).toEqual({ id: 'Y3JlZA', rawId: 'Y3JlZA', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'oA', transports: ['nfc', 'usb'] }, clientExtensionResults: { credProps: { rk: true } } });
    expect(reportsDiscoverable(c!)).toBe(true);
    expect(reportsDiscoverable(parseRegistrationCredential(JSON.stringify({ ...registration, clientExtensionResults: undefined }))!)).toBe(false);
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['no id', JSON.stringify({ ...registration, id: '' })],
    ['another type', JSON.stringify({ ...registration, type: 'password' })],
    ['no attestationObject', JSON.stringify({ ...registration, response: { clientDataJSON: 'e30' } })],
    ['an assertion', JSON.stringify(assertion)],
    ['too long', JSON.stringify({ ...registration, pad: 'x'.repeat(CREDENTIAL_JSON_MAX_LENGTH) })],
  ])('refuses %s', (_, text) => {
    expect(parseRegistrationCredential(text)).toBeNull();
  });
});

describe('parseAuthenticationCredential', () => {
  it('keeps the assertion and its user handle', () => {
    expect(parseAuthenticationCredential(JSON.stringify(assertion))).toEqual(assertion);
    expect(parseAuthenticationCredential(JSON.stringify({ ...assertion, response: { ...assertion.response, userHandle: null } }))!.response.userHandle).toBeUndefined();
  });

  it('refuses a registration, a missing signature and a non-string user handle', () => {
    expect(parseAuthenticationCredential(JSON.stringify(registration))).toBeNull();
    expect(parseAuthenticationCredential(JSON.stringify({ ...assertion, response: { ...assertion.response, signature: 1 } }))).toBeNull();
    expect(parseAuthenticationCredential(JSON.stringify({ ...assertion, response: { ...assertion.response, userHandle: 5 } }))).toBeNull();
    expect(parseAuthenticationCredential(undefined)).toBeNull();
  });
});

describe('knownTransports', () => {
  it('keeps WebAuthn transports only', () => {
    expect(knownTransports(['internal', 'hybrid', 'x', 3])).toEqual(['hybrid', 'internal']);
    expect(knownTransports('usb')).toEqual([]);
  });
});

describe('counterAccepted', () => {
  it('accepts two zeros (an authenticator that does not count) and a counter that grew', () => {
    expect(counterAccepted(0, 0)).toBe(true);
    expect(counterAccepted(0, 1)).toBe(true);
    expect(counterAccepted(41, 42)).toBe(true);
  });

  it('refuses a counter that did not grow when either is non-zero', () => {
    expect(counterAccepted(42, 42)).toBe(false);
    expect(counterAccepted(42, 7)).toBe(false);
    expect(counterAccepted(5, 0)).toBe(false);
  });
});
