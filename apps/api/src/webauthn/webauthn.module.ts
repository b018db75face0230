import { Module } from '@nestjs/common';
import { RelyingPartyService } from './relying-party.service';

/** The WebAuthn relying party, shared by registration (security-keys/) and login (the second-factor plug-in). */
@Module({ providers: [RelyingPartyService], exports: [RelyingPartyService] })
export class WebAuthnModule {}
