import { Module } from '@nestjs/common';
import { EmailNoticesModule } from '../email-notices/email-notices.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { UnitOfWorkModule } from '../unit-of-work/unit-of-work.module';
import { NoticesService } from './notices.service';
import { SmsMessageStore } from './sms-message.store';
import { SmsOutboxService } from './sms-outbox.service';

/**
 * The SMS outbox: messages written in the caller's transaction (`SmsOutboxService.inTransaction`,
 * the unit of work, shared with the e-mail outbox) and handed to BullMQ after commit, the relay,
 * and the security notices (by SMS here, by e-mail through EmailNoticesModule).
 */
@Module({
  imports: [TwoFactorModule, SecurityEventsModule, UnitOfWorkModule, EmailNoticesModule],
  providers: [SmsOutboxService, SmsMessageStore, NoticesService],
  exports: [SmsOutboxService, NoticesService],
})
export class SmsOutboxModule {}
