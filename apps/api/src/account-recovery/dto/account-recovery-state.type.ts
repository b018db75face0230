import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum AccountRecoveryStatus {
  REQUESTED = 'REQUESTED',
  WAITING = 'WAITING',
  READY = 'READY',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(AccountRecoveryStatus, {
  name: 'AccountRecoveryStatus',
  description: 'Where a lost-phone recovery stands, as its link reads it.',
  valuesMap: {
    REQUESTED: { description: 'E-mailed, not confirmed yet: confirmAccountRecovery starts the waiting period.' },
    WAITING: { description: 'Confirmed; the waiting period runs until readyAt.' },
    READY: { description: 'The waiting period is over: a fresh password step plus the link may complete it (completeAccountRecovery).' },
    CANCELLED: { description: 'Cancelled for good: a second factor of the account was used since the confirmation, "This wasn\'t me" was reported, or support reset 2FA.' },
    COMPLETED: { description: '2FA was turned off with this link; the link is spent.' },
    EXPIRED: { description: 'Not confirmed in time, or not completed within 7 days after readyAt.' },
  },
});

/** What the recovery link's page shows, read without spending anything (the `accountRecovery` query). */
@ObjectType('AccountRecoveryState')
export class AccountRecoveryStateModel {
  @Field(() => AccountRecoveryStatus)
  status!: AccountRecoveryStatus;

  @Field(() => Date, { nullable: true, description: 'When completeAccountRecovery starts to work; null until the link is confirmed.' })
  readyAt!: Date | null;

  @Field(() => Int, { description: 'The waiting period a confirmation starts (RECOVERY_DELAY_SECONDS), in seconds.' })
  delaySeconds!: number;

  @Field({ description: "The account's language (en, fr): the page speaks it and writes readyAt in it, as the e-mails do." })
  locale!: string;
}
