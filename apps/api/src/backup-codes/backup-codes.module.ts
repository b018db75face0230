import { Module } from '@nestjs/common';
import { PasswordsModule } from '../passwords/passwords.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TrustedDevicesModule } from '../trusted-devices/trusted-devices.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { BackupCodesManager } from './backup-codes-manager.service';
import { BackupCodesResolver } from './backup-codes.resolver';
import { BackupCodesService } from './backup-codes.service';
import { BackupCodeStore } from './backup-code.store';

@Module({
  imports: [PasswordsModule, SmsOutboxModule, TwoFactorModule, SessionsModule, SecurityEventsModule, TrustedDevicesModule],
  providers: [BackupCodesService, BackupCodeStore, BackupCodesManager, BackupCodesResolver],
  exports: [BackupCodesService],
})
export class BackupCodesModule {}
