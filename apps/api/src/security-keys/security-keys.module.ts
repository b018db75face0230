import { Module } from '@nestjs/common';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { SmsOutboxModule } from '../sms-outbox/sms-outbox.module';
import { TwoFactorModule } from '../two-factor/two-factor.module';
import { TwoFactorActivationModule } from '../two-factor-activation/two-factor-activation.module';
import { WebAuthnModule } from '../webauthn/webauthn.module';
import { SecurityKeyStore } from './security-key.store';
import { SecurityKeysResolver } from './security-keys.resolver';
import { SecurityKeysService } from './security-keys.service';

/** Registering security keys and passkeys (WebAuthn). Signing in with one is the security-key plug-in of second-factor/. */
@Module({
  imports: [TwoFactorModule, TwoFactorActivationModule, SessionsModule, SecurityEventsModule, SmsOutboxModule, WebAuthnModule],
  providers: [SecurityKeysService, SecurityKeyStore, SecurityKeysResolver],
  exports: [SecurityKeysService],
})
export class SecurityKeysModule {}
