import { Module } from '@nestjs/common';
import { BackupCodesModule } from '../backup-codes/backup-codes.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SmsCodesModule } from '../sms-codes/sms-codes.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TrustedDevicesModule } from '../trusted-devices/trusted-devices.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { WebAuthnModule } from '../webauthn/webauthn.module';
import { METHOD_PLUGINS, methodRegistryProvider } from './methods/method-registry';
import { SmsLoginStore } from './methods/sms/sms-login.store';
import { SecurityKeyLoginStore } from './methods/security-key/security-key-login.store';
import { TotpLoginFastStore } from './methods/totp/totp-login-fast.store';
import { TotpLoginStore } from './methods/totp/totp-login.store';
import { SecondFactorResolver } from './second-factor.resolver';
import { SecondFactorService } from './second-factor.service';
import { SecondFactorStore } from './second-factor.store';
import { TicketStore } from './ticket.store';
import { TicketsService } from './tickets.service';

/** Challenges, sending, completion and the lockout; one plug-in per kind of method. Never depends on login/. */
@Module({
  imports: [SessionsModule, SecurityEventsModule, TwoFactorModule, SmsCodesModule, BackupCodesModule, SmsOutboxModule, TrustedDevicesModule, WebAuthnModule],
  providers: [SecondFactorService, SecondFactorResolver, SecondFactorStore, TicketsService, TicketStore, SmsLoginStore, TotpLoginStore, TotpLoginFastStore, SecurityKeyLoginStore, ...METHOD_PLUGINS, methodRegistryProvider],
  exports: [SecondFactorService],
})
export class SecondFactorModule {}
