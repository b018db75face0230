import { Module } from '@nestjs/common';
import { UnitOfWorkModule } from '../unit-of-work/unit-of-work.module';
import { EmailMessageStore } from './email-message.store';
import { EmailOutboxService } from './email-outbox.service';

/** The e-mail outbox: rows in the caller's transaction, the `email` queue after commit, the relay. */
@Module({
  imports: [UnitOfWorkModule],
  providers: [EmailOutboxService, EmailMessageStore],
  exports: [EmailOutboxService],
})
export class EmailOutboxModule {}
