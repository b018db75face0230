import { Module } from '@nestjs/common';
import { AccountRecoveryModule } from '../account-recovery/account-recovery.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TrustedDevicesModule } from '../trusted-devices/trusted-devices.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { TwoFactorMethodsModule } from '../two-factor-methods/two-factor-methods.module';
import { SupportService } from './support.service';
import { SupportStore } from './support.store';

/** The operator CLI's account commands (`twofold account …`, `twofold sessions revoke`), on the API's services. */
@Module({
  imports: [AccountRecoveryModule, TwoFactorModule, TwoFactorMethodsModule, SessionsModule, SecurityEventsModule, SmsOutboxModule, TrustedDevicesModule],
  providers: [SupportService, SupportStore],
  exports: [SupportService],
})
export class SupportModule {}
