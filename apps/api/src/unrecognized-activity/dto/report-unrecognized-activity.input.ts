import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ReportUnrecognizedActivityInput {
  /** The token of the "This wasn't me" link of a security-notice e-mail. */
  @Field() token!: string;
}
