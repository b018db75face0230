import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { LoginTicketEntity, type LoginTicketPurpose } from '@twofold/persistence';
import { addSeconds, generateOpaqueToken, hashOpaqueToken } from '@twofold/two-factor-domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Errors } from '../common/errors';
import { ticketExhausted } from './lockout-policy';
import { TicketStore } from './ticket.store';

/** Login tickets: the single-use proof that the password step passed, bound to one account. */
@Injectable()
export class TicketsService {
  constructor(
    private readonly store: TicketStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Anything else cannot be a ticket this API issued (43 base64url characters). */
  static looksLikeTicket(ticket: unknown): ticket is string {
    return typeof ticket === 'string' && ticket.length >= 20 && ticket.length <= 200;
  }

  async create(em: EntityManager, accountId: string, purpose: LoginTicketPurpose, sessionId: string | null, now: Date): Promise<{ ticket: string; entity: LoginTicketEntity }> {
    const ticket = generateOpaqueToken();
    const entity = em.create(LoginTicketEntity, {
      id: randomUUID(),
      accountId,
      tokenHash: hashOpaqueToken(ticket),
      purpose,
      sessionId,
      failedAttempts: 0,
      createdAt: now,
      expiresAt: addSeconds(now, this.config.timings.loginTicketTtlSeconds),
      consumedAt: null,
    });
    await this.store.insert(em, entity);
    return { ticket, entity };
  }

  /**
   * The live ticket behind `ticket`, or TICKET_EXPIRED (unknown, expired or used) /
   * TOO_MANY_ATTEMPTS (5 failures). With `lock`, the row stays locked until the transaction
   * ends, so concurrent tries on one ticket are counted and consumed one at a time.
   */
  async live(em: EntityManager | null, ticket: string, now: Date, lock = false): Promise<LoginTicketEntity> {
    if (!TicketsService.looksLikeTicket(ticket)) throw Errors.ticketExpired();
    return this.assertLive(await this.store.byTokenHash(em, hashOpaqueToken(ticket), lock), now);
  }

  /** A re-authentication ticket works only with the session it belongs to (TICKET_EXPIRED otherwise). */
  assertBoundTo(ticket: LoginTicketEntity, auth: { session: { id: string } } | null): void {
    if (ticket.purpose === 'REAUTH' && auth?.session.id !== ticket.sessionId) throw Errors.ticketExpired();
  }

  /** `entity` when it is a live ticket; TICKET_EXPIRED (unknown, expired or used) or TOO_MANY_ATTEMPTS otherwise. */
  assertLive(entity: LoginTicketEntity | null, now: Date): LoginTicketEntity {
    if (!entity || entity.consumedAt || entity.expiresAt.getTime() <= now.getTime()) throw Errors.ticketExpired();
    if (ticketExhausted(entity.failedAttempts, this.config.limits)) throw Errors.tooManyAttempts(0, 'Too many wrong codes for this sign-in: start again.');
    return entity;
  }
}
