import { Field, ObjectType } from '@nestjs/graphql';

/** A confirmed recovery: when the password and the same link may turn 2FA off. */
@ObjectType('AccountRecovery')
export class AccountRecoveryModel {
  @Field({ description: 'From this time on (RECOVERY_DELAY_SECONDS after the confirmation), completeAccountRecovery works; any second factor used before cancels it.' })
  readyAt!: Date;
}
