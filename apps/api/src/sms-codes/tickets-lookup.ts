import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LoginTicketEntity } from '@twofold/persistence';
import { hashOpaqueToken } from '@twofold/two-factor-domain';
import { Errors } from '../common/errors';

/** Read-only ticket lookup for `smsDispatch(ticket:)`: any ticket that exists, live or not. */
@Injectable()
export class TicketsLookup {
  constructor(private readonly db: DataSource) {}

  async ticketId(ticket: string): Promise<string> {
    if (ticket.length < 20 || ticket.length > 200) throw Errors.ticketExpired();
    const found = await this.db.manager.findOne(LoginTicketEntity, { where: { tokenHash: hashOpaqueToken(ticket) }, select: { id: true } });
    if (!found) throw Errors.ticketExpired();
    return found.id;
  }
}
