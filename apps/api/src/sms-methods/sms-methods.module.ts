import { Module } from '@nestjs/common';
import { BackupCodesModule } from '../backup-codes/backup-codes.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SmsCodesModule } from '../sms-codes/sms-codes.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { TwoFactorActivationModule } from '../two-factor-activation/two-factor-activation.module';
import { SmsMethodsResolver } from './sms-methods.resolver';
import { SmsMethodsService } from './sms-methods.service';
import { SmsMethodStore } from './sms-method.store';

@Module({
  imports: [TwoFactorModule, TwoFactorActivationModule, SmsCodesModule, BackupCodesModule, SmsOutboxModule, SessionsModule, SecurityEventsModule],
  providers: [SmsMethodsService, SmsMethodStore, SmsMethodsResolver],
  exports: [SmsMethodsService],
})
export class SmsMethodsModule {}
