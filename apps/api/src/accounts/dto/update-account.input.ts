import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class UpdateAccountInput {
  @Field(() => String, { nullable: true, description: 'The language of SMS and of the web app: "en" or "fr". Left out or null: unchanged.' })
  locale?: string | null;
}
