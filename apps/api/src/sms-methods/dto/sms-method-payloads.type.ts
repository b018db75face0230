import { Field, ObjectType } from '@nestjs/graphql';
import { SmsCodeDispatchModel } from '../../sms-codes/dto/sms-code-dispatch.type';
import { SmsMethodModel, TwoFactorStatusModel } from '../../two-factor/dto/two-factor-status.type';

@ObjectType('AddSmsMethodPayload')
export class AddSmsMethodPayloadModel {
  @Field(() => SmsMethodModel) method!: SmsMethodModel;
  @Field(() => SmsCodeDispatchModel) dispatch!: SmsCodeDispatchModel;
}

@ObjectType('ConfirmSmsMethodPayload')
export class ConfirmSmsMethodPayloadModel {
  @Field(() => SmsMethodModel) method!: SmsMethodModel;
  @Field(() => TwoFactorStatusModel) twoFactor!: TwoFactorStatusModel;
  @Field(() => [String], { nullable: true, description: 'Emergency codes, present only when this confirmation turned 2FA on and no codes existed.' })
  backupCodes!: string[] | null;
}
