import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { knownTransports, reportsDiscoverable } from './webauthn-json.util';

/** Challenges live this long (contract §7); the browser's own timeout says the same. */
export const WEBAUTHN_CHALLENGE_TTL_SECONDS = 300;
export const WEBAUTHN_CHALLENGE_BYTES = 32;
export const RP_NAME = 'Twofold';

/** A stored credential as the checks need it. */
export interface StoredCredential {
  credentialId: string;
  publicKey: Buffer;
  signCount: number;
  transports: string[];
}

/** What a verified registration gives to store. */
export interface RegisteredCredential {
  credentialId: string;
  publicKey: Buffer;
  signCount: number;
  transports: string[];
  aaguid: string;
  isPasskey: boolean;
  backupEligible: boolean;
  backedUp: boolean;
}

const bytes = (b: Buffer) => new Uint8Array(b);
const transportsOf = (t: string[]) => knownTransports(t) as AuthenticatorTransportFuture[];

/**
 * The relying party: WebAuthn options and verification through @simplewebauthn/server, with the
 * RP id (host of WEB_ORIGIN) and the expected origin (WEB_ORIGIN) fixed from configuration. A
 * response that does not verify (origin, RP id, challenge, signature, counter, malformed data) is
 * null: the callers count it as a wrong code.
 */
@Injectable()
export class RelyingPartyService {
  readonly rpId: string;
  readonly origin: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const url = new URL(config.webOrigin);
    this.rpId = url.hostname;
    this.origin = url.origin;
  }

  /** Creation options: attestation none, resident key and user verification preferred, the account's keys excluded. */
  registrationOptions(args: { accountId: string; email: string; name: string; exclude: StoredCredential[] }): Promise<PublicKeyCredentialCreationOptionsJSON> {
    return generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: this.rpId,
      userName: args.email,
      userDisplayName: args.name,
      // The user handle is the account id (16 bytes, no personal data): one passkey per account and authenticator.
      userID: bytes(Buffer.from(args.accountId.replace(/-/g, ''), 'hex')),
      challenge: bytes(randomBytes(WEBAUTHN_CHALLENGE_BYTES)),
      timeout: WEBAUTHN_CHALLENGE_TTL_SECONDS * 1000,
      attestationType: 'none',
      excludeCredentials: args.exclude.map((k) => ({ id: k.credentialId, transports: transportsOf(k.transports) })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
  }

  /** Request options for a login ticket: the account's keys with their transports. */
  authenticationOptions(allow: StoredCredential[]): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return generateAuthenticationOptions({
      rpID: this.rpId,
      challenge: bytes(randomBytes(WEBAUTHN_CHALLENGE_BYTES)),
      timeout: WEBAUTHN_CHALLENGE_TTL_SECONDS * 1000,
      userVerification: 'preferred',
      allowCredentials: allow.map((k) => ({ id: k.credentialId, transports: transportsOf(k.transports) })),
    });
  }

  async verifyRegistration(response: RegistrationResponseJSON, expectedChallenge: string): Promise<RegisteredCredential | null> {
    try {
      const r = await verifyRegistrationResponse({ response, expectedChallenge, expectedOrigin: this.origin, expectedRPID: this.rpId, requireUserVerification: false });
      if (!r.verified) return null;
      const info = r.registrationInfo;
      const backupEligible = info.credentialDeviceType === 'multiDevice';
      return {
        credentialId: info.credential.id,
        publicKey: Buffer.from(info.credential.publicKey),
        signCount: info.credential.counter,
        transports: knownTransports(response.response.transports),
        aaguid: info.aaguid,
        isPasskey: reportsDiscoverable(response) || backupEligible,
        backupEligible,
        backedUp: info.credentialBackedUp,
      };
    } catch {
      return null;
    }
  }

  /** The new signature counter when the assertion verifies against `credential` and `expectedChallenge`, else null. */
  async verifyAuthentication(response: AuthenticationResponseJSON, expectedChallenge: string, credential: StoredCredential): Promise<{ newCounter: number } | null> {
    try {
      const r = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: this.origin,
        expectedRPID: this.rpId,
        credential: { id: credential.credentialId, publicKey: bytes(credential.publicKey), counter: credential.signCount, transports: transportsOf(credential.transports) },
        requireUserVerification: false,
      });
      return r.verified ? { newCounter: r.authenticationInfo.newCounter } : null;
    } catch {
      return null;
    }
  }
}
