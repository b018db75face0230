import { Module } from '@nestjs/common';
import { SecondFactorModule } from '../second-factor/second-factor.module';
import { SmsMethodsModule } from '../sms-methods/sms-methods.module';
import { VoiceCallsResolver } from './voice-calls.resolver';
import { VoiceCallsService } from './voice-calls.service';

/** "Call me instead" (issue 14 item 3): the SMS code paths with channel VOICE. */
@Module({
  imports: [SecondFactorModule, SmsMethodsModule],
  providers: [VoiceCallsService, VoiceCallsResolver],
  exports: [VoiceCallsService],
})
export class VoiceCallsModule {}
