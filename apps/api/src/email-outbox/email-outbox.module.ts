import { Module } from '@nestjs/common';
import { EmailMessageStore } from './email-message.store';
import { EmailOutboxService } from './email-outbox.service';

/** The e-mail outbox: rows in the caller's transaction, the `email` queue after commit, the relay. */
@Module({
  providers: [EmailOutboxService, EmailMessageStore],
  exports: [EmailOutboxService],
})
export class EmailOutboxModule {}
