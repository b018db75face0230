import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TwoFactorStatusModel } from '../../two-factor/dto/two-factor-status.type';

@ObjectType('ConfirmTwoFactorMethodPayload')
export class ConfirmTwoFactorMethodPayloadModel {
  @Field(() => TwoFactorStatusModel) twoFactor!: TwoFactorStatusModel;
  @Field(() => ID, { description: "The new method's id." }) methodId!: string;
  @Field(() => [String], { nullable: true, description: 'Emergency codes, present only when this confirmation turned 2FA on and no codes existed.' }) backupCodes!: string[] | null;
}
