import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { addSeconds, generateOpaqueToken, hashOpaqueToken } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Clock } from '../common/clock';
import { Errors } from '../common/errors';
import { isUuid } from '../common/ids';
import { lockAccount } from '../common/lock-account';
import type { AuthState, RequestMeta } from '../common/request-context';
import { SecurityEventsService } from '../security-events/security-events.service';
import { NoticesService } from '../sms-outbox/notices.service';
import type { TrustedDeviceModel } from './dto/trusted-device.type';
import { TrustedDeviceStore, type TrustedDeviceRow } from './trusted-device.store';

/**
 * Remembered devices: after a second factor with `rememberDevice`, a 256-bit token (returned once,
 * stored as its SHA-256) lets a correct password skip the second factor on that device for
 * TRUSTED_DEVICE_TTL_SECONDS. The password step checks it in its own statement (PasswordLoginStore).
 * Every change runs under the account lock, as the changes that forget them all do.
 */
@Injectable()
export class TrustedDevicesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly store: TrustedDeviceStore,
    private readonly events: SecurityEventsService,
    private readonly notices: NoticesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * In the caller's transaction (the second factor's, with the account locked): a new remembered
   * device, its event and the notice to the account's numbers. Answers the token, shown once.
   */
  async remember(em: EntityManager, account: { id: string; locale: string }, meta: RequestMeta, now: Date): Promise<string> {
    const token = generateOpaqueToken();
    const id = randomUUID();
    await this.store.insert(
      em,
      { id, accountId: account.id, tokenHash: hashOpaqueToken(token), expiresAt: addSeconds(now, this.config.timings.trustedDeviceTtlSeconds), ip: meta.ip, userAgent: meta.userAgent },
      now,
    );
    // The event's own IP address and user agent say which device; its id would mean nothing to a customer.
    await this.events.record(em, account.id, 'TRUSTED_DEVICE_ADDED', meta, now);
    await this.notices.queue(em, { accountId: account.id, locale: account.locale, kind: 'DEVICE_REMEMBERED', meta }, now);
    return token;
  }

  list(auth: AuthState): Promise<TrustedDeviceModel[]> {
    return this.store.live(auth.account.id, this.clock.now()).then((rows) => rows.map(toModel));
  }

  /** The account's live remembered devices, without a session: what the operator CLI counts. */
  liveOf(accountId: string): Promise<TrustedDeviceRow[]> {
    return this.store.live(accountId, this.clock.now());
  }

  async forget(auth: AuthState, id: string, meta: RequestMeta): Promise<TrustedDeviceModel[]> {
    if (!isUuid(id)) throw Errors.notFound('Remembered device');
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      await lockAccount(em, auth.account.id);
      const gone = await this.store.deleteOne(em, auth.account.id, id.toLowerCase());
      if (!gone) throw Errors.notFound('Remembered device');
      await this.events.record(em, auth.account.id, 'TRUSTED_DEVICE_REMOVED', meta, now, `1 remembered device forgotten (${gone.ip_address ?? 'unknown address'})`);
    });
    return this.list(auth);
  }

  async forgetAll(auth: AuthState, meta: RequestMeta): Promise<TrustedDeviceModel[]> {
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      await lockAccount(em, auth.account.id);
      await this.forgetAllOf(em, auth.account.id, meta, now, 'forgotten');
    });
    return this.list(auth);
  }

  /**
   * In the caller's transaction (which holds the account lock): every remembered device of the
   * account goes, with one event when any was live. Used by every change that must end them:
   * a method removed, emergency codes regenerated or deleted, 2FA turned off.
   */
  async forgetAllOf(em: EntityManager, accountId: string, meta: RequestMeta, now: Date, reason: string): Promise<number> {
    const gone = await this.store.deleteAll(em, accountId, now);
    if (gone > 0) await this.events.record(em, accountId, 'TRUSTED_DEVICE_REMOVED', meta, now, `${gone} remembered device(s) ${reason}`);
    return gone;
  }
}

function toModel(r: TrustedDeviceRow): TrustedDeviceModel {
  return { id: r.id, createdAt: r.created_at, lastUsedAt: r.last_used_at, expiresAt: r.expires_at, ipAddress: r.ip_address, userAgent: r.user_agent };
}
