import { CombinedGraphQLErrors } from '@apollo/client';
import { webAuthnFailure } from './webauthn';

const named = (name: string, message = 'x') => Object.assign(new Error(message), { name });

describe('webAuthnFailure', () => {
  it('reads the browser side of a ceremony by the DOMException name', () => {
    expect(webAuthnFailure(named('NotAllowedError'))).toBe('cancelled');
    expect(webAuthnFailure(named('AbortError'))).toBe('cancelled');
    expect(webAuthnFailure(named('InvalidStateError'))).toBe('already');
    expect(webAuthnFailure(new Error('WebAuthn is not supported in this browser'))).toBe('unsupported');
    expect(webAuthnFailure(named('SecurityError'))).toBe('failed');
    expect(webAuthnFailure('nonsense')).toBe('failed');
  });

  it('leaves API errors to their codes', () => {
    const api = new CombinedGraphQLErrors({ errors: [{ message: 'no', extensions: { code: 'INVALID_CODE' } }] });
    expect(webAuthnFailure(api)).toBeNull();
    expect(webAuthnFailure(new TypeError('Failed to fetch'))).toBeNull();
  });
});
