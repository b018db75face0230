import { Module } from '@nestjs/common';
import { BackupCodesModule } from '../backup-codes/backup-codes.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SmsCodesModule } from '../sms-codes/sms-codes.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { TicketsService } from './tickets.service';

@Module({
  imports: [PasswordsModule, SessionsModule, SecurityEventsModule, TwoFactorModule, SmsCodesModule, BackupCodesModule, SmsOutboxModule],
  providers: [AuthService, TicketsService, LoginThrottleService, AuthResolver],
  exports: [AuthService],
})
export class AuthModule {}
