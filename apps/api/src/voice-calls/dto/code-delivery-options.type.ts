import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('CodeDeliveryOptions', { description: 'How this deployment can bring a code to a phone besides SMS.' })
export class CodeDeliveryOptionsModel {
  @Field({ description: '"Call me instead" is offered: callLoginCode and callSmsMethodCode place calls (Twilio voice is configured).' })
  voiceCalls!: boolean;
}
