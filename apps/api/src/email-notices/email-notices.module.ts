import { Module } from '@nestjs/common';
import { EmailOutboxModule } from '../email-outbox/email-outbox.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { EmailNoticesService } from './email-notices.service';
import { EmailNoticesStore } from './email-notices.store';

/** Security notices by e-mail, each with its "This wasn't me" link (NoticesService sends them with the SMS ones). */
@Module({
  imports: [EmailOutboxModule, SecurityEventsModule],
  providers: [EmailNoticesService, EmailNoticesStore],
  exports: [EmailNoticesService],
})
export class EmailNoticesModule {}
