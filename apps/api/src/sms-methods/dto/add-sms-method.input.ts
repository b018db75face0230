import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class AddSmsMethodInput {
  @Field({ description: 'International format, e.g. +447700900123 (spaces, dots and dashes are ignored).' }) phoneNumber!: string;
}
