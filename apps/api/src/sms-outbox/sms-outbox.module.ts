import { Module } from '@nestjs/common';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { NoticesService } from './notices.service';
import { SmsMessageStore } from './sms-message.store';
import { SmsOutboxService } from './sms-outbox.service';

/**
 * The SMS outbox: messages written in the caller's transaction (`SmsOutboxService.inTransaction`,
 * the unit of work) and handed to BullMQ after commit, the relay, and the security notices.
 */
@Module({
  imports: [TwoFactorModule, SecurityEventsModule],
  providers: [SmsOutboxService, SmsMessageStore, NoticesService],
  exports: [SmsOutboxService, NoticesService],
})
export class SmsOutboxModule {}
