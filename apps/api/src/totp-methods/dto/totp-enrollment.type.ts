import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('TotpEnrollment')
export class TotpEnrollmentModel {
  @Field(() => ID) enrollmentId!: string;
  @Field({ description: 'Base32 secret for manual entry; returned only here.' }) secret!: string;
  @Field({ description: 'otpauth://totp/... URI for the QR code; returned only here.' }) otpauthUri!: string;
  @Field() expiresAt!: Date;
}
