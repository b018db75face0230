import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SecurityKeyEntity, SecurityKeyRegistrationEntity } from '@twofold/persistence';
import { addSeconds, cleanText, DESCRIPTION_MAX_LENGTH } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { Errors } from '../common/errors';
import { isUuid } from '../common/ids';
import { lockAccount } from '../common/lock-account';
import type { AuthState, RequestMeta } from '../common/request-context';
import { SecurityEventsService } from '../security-events/security-events.service';
import { SessionsService } from '../sessions/sessions.service';
import { NoticesService } from '../sms-outbox/notices.service';
import { SmsOutboxService } from '../sms-outbox/sms-outbox.service';
import { TwoFactorActivationService } from '../two-factor-activation/two-factor-activation.service';
import { SECURITY_KEYS_PER_ACCOUNT, TwoFactorService, type TwoFactorState } from '../two-factor/two-factor.service';
import { authenticatorName } from '../webauthn/authenticator-names.util';
import { RelyingPartyService, WEBAUTHN_CHALLENGE_TTL_SECONDS, type StoredCredential } from '../webauthn/relying-party.service';
import { parseRegistrationCredential } from '../webauthn/webauthn-json.util';
import type { SecurityKeyRegistrationModel } from './dto/security-key-registration.type';
import { SecurityKeyStore } from './security-key.store';

type FinishOutcome = { kind: 'ok'; methodId: string; backupCodes: string[] | null } | { kind: 'wrong'; remaining: number };

const tooMany = () => Errors.badInput({ registrationId: `You can add at most ${SECURITY_KEYS_PER_ACCOUNT} security keys.` }, 'Too many security keys.');
const stored = (k: SecurityKeyEntity): StoredCredential => ({ credentialId: k.credentialId, publicKey: k.publicKey, signCount: Number(k.signCount), transports: k.transports });

/**
 * Registering a security key or passkey (WebAuthn): creation options with a fresh challenge
 * (sudo mode), then the browser's credential, verified against that challenge, our origin and RP
 * id. Like the first number or app, the first method turns 2FA on and hands out emergency codes once.
 */
@Injectable()
export class SecurityKeysService {
  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly store: SecurityKeyStore,
    private readonly rp: RelyingPartyService,
    private readonly twoFactor: TwoFactorService,
    private readonly sessions: SessionsService,
    private readonly activation: TwoFactorActivationService,
    private readonly events: SecurityEventsService,
    private readonly notices: NoticesService,
    private readonly outbox: SmsOutboxService,
  ) {}

  /** Creation options (the account's keys excluded) and their registration row; adding a method needs sudo mode. */
  async start(auth: AuthState): Promise<SecurityKeyRegistrationModel> {
    const now = this.clock.now();
    if (!this.sessions.isRecentlyAuthenticated(auth.session, now)) throw Errors.reauthRequired();
    const id = randomUUID();
    const expiresAt = addSeconds(now, WEBAUTHN_CHALLENGE_TTL_SECONDS);
    const options = await this.outbox.inTransaction(async (em) => {
      const account = await lockAccount(em, auth.account.id);
      const keys = await this.store.keys(em, account.id);
      if (keys.length >= SECURITY_KEYS_PER_ACCOUNT) throw tooMany();
      const o = await this.rp.registrationOptions({ accountId: account.id, email: account.email, name: account.name, exclude: keys.map(stored) });
      await this.store.insertRegistration(
        em,
        Object.assign(new SecurityKeyRegistrationEntity(), { id, accountId: account.id, challenge: o.challenge, createdAt: now, expiresAt, failedAttempts: 0, consumedAt: null }),
      );
      return o;
    });
    return { registrationId: id, options: JSON.stringify(options), expiresAt };
  }

  /**
   * Verifies the browser's credential against the registration's challenge (the row locked: of
   * concurrent finishes one wins, the others find it spent), stores the key and spends the
   * challenge. A credential that does not verify counts like a wrong code (5 per registration).
   */
  async finish(auth: AuthState, input: { registrationId: string; credential: string; description?: string | null }, meta: RequestMeta): Promise<{ methodId: string; twoFactor: TwoFactorState; backupCodes: string[] | null }> {
    const description = cleanText(input.description, DESCRIPTION_MAX_LENGTH);
    const credential = parseRegistrationCredential(input.credential);
    const fields: Record<string, string> = {};
    if (!description.ok) fields['description'] = description.message;
    if (!credential) fields['credential'] = 'Send the JSON of the credential navigator.credentials.create() gave.';
    if (!credential || !description.ok) throw Errors.badInput(fields);
    if (!isUuid(input.registrationId)) throw Errors.notFound('Registration');
    const accountId = auth.account.id;
    const now = this.clock.now();
    const limit = this.config.limits.codeAttempts;

    const outcome = await this.outbox.inTransaction(async (em): Promise<FinishOutcome> => {
      const account = await lockAccount(em, accountId);
      const registration = await this.store.registration(em, accountId, input.registrationId);
      if (!registration || registration.consumedAt) throw Errors.notFound('Registration');
      if (registration.expiresAt.getTime() <= now.getTime()) throw Errors.codeExpired();
      if (registration.failedAttempts >= limit) throw Errors.tooManyAttempts(0, 'Too many failed tries: start adding the security key again.');
      const key = await this.rp.verifyRegistration(credential, registration.challenge);
      if (!key) {
        await this.store.countFailure(em, registration.id);
        return { kind: 'wrong', remaining: Math.max(0, limit - (registration.failedAttempts + 1)) };
      }
      if ((await this.store.count(em, accountId)) >= SECURITY_KEYS_PER_ACCOUNT) throw tooMany();
      if (await this.store.credentialTaken(em, key.credentialId)) throw Errors.badInput({ credential: 'This security key is already registered.' }, 'This security key is already registered.');
      const wasEnabled = await this.twoFactor.isEnabled(em, accountId);
      await this.store.insertKey(
        em,
        Object.assign(new SecurityKeyEntity(), {
          id: registration.id, // the key keeps its registration's id, as an app keeps its enrollment's
          accountId,
          credentialId: key.credentialId,
          publicKey: key.publicKey,
          signCount: String(key.signCount),
          transports: key.transports,
          aaguid: key.aaguid,
          isPasskey: key.isPasskey,
          backupEligible: key.backupEligible,
          backedUp: key.backedUp,
          description: description.value,
          isDefault: !wasEnabled,
          createdAt: now,
          lastUsedAt: null,
        }),
      );
      await this.store.consume(em, registration.id, now);
      const named = description.value || authenticatorName(key.aaguid);
      await this.events.record(em, accountId, 'SECURITY_KEY_ADDED', meta, now, named ? `security key (${named})` : 'security key');
      if (wasEnabled) {
        await this.notices.queue(em, { accountId, locale: account.locale, kind: 'SECURITY_KEY_ADDED', meta }, now);
        return { kind: 'ok', methodId: registration.id, backupCodes: null };
      }
      return { kind: 'ok', methodId: registration.id, backupCodes: await this.activation.turnedOn(em, accountId, auth.session.id, meta, now) };
    });

    if (outcome.kind === 'wrong') throw Errors.invalidCode(outcome.remaining);
    return { methodId: outcome.methodId, twoFactor: await this.twoFactor.state(null, accountId, now), backupCodes: outcome.backupCodes };
  }
}
