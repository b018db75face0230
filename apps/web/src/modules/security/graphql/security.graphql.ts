import { graphql } from '../../../gql';

export const SmsMethodFieldsFragment = graphql(`
  fragment SmsMethodFields on SmsMethod {
    id
    phoneNumber
    maskedPhoneNumber
    countryCode
    description
    status
    isDefault
    createdAt
    verifiedAt
    lastUsedAt
    delivery {
      lastDeliveredAt
      consecutiveFailures
      lastFailedAt
    }
  }
`);

export const TotpMethodFieldsFragment = graphql(`
  fragment TotpMethodFields on TotpMethod {
    id
    description
    isDefault
    createdAt
    lastUsedAt
  }
`);

export const SecurityKeyFieldsFragment = graphql(`
  fragment SecurityKeyFields on SecurityKey {
    id
    description
    isDefault
    isPasskey
    authenticatorName
    createdAt
    lastUsedAt
  }
`);

export const BackupCodesStatusFieldsFragment = graphql(`
  fragment BackupCodesStatusFields on BackupCodesStatus {
    active
    remaining
    total
    generatedAt
  }
`);

export const TwoFactorStatusFieldsFragment = graphql(`
  fragment TwoFactorStatusFields on TwoFactorStatus {
    enabled
    defaultMethodId
    smsMethods {
      ...SmsMethodFields
    }
    totpMethods {
      ...TotpMethodFields
    }
    securityKeys {
      ...SecurityKeyFields
    }
    backupCodes {
      ...BackupCodesStatusFields
    }
    limits {
      smsMethodsPerAccount
      descriptionMaxLength
    }
  }
`);

export const AddSmsMethodDocument = graphql(`
  mutation AddSmsMethod($input: AddSmsMethodInput!) {
    addSmsMethod(input: $input) {
      method {
        ...SmsMethodFields
      }
      dispatch {
        ...SmsDispatchFields
      }
    }
  }
`);

export const ResendSmsMethodCodeDocument = graphql(`
  mutation ResendSmsMethodCode($methodId: ID!) {
    resendSmsMethodCode(methodId: $methodId) {
      ...SmsDispatchFields
    }
  }
`);

export const ConfirmSmsMethodDocument = graphql(`
  mutation ConfirmSmsMethod($input: ConfirmSmsMethodInput!) {
    confirmSmsMethod(input: $input) {
      method {
        ...SmsMethodFields
      }
      twoFactor {
        ...TwoFactorStatusFields
      }
      backupCodes
    }
  }
`);

export const StartTotpEnrollmentDocument = graphql(`
  mutation StartTotpEnrollment {
    startTotpEnrollment {
      enrollmentId
      secret
      otpauthUri
      expiresAt
    }
  }
`);

export const ConfirmTotpMethodDocument = graphql(`
  mutation ConfirmTotpMethod($input: ConfirmTotpMethodInput!) {
    confirmTotpMethod(input: $input) {
      methodId
      backupCodes
      twoFactor {
        ...TwoFactorStatusFields
      }
    }
  }
`);

export const SetDefaultTwoFactorMethodDocument = graphql(`
  mutation SetDefaultTwoFactorMethod($methodId: ID!) {
    setDefaultTwoFactorMethod(methodId: $methodId) {
      ...TwoFactorStatusFields
    }
  }
`);

export const StartSecurityKeyRegistrationDocument = graphql(`
  mutation StartSecurityKeyRegistration {
    startSecurityKeyRegistration {
      registrationId
      options
      expiresAt
    }
  }
`);

export const FinishSecurityKeyRegistrationDocument = graphql(`
  mutation FinishSecurityKeyRegistration($input: FinishSecurityKeyRegistrationInput!) {
    finishSecurityKeyRegistration(input: $input) {
      methodId
      backupCodes
      twoFactor {
        ...TwoFactorStatusFields
      }
    }
  }
`);

export const UpdateTwoFactorMethodDocument = graphql(`
  mutation UpdateTwoFactorMethod($input: UpdateTwoFactorMethodInput!) {
    updateTwoFactorMethod(input: $input) {
      ...TwoFactorStatusFields
    }
  }
`);

export const RemoveTwoFactorMethodDocument = graphql(`
  mutation RemoveTwoFactorMethod($methodId: ID!) {
    removeTwoFactorMethod(methodId: $methodId) {
      ...TwoFactorStatusFields
    }
  }
`);

export const DisableTwoFactorDocument = graphql(`
  mutation DisableTwoFactor {
    disableTwoFactor {
      ...TwoFactorStatusFields
    }
  }
`);

export const RegenerateBackupCodesDocument = graphql(`
  mutation RegenerateBackupCodes {
    regenerateBackupCodes {
      codes
      status {
        ...BackupCodesStatusFields
      }
    }
  }
`);

export const DeleteBackupCodesDocument = graphql(`
  mutation DeleteBackupCodes {
    deleteBackupCodes {
      ...TwoFactorStatusFields
    }
  }
`);

export const SecurityEventsDocument = graphql(`
  query SecurityEvents($first: Int, $after: String) {
    securityEvents(first: $first, after: $after) {
      nodes {
        id
        type
        createdAt
        ipAddress
        userAgent
        detail
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const UpdateAccountDocument = graphql(`
  mutation UpdateAccount($input: UpdateAccountInput!) {
    updateAccount(input: $input) {
      id
      locale
    }
  }
`);
