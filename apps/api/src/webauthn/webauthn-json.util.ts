import type { AuthenticationResponseJSON, AuthenticatorTransportFuture, RegistrationResponseJSON } from '@simplewebauthn/server';

/** A PublicKeyCredential as JSON is a few kilobytes at most; anything longer is refused before parsing. */
export const CREDENTIAL_JSON_MAX_LENGTH = 32 * 1024;

const TRANSPORTS: readonly AuthenticatorTransportFuture[] = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'];

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function parseObject(text: unknown): Json | null {
  if (typeof text !== 'string' || text.length > CREDENTIAL_JSON_MAX_LENGTH) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** The transports a browser reported that WebAuthn knows; unknown strings are dropped. */
export function knownTransports(value: unknown): AuthenticatorTransportFuture[] {
  if (!Array.isArray(value)) return [];
  return TRANSPORTS.filter((t) => value.includes(t));
}

/** The shared outer shape: id, rawId, type "public-key" and a response object. */
function credentialShell(text: unknown): { c: Json; response: Json } | null {
  const c = parseObject(text);
  if (!c || !isText(c['id']) || !isText(c['rawId']) || c['type'] !== 'public-key' || !isObject(c['response'])) return null;
  if (c['clientExtensionResults'] !== undefined && !isObject(c['clientExtensionResults'])) return null;
  return { c, response: c['response'] };
}

/** navigator.credentials.create()'s answer as JSON (RegistrationResponseJSON), or null when it is not one. */
export function parseRegistrationCredential(text: unknown): RegistrationResponseJSON | null {
  const shell = credentialShell(text);
  if (!shell || !isText(shell.response['clientDataJSON']) || !isText(shell.response['attestationObject'])) return null;
  const { c, response } = shell;
  return {
    id: c['id'] as string,
    rawId: c['rawId'] as string,
    type: 'public-key',
    response: { clientDataJSON: response['clientDataJSON'] as string, attestationObject: response['attestationObject'] as string, transports: knownTransports(response['transports']) },
    clientExtensionResults: isObject(c['clientExtensionResults']) ? c['clientExtensionResults'] : {},
  };
}

/** navigator.credentials.get()'s answer as JSON (AuthenticationResponseJSON), or null when it is not one. */
export function parseAuthenticationCredential(text: unknown): AuthenticationResponseJSON | null {
  const shell = credentialShell(text);
  if (!shell) return null;
  const { c, response } = shell;
  if (!isText(response['clientDataJSON']) || !isText(response['authenticatorData']) || !isText(response['signature'])) return null;
  if (response['userHandle'] !== undefined && response['userHandle'] !== null && typeof response['userHandle'] !== 'string') return null;
  return {
    id: c['id'] as string,
    rawId: c['rawId'] as string,
    type: 'public-key',
    response: {
      clientDataJSON: response['clientDataJSON'] as string,
      authenticatorData: response['authenticatorData'] as string,
      signature: response['signature'] as string,
      ...(typeof response['userHandle'] === 'string' ? { userHandle: response['userHandle'] } : {}),
    },
    clientExtensionResults: isObject(c['clientExtensionResults']) ? c['clientExtensionResults'] : {},
  };
}

/** Whether the registration's extension results say the credential is discoverable (credProps.rk). */
export function reportsDiscoverable(credential: RegistrationResponseJSON): boolean {
  const props: unknown = (credential.clientExtensionResults as Json)['credProps'];
  return isObject(props) && props['rk'] === true;
}

/**
 * The signature-counter rule (WebAuthn §7.2 step 21): when either the stored or the received
 * counter is non-zero, the received one must be greater; two zeros mean the authenticator does not count.
 */
export function counterAccepted(stored: number, received: number): boolean {
  if (stored === 0 && received === 0) return true;
  return received > stored;
}
