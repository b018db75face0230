import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/**
 * What went wrong on the browser's side of a WebAuthn ceremony (`@simplewebauthn/browser` passes
 * the DOMException's name through): no WebAuthn here, the customer cancelled or let the prompt time
 * out (the spec makes both NotAllowedError, on purpose), the key is already registered, or anything
 * else. `null` for an API error: the caller reads those by their code.
 */
export type WebAuthnFailure = 'unsupported' | 'cancelled' | 'already' | 'failed';

export function webAuthnFailure(error: unknown): WebAuthnFailure | null {
  if (CombinedGraphQLErrors.is(error) || ServerError.is(error)) return null;
  if (!(error instanceof Error)) return 'failed';
  if (error.name === 'NotAllowedError' || error.name === 'AbortError') return 'cancelled';
  if (error.name === 'InvalidStateError') return 'already';
  if (error.name === 'NotSupportedError' || /not supported/i.test(error.message)) return 'unsupported';
  if (error.name === 'TypeError' && /fetch/i.test(error.message)) return null; // the network: an API error
  return 'failed';
}
