import { Module } from '@nestjs/common';
import { PasswordsModule } from '../passwords/passwords.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { BackupCodesManager } from './backup-codes-manager.service';
import { BackupCodesResolver } from './backup-codes.resolver';
import { BackupCodesService } from './backup-codes.service';
import { NoticesService } from './notices.service';

@Module({
  imports: [PasswordsModule, SmsOutboxModule, TwoFactorModule, SessionsModule, SecurityEventsModule],
  providers: [BackupCodesService, NoticesService, BackupCodesManager, BackupCodesResolver],
  exports: [BackupCodesService, NoticesService],
})
export class BackupCodesModule {}
