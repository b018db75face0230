import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SecurityKeyLoginChallengeEntity, type SecurityKeyEntity } from '@twofold/persistence';
import { addSeconds } from '@twofold/two-factor-domain';
import { Errors } from '../../../common/errors';
import { authenticatorName } from '../../../webauthn/authenticator-names.util';
import { RelyingPartyService, WEBAUTHN_CHALLENGE_TTL_SECONDS, type StoredCredential } from '../../../webauthn/relying-party.service';
import { counterAccepted, parseAuthenticationCredential } from '../../../webauthn/webauthn-json.util';
import { securityKeyLabel, SECURITY_KEY_LABEL, type DescribedMethod } from '../../challenge-labels';
import { TwoFactorMethodKind } from '../../dto/two-factor-challenge.type';
import { blockedFor } from '../../lockout-policy';
import { TicketsService } from '../../tickets.service';
import type { PrepareArgs, SecondFactorMethod, VerifyContext, VerifyResult } from '../second-factor-method';
import { SecurityKeyLoginStore } from './security-key-login.store';

/** What startSecurityKeyLogin answers: PublicKeyCredentialRequestOptionsJSON as text, and when its challenge lapses. */
export interface SecurityKeyRequest {
  options: string;
  expiresAt: Date;
}

const stored = (k: SecurityKeyEntity): StoredCredential => ({ credentialId: k.credentialId, publicKey: k.publicKey, signCount: Number(k.signCount), transports: k.transports });
const labelOf = (k: SecurityKeyEntity) => securityKeyLabel(k.description, authenticatorName(k.aaguid));

/**
 * The security-key and passkey second factor (WebAuthn). `prepare` binds a fresh challenge to the
 * ticket (5 minutes, a new one replaces it); `verify` checks the assertion against the account's
 * key and that challenge, and stores the grown counter; `onUsed` spends the challenge.
 */
@Injectable()
export class SecurityKeyMethod implements SecondFactorMethod<SecurityKeyRequest> {
  readonly kind = TwoFactorMethodKind.SECURITY_KEY;

  constructor(
    private readonly store: SecurityKeyLoginStore,
    private readonly tickets: TicketsService,
    private readonly rp: RelyingPartyService,
  ) {}

  async describe(em: EntityManager | null, accountId: string): Promise<DescribedMethod[]> {
    return (await this.store.keys(em, accountId)).map((k) => ({
      id: k.id,
      kind: TwoFactorMethodKind.SECURITY_KEY,
      label: labelOf(k),
      maskedPhoneNumber: null,
      description: k.description,
      isDefault: k.isDefault,
    }));
  }

  /** startSecurityKeyLogin: the live ticket (locked), not for a blocked account, with at least one key. */
  async prepare(em: EntityManager, args: PrepareArgs): Promise<SecurityKeyRequest> {
    const t = await this.tickets.live(em, args.ticket, args.now, true);
    this.tickets.assertBoundTo(t, args.auth);
    const keys = await this.store.keys(em, t.accountId);
    if (keys.length === 0) throw Errors.methodNotEnabled();
    const blocked = blockedFor(await this.store.blockedUntil(em, t.accountId), args.now);
    if (blocked > 0) throw Errors.tooManyAttempts(blocked, 'Too many failed second-factor attempts on this account.');
    const options = await this.rp.authenticationOptions(keys.map(stored));
    const lapse = addSeconds(args.now, WEBAUTHN_CHALLENGE_TTL_SECONDS);
    const expiresAt = lapse.getTime() < t.expiresAt.getTime() ? lapse : t.expiresAt;
    await this.store.putChallenge(em, Object.assign(new SecurityKeyLoginChallengeEntity(), { ticketId: t.id, challenge: options.challenge, createdAt: args.now, expiresAt }));
    return { options: JSON.stringify(options), expiresAt };
  }

  /**
   * Right when the assertion is for one of the ticket's account's keys, signed over the ticket's
   * live challenge, for our origin and RP id, with a counter that grew (or two zeros). No live
   * challenge is `expired`; anything else that does not verify is `wrong`.
   */
  async verify(ctx: VerifyContext): Promise<VerifyResult> {
    const credential = parseAuthenticationCredential(ctx.response);
    if (!credential) return { result: 'wrong', detail: SECURITY_KEY_LABEL };
    const challenge = await this.store.challenge(ctx.em, ctx.ticket.id);
    if (!challenge || challenge.expiresAt.getTime() <= ctx.now.getTime()) return { result: 'expired', detail: SECURITY_KEY_LABEL };
    const key = await this.store.byCredentialId(ctx.em, ctx.ticket.accountId, credential.id);
    if (!key) return { result: 'wrong', detail: SECURITY_KEY_LABEL };
    const detail = labelOf(key);
    const verified = await this.rp.verifyAuthentication(credential, challenge.challenge, stored(key));
    if (!verified || !counterAccepted(Number(key.signCount), verified.newCounter)) return { result: 'wrong', detail };
    if (!(await this.store.acceptCounter(ctx.em, key.id, key.signCount, verified.newCounter, ctx.now))) return { result: 'wrong', detail };
    return { result: 'ok', detail };
  }

  /** The challenge is spent (single use); the counter and last use were stored by `verify`. */
  async onUsed(ctx: VerifyContext): Promise<void> {
    await this.store.deleteChallenge(ctx.em, ctx.ticket.id);
  }
}
