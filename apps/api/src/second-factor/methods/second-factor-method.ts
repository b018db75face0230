import type { EntityManager } from 'typeorm';
import type { LoginTicketEntity } from '@twofold/persistence';
import type { SmsChannel } from '@twofold/sms-queue';
import type { CodeCheck } from '../../sms-codes/sms-codes.service';
import type { AuthState, RequestMeta } from '../../common/request-context';
import type { TwoFactorMethodKind } from '../dto/two-factor-challenge.type';
import type { DescribedMethod } from '../challenge-labels';

/** What a plug-in's `verify` and `onUsed` run with: inside the locked second-factor step, at one instant. */
export interface VerifyContext {
  em: EntityManager;
  /** The live ticket, locked for the whole step. */
  ticket: LoginTicketEntity;
  /** The method the response is for (an SMS method id); null for kinds that need none. */
  methodId: string | null;
  /** The code (already normalised by the caller) or the authenticator's response. */
  response: string;
  now: Date;
  meta: RequestMeta;
  /** The account's locale, for notices. */
  locale: string;
}

/** What `prepare` runs with: the raw ticket (each kind reads and locks it as it needs), in the caller's unit of work. */
export interface PrepareArgs {
  ticket: string;
  /** The method to prepare (an SMS number); null for kinds that prepare for all their methods at once (security keys). */
  methodId: string | null;
  /** The request's session, if any: a re-authentication ticket works only with its own. */
  auth: AuthState | null;
  meta: RequestMeta;
  now: Date;
  /** SMS only: VOICE reads the code out by a call ("Call me instead", voice-calls/), under the same limits. */
  channel?: SmsChannel;
}

export interface VerifyResult {
  result: CodeCheck;
  /** What the security event says ("SMS to +44 •••• ••0123", "emergency code"): never a secret. */
  detail: string;
}

/**
 * One kind of second factor, plugged into the second-factor step. The step itself (ticket lock,
 * blocked account, failure counting, ticket consumption, the session) is shared; a kind supplies:
 * - `describe`: its methods for `TwoFactorChallenge.methods`;
 * - `prepare`: what the client needs before answering (an SMS code sent, WebAuthn options);
 * - `verify`: whether the response is right, counting nothing itself;
 * - `onUsed`: what a success changes besides the session (last use, events, notices).
 * Registered in `methods/method-registry.ts`; TOTP and security keys are two more folders.
 */
export interface SecondFactorMethod<Prepared = unknown> {
  readonly kind: TwoFactorMethodKind;
  describe(em: EntityManager | null, accountId: string): Promise<DescribedMethod[]>;
  prepare?(em: EntityManager, args: PrepareArgs): Promise<Prepared>;
  verify(ctx: VerifyContext): Promise<VerifyResult>;
  onUsed(ctx: VerifyContext): Promise<void>;
}
