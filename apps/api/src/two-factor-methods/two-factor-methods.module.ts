import { Module } from '@nestjs/common';
import { BackupCodesModule } from '../backup-codes/backup-codes.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SmsMethodsModule } from '../sms-methods/sms-methods.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TrustedDevicesModule } from '../trusted-devices/trusted-devices.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { TwoFactorActivationModule } from '../two-factor-activation/two-factor-activation.module';
import { TwoFactorMethodsResolver } from './two-factor-methods.resolver';
import { TwoFactorMethodsService } from './two-factor-methods.service';
import { TwoFactorMethodsStore } from './two-factor-methods.store';

/** Rename, remove and turn off across every kind of method (contract v2). */
@Module({
  imports: [TwoFactorModule, SmsMethodsModule, BackupCodesModule, SessionsModule, SecurityEventsModule, SmsOutboxModule, TrustedDevicesModule, TwoFactorActivationModule],
  providers: [TwoFactorMethodsService, TwoFactorMethodsStore, TwoFactorMethodsResolver],
  exports: [TwoFactorMethodsService],
})
export class TwoFactorMethodsModule {}
