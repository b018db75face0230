import { Module } from '@nestjs/common';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { SmsSupportService } from './sms-support.service';
import { SmsSupportStore } from './sms-support.store';

/** The operator CLI's `sms show` and `sms retry`, on the SMS outbox. */
@Module({
  imports: [SmsOutboxModule, TwoFactorModule],
  providers: [SmsSupportService, SmsSupportStore],
  exports: [SmsSupportService],
})
export class SmsSupportModule {}
