import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentAuth, Meta, OptionalAuth, Public } from '../common/decorators';
import type { AuthState, RequestMeta } from '../common/request-context';
import { SmsCodeDispatchModel } from '../sms-codes/dto/sms-code-dispatch.type';
import { CallLoginCodeInput } from './dto/call-login-code.input';
import { CodeDeliveryOptionsModel } from './dto/code-delivery-options.type';
import { VoiceCallsService } from './voice-calls.service';

/** "Call me instead": the login step (public, the ticket is the credential) and a pending number's confirmation. */
@Resolver()
export class VoiceCallsResolver {
  constructor(private readonly voice: VoiceCallsService) {}

  @Public()
  @Query(() => CodeDeliveryOptionsModel, { description: 'Whether "Call me instead" is offered (the web app hides the button otherwise).' })
  codeDeliveryOptions(): CodeDeliveryOptionsModel {
    return { voiceCalls: this.voice.available };
  }

  @Public()
  @Mutation(() => SmsCodeDispatchModel, {
    description:
      "Calls one of the challenge's numbers and reads the login code out (the live code when there is one), under the same ticket rules, cooldown and limits as sendLoginSmsCode. VOICE_UNAVAILABLE without Twilio voice.",
  })
  callLoginCode(@Args('input') input: CallLoginCodeInput, @Meta() meta: RequestMeta, @OptionalAuth() auth: AuthState | null): Promise<SmsCodeDispatchModel> {
    return this.voice.callLoginCode(input.ticket, input.methodId, meta, auth);
  }

  @Mutation(() => SmsCodeDispatchModel, {
    description: 'Calls a pending number and reads its confirmation code out, under the same rules and limits as resendSmsMethodCode. VOICE_UNAVAILABLE without Twilio voice.',
  })
  callSmsMethodCode(@CurrentAuth() auth: AuthState, @Args('methodId', { type: () => ID }) methodId: string, @Meta() meta: RequestMeta): Promise<SmsCodeDispatchModel> {
    return this.voice.callMethodCode(auth, methodId, meta);
  }
}
