import { createUnionType } from '@nestjs/graphql';
import { TwoFactorChallengeModel } from '../../second-factor/dto/two-factor-challenge.type';
import { SessionModel } from '../../sessions/dto/session.type';

/** The password step's answer: a Session (2FA off) or the TwoFactorChallenge. */
export const LoginResult = createUnionType({
  name: 'LoginResult',
  types: () => [SessionModel, TwoFactorChallengeModel] as const,
  resolveType: (value: object) => ('ticket' in value ? TwoFactorChallengeModel : SessionModel),
});
