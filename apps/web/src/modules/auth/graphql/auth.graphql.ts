import { graphql } from '../../../gql';

export const LoginMethodFieldsFragment = graphql(`
  fragment LoginMethodFields on LoginMethod {
    id
    kind
    label
    maskedPhoneNumber
    description
  }
`);

export const TwoFactorChallengeFieldsFragment = graphql(`
  fragment TwoFactorChallengeFields on TwoFactorChallenge {
    ticket
    expiresAt
    defaultMethod {
      ...LoginMethodFields
    }
    methods {
      ...LoginMethodFields
    }
  }
`);

export const SessionFieldsFragment = graphql(`
  fragment SessionFields on Session {
    token
    expiresAt
    trustedDeviceToken
    account {
      id
      name
      email
      initials
      locale
    }
  }
`);

export const SmsDispatchFieldsFragment = graphql(`
  fragment SmsDispatchFields on SmsCodeDispatch {
    id
    maskedPhoneNumber
    status
    expiresAt
    resendAvailableAt
    failureReason
  }
`);

export const MeDocument = graphql(`
  query Me {
    me {
      id
      email
      name
      initials
      locale
      createdAt
      twoFactor {
        ...TwoFactorStatusFields
      }
    }
  }
`);

export const SignUpDocument = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      ...SessionFields
    }
  }
`);

export const LoginDocument = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on Session {
        ...SessionFields
      }
      ... on TwoFactorChallenge {
        ...TwoFactorChallengeFields
      }
    }
  }
`);

export const ReauthenticateDocument = graphql(`
  mutation Reauthenticate($input: ReauthenticateInput!) {
    reauthenticate(input: $input) {
      __typename
      ... on Session {
        ...SessionFields
      }
      ... on TwoFactorChallenge {
        ...TwoFactorChallengeFields
      }
    }
  }
`);

export const SendLoginSmsCodeDocument = graphql(`
  mutation SendLoginSmsCode($input: SendLoginSmsCodeInput!) {
    sendLoginSmsCode(input: $input) {
      ...SmsDispatchFields
    }
  }
`);

export const CompleteLoginWithSmsDocument = graphql(`
  mutation CompleteLoginWithSms($input: CompleteLoginWithSmsInput!) {
    completeLoginWithSms(input: $input) {
      ...SessionFields
    }
  }
`);

export const CompleteLoginWithBackupCodeDocument = graphql(`
  mutation CompleteLoginWithBackupCode($input: CompleteLoginWithBackupCodeInput!) {
    completeLoginWithBackupCode(input: $input) {
      ...SessionFields
    }
  }
`);

export const CompleteLoginWithTotpDocument = graphql(`
  mutation CompleteLoginWithTotp($input: CompleteLoginWithTotpInput!) {
    completeLoginWithTotp(input: $input) {
      ...SessionFields
    }
  }
`);

export const StartSecurityKeyLoginDocument = graphql(`
  mutation StartSecurityKeyLogin($input: StartSecurityKeyLoginInput!) {
    startSecurityKeyLogin(input: $input) {
      options
      expiresAt
    }
  }
`);

export const CompleteLoginWithSecurityKeyDocument = graphql(`
  mutation CompleteLoginWithSecurityKey($input: CompleteLoginWithSecurityKeyInput!) {
    completeLoginWithSecurityKey(input: $input) {
      ...SessionFields
    }
  }
`);

export const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

export const SmsDispatchDocument = graphql(`
  query SmsDispatch($id: ID!, $ticket: String) {
    smsDispatch(id: $id, ticket: $ticket) {
      ...SmsDispatchFields
    }
  }
`);

export const VerifyEmailDocument = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

export const ResendVerificationEmailDocument = graphql(`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`);
