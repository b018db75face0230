import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A software WebAuthn authenticator for tests: a P-256 (ES256) credential, attestation `none`,
 * answers in the JSON the browser (and @simplewebauthn/browser) hands to the server. Every field
 * a test may want to falsify (origin, RP id, challenge, counter) can be overridden per call.
 */

type Cbor = number | string | Buffer | Cbor[] | Map<number | string, Cbor>;

/** A tiny CBOR encoder (RFC 8949): unsigned and negative integers, byte and text strings, arrays, maps. */
export function cborEncode(value: Cbor): Buffer {
  const head = (major: number, n: number): Buffer => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
    if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, text.length), text]);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cborEncode)]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cborEncode(k), cborEncode(v)])]);
}

const b64url = (b: Buffer) => b.toString('base64url');
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest();

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

export interface SoftwareAuthenticatorOptions {
  /** AAGUID the authenticator claims (default all zeros). */
  aaguid?: string;
  /** A synced passkey: discoverable (credProps.rk), backup eligible and backed up (BE, BS). */
  passkey?: boolean;
  /** Transports reported at registration. */
  transports?: string[];
  /** The signature counter the next operation reports, then grows by one (default 0 and stays 0: no counter). */
  counter?: number;
}

/** What may be falsified in one answer. */
export interface Overrides {
  origin?: string;
  rpId?: string;
  challenge?: string;
  counter?: number;
  type?: string;
  /** Answer even when the options exclude this credential (a browser would refuse). */
  ignoreExclude?: boolean;
}

interface CreationOptions {
  challenge: string;
  rp: { id?: string };
  excludeCredentials?: { id: string }[];
}
interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string; transports?: string[] }[];
}

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private counter: number;
  private readonly counting: boolean;

  constructor(
    readonly origin: string,
    private readonly options: SoftwareAuthenticatorOptions = {},
  ) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.counter = options.counter ?? 0;
    this.counting = options.counter !== undefined;
  }

  get id(): string {
    return b64url(this.credentialId);
  }

  /** The COSE_Key of the credential (EC2, ES256, P-256). */
  coseKey(): Buffer {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return cborEncode(
      new Map<number, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x as string, 'base64url')],
        [-3, Buffer.from(jwk.y as string, 'base64url')],
      ]),
    );
  }

  private nextCounter(override?: number): number {
    if (override !== undefined) return override;
    const c = this.counter;
    if (this.counting) this.counter++;
    return c;
  }

  private authData(rpId: string, counter: number, attested: boolean): Buffer {
    const flags = FLAG_UP | FLAG_UV | (this.options.passkey ? FLAG_BE | FLAG_BS : 0) | (attested ? FLAG_AT : 0);
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    const parts: Buffer[] = [sha256(rpId), Buffer.from([flags]), count];
    if (attested) {
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(this.credentialId.length);
      parts.push(Buffer.from((this.options.aaguid ?? '00000000-0000-0000-0000-000000000000').replace(/-/g, ''), 'hex'), idLength, this.credentialId, this.coseKey());
    }
    return Buffer.concat(parts);
  }

  private clientData(type: string, challenge: string, origin: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
  }

  /** navigator.credentials.create() for `optionsJSON` (the API's `options` string), as RegistrationResponseJSON text. */
  register(optionsJSON: string, o: Overrides = {}): string {
    const options = JSON.parse(optionsJSON) as CreationOptions;
    if (!o.ignoreExclude && options.excludeCredentials?.some((c) => c.id === this.id)) throw new Error('InvalidStateError: this authenticator is excluded');
    const rpId = o.rpId ?? options.rp.id ?? new URL(this.origin).hostname;
    const authData = this.authData(rpId, this.nextCounter(o.counter), true);
    const attestationObject = cborEncode(new Map<string, Cbor>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    return JSON.stringify({
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      authenticatorAttachment: this.options.passkey ? 'platform' : 'cross-platform',
      response: {
        clientDataJSON: b64url(this.clientData(o.type ?? 'webauthn.create', o.challenge ?? options.challenge, o.origin ?? this.origin)),
        attestationObject: b64url(attestationObject),
        transports: this.options.transports ?? ['usb'],
      },
      clientExtensionResults: { credProps: { rk: this.options.passkey === true } },
    });
  }

  /** navigator.credentials.get() for `optionsJSON`, as AuthenticationResponseJSON text, signed with ES256 (DER). */
  assert(optionsJSON: string, o: Overrides = {}): string {
    const options = JSON.parse(optionsJSON) as RequestOptions;
    const rpId = o.rpId ?? options.rpId ?? new URL(this.origin).hostname;
    const authData = this.authData(rpId, this.nextCounter(o.counter), false);
    const clientDataJSON = this.clientData(o.type ?? 'webauthn.get', o.challenge ?? options.challenge, o.origin ?? this.origin);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return JSON.stringify({
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      authenticatorAttachment: this.options.passkey ? 'platform' : 'cross-platform',
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature), userHandle: null },
      clientExtensionResults: {},
    });
  }
}
