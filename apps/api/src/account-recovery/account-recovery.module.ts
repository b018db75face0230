import { Module } from '@nestjs/common';
import { EmailOutboxModule } from '../email-outbox/email-outbox.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { TwoFactorMethodsModule } from '../two-factor-methods/two-factor-methods.module';
import { AccountRecoveryResolver } from './account-recovery.resolver';
import { AccountRecoveryService } from './account-recovery.service';
import { AccountRecoveryStore } from './account-recovery.store';

/** Lost-phone recovery with a cooling-off delay (issue 13 part 5). */
@Module({
  imports: [EmailOutboxModule, SmsOutboxModule, SecurityEventsModule, SessionsModule, TwoFactorModule, TwoFactorMethodsModule],
  providers: [AccountRecoveryService, AccountRecoveryStore, AccountRecoveryResolver],
  exports: [AccountRecoveryService],
})
export class AccountRecoveryModule {}
