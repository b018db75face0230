import { Module } from '@nestjs/common';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { TwoFactorActivationModule } from '../two-factor-activation/two-factor-activation.module';
import { TotpMethodStore } from './totp-method.store';
import { TotpMethodsResolver } from './totp-methods.resolver';
import { TotpMethodsService } from './totp-methods.service';

/** Adding authenticator apps (TOTP). Signing in with one is the TOTP plug-in of second-factor/. */
@Module({
  imports: [TwoFactorModule, TwoFactorActivationModule, SessionsModule, SecurityEventsModule, SmsOutboxModule],
  providers: [TotpMethodsService, TotpMethodStore, TotpMethodsResolver],
  exports: [TotpMethodsService],
})
export class TotpMethodsModule {}
