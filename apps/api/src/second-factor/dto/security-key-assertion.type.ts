import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('SecurityKeyAssertion')
export class SecurityKeyAssertionModel {
  @Field({ description: 'JSON of PublicKeyCredentialRequestOptions (PublicKeyCredentialRequestOptionsJSON).' }) options!: string;
  @Field() expiresAt!: Date;
}
