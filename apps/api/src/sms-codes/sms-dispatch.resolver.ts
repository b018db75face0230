import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { SmsAttemptEntity, SmsMessageEntity } from '@twofold/persistence';
import { addSeconds } from '@twofold/two-factor-domain';
import { Clock } from '../common/clock';
import { OptionalAuth, Public } from '../common/decorators';
import { Errors } from '../common/errors';
import { isUuid } from '../common/ids';
import type { AuthState } from '../common/request-context';
import { ReadReplica } from '../read-replica/read-replica';
import { TicketsLookup } from './tickets-lookup';
import { SmsCodeDispatchModel } from './dto/sms-code-dispatch.type';
import { toDispatchModel } from './dto/to-dispatch';
import { SmsCodesService } from './sms-codes.service';

@Resolver()
export class SmsDispatchResolver {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly codes: SmsCodesService,
    private readonly tickets: TicketsLookup,
    private readonly replica: ReadReplica,
  ) {}

  /**
   * Readable by the account that caused the SMS, or during login by the ticket that caused it.
   * Who asks is decided on the primary (the session by the guard, the ticket here); the poll
   * itself, the message's delivery state and the informational resend instant, reads the replica
   * (docs/scaling.md): a stale state is the one a poll a moment earlier would have seen. A message
   * not there yet (sent within the replication lag) is read from the primary, never NOT_FOUND.
   */
  @Public()
  @Query(() => SmsCodeDispatchModel, { nullable: true, description: 'Delivery state of an SMS this account (or this login ticket) caused.' })
  async smsDispatch(
    @OptionalAuth() auth: AuthState | null,
    @Args('id', { type: () => ID }) id: string,
    @Args('ticket', { type: () => String, nullable: true }) ticket: string | null,
  ): Promise<SmsCodeDispatchModel> {
    const now = this.clock.now();
    let where: { accountId?: string; ticketId?: string };
    if (ticket) where = { ticketId: await this.tickets.ticketId(ticket) };
    else if (auth) where = { accountId: auth.account.id };
    else throw Errors.unauthenticated();
    let source = this.replica.manager;
    let message = isUuid(id) ? await source.findOne(SmsMessageEntity, { where: { id, ...where } }) : null;
    if (!message && isUuid(id) && this.replica.isReplica) {
      source = this.db.manager;
      message = await source.findOne(SmsMessageEntity, { where: { id, ...where } });
    }
    if (!message || message.purpose === 'NOTICE' || !message.accountId || !message.methodId) throw Errors.notFound('SMS');
    const target = { accountId: message.accountId, phoneNumber: message.phoneNumber, methodId: message.methodId, purpose: message.purpose, ticketId: message.ticketId, ownedNumber: message.purpose === 'LOGIN' };
    const wait = await this.codes.secondsUntilNextSend(source, target, null, now);
    // Attempts from the same source as the message (a replica's lag shows a poll's earlier state).
    const attempts = await source.find(SmsAttemptEntity, { where: { messageId: message.id }, order: { seq: 'ASC' } });
    return toDispatchModel(message, addSeconds(now, wait), attempts);
  }
}
