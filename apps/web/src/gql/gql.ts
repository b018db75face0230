/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  mutation StartAccountRecovery($input: StartAccountRecoveryInput!) {\n    startAccountRecovery(input: $input)\n  }\n': typeof types.StartAccountRecoveryDocument;
  '\n  query AccountRecoveryState($token: String!) {\n    accountRecovery(token: $token) {\n      status\n      readyAt\n      delaySeconds\n      locale\n    }\n  }\n': typeof types.AccountRecoveryStateDocument;
  '\n  mutation ConfirmAccountRecovery($input: ConfirmAccountRecoveryInput!) {\n    confirmAccountRecovery(input: $input) {\n      readyAt\n    }\n  }\n': typeof types.ConfirmAccountRecoveryDocument;
  '\n  mutation CompleteAccountRecovery($input: CompleteAccountRecoveryInput!) {\n    completeAccountRecovery(input: $input) {\n      ...SessionFields\n    }\n  }\n': typeof types.CompleteAccountRecoveryDocument;
  '\n  fragment LoginMethodFields on LoginMethod {\n    id\n    kind\n    label\n    maskedPhoneNumber\n    description\n  }\n': typeof types.LoginMethodFieldsFragmentDoc;
  '\n  fragment TwoFactorChallengeFields on TwoFactorChallenge {\n    ticket\n    expiresAt\n    defaultMethod {\n      ...LoginMethodFields\n    }\n    methods {\n      ...LoginMethodFields\n    }\n  }\n': typeof types.TwoFactorChallengeFieldsFragmentDoc;
  '\n  fragment SessionFields on Session {\n    token\n    expiresAt\n    trustedDeviceToken\n    account {\n      id\n      name\n      email\n      initials\n      locale\n    }\n  }\n': typeof types.SessionFieldsFragmentDoc;
  '\n  fragment SmsDispatchFields on SmsCodeDispatch {\n    id\n    maskedPhoneNumber\n    status\n    expiresAt\n    resendAvailableAt\n    failureReason\n  }\n': typeof types.SmsDispatchFieldsFragmentDoc;
  '\n  query Me {\n    me {\n      id\n      email\n      name\n      initials\n      locale\n      createdAt\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n    }\n  }\n': typeof types.MeDocument;
  '\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...SessionFields\n    }\n  }\n': typeof types.SignUpDocument;
  '\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session {\n        ...SessionFields\n      }\n      ... on TwoFactorChallenge {\n        ...TwoFactorChallengeFields\n      }\n    }\n  }\n': typeof types.LoginDocument;
  '\n  mutation Reauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      __typename\n      ... on Session {\n        ...SessionFields\n      }\n      ... on TwoFactorChallenge {\n        ...TwoFactorChallengeFields\n      }\n    }\n  }\n': typeof types.ReauthenticateDocument;
  '\n  mutation SendLoginSmsCode($input: SendLoginSmsCodeInput!) {\n    sendLoginSmsCode(input: $input) {\n      ...SmsDispatchFields\n    }\n  }\n': typeof types.SendLoginSmsCodeDocument;
  '\n  mutation CompleteLoginWithSms($input: CompleteLoginWithSmsInput!) {\n    completeLoginWithSms(input: $input) {\n      ...SessionFields\n    }\n  }\n': typeof types.CompleteLoginWithSmsDocument;
  '\n  mutation CompleteLoginWithBackupCode($input: CompleteLoginWithBackupCodeInput!) {\n    completeLoginWithBackupCode(input: $input) {\n      ...SessionFields\n    }\n  }\n': typeof types.CompleteLoginWithBackupCodeDocument;
  '\n  mutation CompleteLoginWithTotp($input: CompleteLoginWithTotpInput!) {\n    completeLoginWithTotp(input: $input) {\n      ...SessionFields\n    }\n  }\n': typeof types.CompleteLoginWithTotpDocument;
  '\n  mutation StartSecurityKeyLogin($input: StartSecurityKeyLoginInput!) {\n    startSecurityKeyLogin(input: $input) {\n      options\n      expiresAt\n    }\n  }\n': typeof types.StartSecurityKeyLoginDocument;
  '\n  mutation CompleteLoginWithSecurityKey($input: CompleteLoginWithSecurityKeyInput!) {\n    completeLoginWithSecurityKey(input: $input) {\n      ...SessionFields\n    }\n  }\n': typeof types.CompleteLoginWithSecurityKeyDocument;
  '\n  mutation Logout {\n    logout\n  }\n': typeof types.LogoutDocument;
  '\n  query SmsDispatch($id: ID!, $ticket: String) {\n    smsDispatch(id: $id, ticket: $ticket) {\n      ...SmsDispatchFields\n    }\n  }\n': typeof types.SmsDispatchDocument;
  '\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n': typeof types.VerifyEmailDocument;
  '\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n': typeof types.ResendVerificationEmailDocument;
  '\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n': typeof types.RequestPasswordResetDocument;
  '\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n': typeof types.ResetPasswordDocument;
  '\n  query CodeDeliveryOptions {\n    codeDeliveryOptions {\n      voiceCalls\n    }\n  }\n': typeof types.CodeDeliveryOptionsDocument;
  '\n  mutation CallLoginCode($input: CallLoginCodeInput!) {\n    callLoginCode(input: $input) {\n      ...SmsDispatchFields\n      channel\n    }\n  }\n': typeof types.CallLoginCodeDocument;
  '\n  mutation CallSmsMethodCode($methodId: ID!) {\n    callSmsMethodCode(methodId: $methodId) {\n      ...SmsDispatchFields\n      channel\n    }\n  }\n': typeof types.CallSmsMethodCodeDocument;
  '\n  mutation ReportUnrecognizedActivity($input: ReportUnrecognizedActivityInput!) {\n    reportUnrecognizedActivity(input: $input) {\n      sessionsEnded\n      devicesForgotten\n      mustChangePassword\n    }\n  }\n': typeof types.ReportUnrecognizedActivityDocument;
  '\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n': typeof types.ChangePasswordDocument;
  '\n  fragment SmsMethodFields on SmsMethod {\n    id\n    phoneNumber\n    maskedPhoneNumber\n    countryCode\n    description\n    status\n    isDefault\n    createdAt\n    verifiedAt\n    lastUsedAt\n    delivery {\n      lastDeliveredAt\n      consecutiveFailures\n      lastFailedAt\n    }\n  }\n': typeof types.SmsMethodFieldsFragmentDoc;
  '\n  fragment TotpMethodFields on TotpMethod {\n    id\n    description\n    isDefault\n    createdAt\n    lastUsedAt\n  }\n': typeof types.TotpMethodFieldsFragmentDoc;
  '\n  fragment SecurityKeyFields on SecurityKey {\n    id\n    description\n    isDefault\n    isPasskey\n    authenticatorName\n    createdAt\n    lastUsedAt\n  }\n': typeof types.SecurityKeyFieldsFragmentDoc;
  '\n  fragment BackupCodesStatusFields on BackupCodesStatus {\n    active\n    remaining\n    total\n    generatedAt\n  }\n': typeof types.BackupCodesStatusFieldsFragmentDoc;
  '\n  fragment TwoFactorStatusFields on TwoFactorStatus {\n    enabled\n    defaultMethodId\n    smsMethods {\n      ...SmsMethodFields\n    }\n    totpMethods {\n      ...TotpMethodFields\n    }\n    securityKeys {\n      ...SecurityKeyFields\n    }\n    backupCodes {\n      ...BackupCodesStatusFields\n    }\n    limits {\n      smsMethodsPerAccount\n      descriptionMaxLength\n    }\n  }\n': typeof types.TwoFactorStatusFieldsFragmentDoc;
  '\n  mutation AddSmsMethod($input: AddSmsMethodInput!) {\n    addSmsMethod(input: $input) {\n      method {\n        ...SmsMethodFields\n      }\n      dispatch {\n        ...SmsDispatchFields\n      }\n    }\n  }\n': typeof types.AddSmsMethodDocument;
  '\n  mutation ResendSmsMethodCode($methodId: ID!) {\n    resendSmsMethodCode(methodId: $methodId) {\n      ...SmsDispatchFields\n    }\n  }\n': typeof types.ResendSmsMethodCodeDocument;
  '\n  mutation ConfirmSmsMethod($input: ConfirmSmsMethodInput!) {\n    confirmSmsMethod(input: $input) {\n      method {\n        ...SmsMethodFields\n      }\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n      backupCodes\n    }\n  }\n': typeof types.ConfirmSmsMethodDocument;
  '\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      enrollmentId\n      secret\n      otpauthUri\n      expiresAt\n    }\n  }\n': typeof types.StartTotpEnrollmentDocument;
  '\n  mutation ConfirmTotpMethod($input: ConfirmTotpMethodInput!) {\n    confirmTotpMethod(input: $input) {\n      methodId\n      backupCodes\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n    }\n  }\n': typeof types.ConfirmTotpMethodDocument;
  '\n  mutation SetDefaultTwoFactorMethod($methodId: ID!) {\n    setDefaultTwoFactorMethod(methodId: $methodId) {\n      ...TwoFactorStatusFields\n    }\n  }\n': typeof types.SetDefaultTwoFactorMethodDocument;
  '\n  mutation StartSecurityKeyRegistration {\n    startSecurityKeyRegistration {\n      registrationId\n      options\n      expiresAt\n    }\n  }\n': typeof types.StartSecurityKeyRegistrationDocument;
  '\n  mutation FinishSecurityKeyRegistration($input: FinishSecurityKeyRegistrationInput!) {\n    finishSecurityKeyRegistration(input: $input) {\n      methodId\n      backupCodes\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n    }\n  }\n': typeof types.FinishSecurityKeyRegistrationDocument;
  '\n  mutation UpdateTwoFactorMethod($input: UpdateTwoFactorMethodInput!) {\n    updateTwoFactorMethod(input: $input) {\n      ...TwoFactorStatusFields\n    }\n  }\n': typeof types.UpdateTwoFactorMethodDocument;
  '\n  mutation RemoveTwoFactorMethod($methodId: ID!) {\n    removeTwoFactorMethod(methodId: $methodId) {\n      ...TwoFactorStatusFields\n    }\n  }\n': typeof types.RemoveTwoFactorMethodDocument;
  '\n  mutation DisableTwoFactor {\n    disableTwoFactor {\n      ...TwoFactorStatusFields\n    }\n  }\n': typeof types.DisableTwoFactorDocument;
  '\n  mutation RegenerateBackupCodes {\n    regenerateBackupCodes {\n      codes\n      status {\n        ...BackupCodesStatusFields\n      }\n    }\n  }\n': typeof types.RegenerateBackupCodesDocument;
  '\n  mutation DeleteBackupCodes {\n    deleteBackupCodes {\n      ...TwoFactorStatusFields\n    }\n  }\n': typeof types.DeleteBackupCodesDocument;
  '\n  query SecurityEvents($first: Int, $after: String) {\n    securityEvents(first: $first, after: $after) {\n      nodes {\n        id\n        type\n        createdAt\n        ipAddress\n        userAgent\n        detail\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n': typeof types.SecurityEventsDocument;
  '\n  mutation UpdateAccount($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      id\n      locale\n    }\n  }\n': typeof types.UpdateAccountDocument;
  '\n  fragment SessionInfoFields on SessionInfo {\n    id\n    current\n    createdAt\n    lastSeenAt\n    expiresAt\n    ipAddress\n    userAgent\n    secondFactor\n  }\n': typeof types.SessionInfoFieldsFragmentDoc;
  '\n  query Sessions {\n    sessions {\n      ...SessionInfoFields\n    }\n  }\n': typeof types.SessionsDocument;
  '\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      ...SessionInfoFields\n    }\n  }\n': typeof types.RevokeSessionDocument;
  '\n  mutation RevokeOtherSessions {\n    revokeOtherSessions {\n      ...SessionInfoFields\n    }\n  }\n': typeof types.RevokeOtherSessionsDocument;
  '\n  fragment TrustedDeviceFields on TrustedDevice {\n    id\n    createdAt\n    lastUsedAt\n    expiresAt\n    ipAddress\n    userAgent\n  }\n': typeof types.TrustedDeviceFieldsFragmentDoc;
  '\n  query TrustedDevices {\n    trustedDevices {\n      ...TrustedDeviceFields\n    }\n  }\n': typeof types.TrustedDevicesDocument;
  '\n  mutation ForgetTrustedDevice($id: ID!) {\n    forgetTrustedDevice(id: $id) {\n      ...TrustedDeviceFields\n    }\n  }\n': typeof types.ForgetTrustedDeviceDocument;
  '\n  mutation ForgetAllTrustedDevices {\n    forgetAllTrustedDevices {\n      ...TrustedDeviceFields\n    }\n  }\n': typeof types.ForgetAllTrustedDevicesDocument;
};
const documents: Documents = {
  '\n  mutation StartAccountRecovery($input: StartAccountRecoveryInput!) {\n    startAccountRecovery(input: $input)\n  }\n':
    types.StartAccountRecoveryDocument,
  '\n  query AccountRecoveryState($token: String!) {\n    accountRecovery(token: $token) {\n      status\n      readyAt\n      delaySeconds\n      locale\n    }\n  }\n':
    types.AccountRecoveryStateDocument,
  '\n  mutation ConfirmAccountRecovery($input: ConfirmAccountRecoveryInput!) {\n    confirmAccountRecovery(input: $input) {\n      readyAt\n    }\n  }\n':
    types.ConfirmAccountRecoveryDocument,
  '\n  mutation CompleteAccountRecovery($input: CompleteAccountRecoveryInput!) {\n    completeAccountRecovery(input: $input) {\n      ...SessionFields\n    }\n  }\n':
    types.CompleteAccountRecoveryDocument,
  '\n  fragment LoginMethodFields on LoginMethod {\n    id\n    kind\n    label\n    maskedPhoneNumber\n    description\n  }\n':
    types.LoginMethodFieldsFragmentDoc,
  '\n  fragment TwoFactorChallengeFields on TwoFactorChallenge {\n    ticket\n    expiresAt\n    defaultMethod {\n      ...LoginMethodFields\n    }\n    methods {\n      ...LoginMethodFields\n    }\n  }\n':
    types.TwoFactorChallengeFieldsFragmentDoc,
  '\n  fragment SessionFields on Session {\n    token\n    expiresAt\n    trustedDeviceToken\n    account {\n      id\n      name\n      email\n      initials\n      locale\n    }\n  }\n':
    types.SessionFieldsFragmentDoc,
  '\n  fragment SmsDispatchFields on SmsCodeDispatch {\n    id\n    maskedPhoneNumber\n    status\n    expiresAt\n    resendAvailableAt\n    failureReason\n  }\n':
    types.SmsDispatchFieldsFragmentDoc,
  '\n  query Me {\n    me {\n      id\n      email\n      name\n      initials\n      locale\n      createdAt\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n    }\n  }\n':
    types.MeDocument,
  '\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...SessionFields\n    }\n  }\n':
    types.SignUpDocument,
  '\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session {\n        ...SessionFields\n      }\n      ... on TwoFactorChallenge {\n        ...TwoFactorChallengeFields\n      }\n    }\n  }\n':
    types.LoginDocument,
  '\n  mutation Reauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      __typename\n      ... on Session {\n        ...SessionFields\n      }\n      ... on TwoFactorChallenge {\n        ...TwoFactorChallengeFields\n      }\n    }\n  }\n':
    types.ReauthenticateDocument,
  '\n  mutation SendLoginSmsCode($input: SendLoginSmsCodeInput!) {\n    sendLoginSmsCode(input: $input) {\n      ...SmsDispatchFields\n    }\n  }\n':
    types.SendLoginSmsCodeDocument,
  '\n  mutation CompleteLoginWithSms($input: CompleteLoginWithSmsInput!) {\n    completeLoginWithSms(input: $input) {\n      ...SessionFields\n    }\n  }\n':
    types.CompleteLoginWithSmsDocument,
  '\n  mutation CompleteLoginWithBackupCode($input: CompleteLoginWithBackupCodeInput!) {\n    completeLoginWithBackupCode(input: $input) {\n      ...SessionFields\n    }\n  }\n':
    types.CompleteLoginWithBackupCodeDocument,
  '\n  mutation CompleteLoginWithTotp($input: CompleteLoginWithTotpInput!) {\n    completeLoginWithTotp(input: $input) {\n      ...SessionFields\n    }\n  }\n':
    types.CompleteLoginWithTotpDocument,
  '\n  mutation StartSecurityKeyLogin($input: StartSecurityKeyLoginInput!) {\n    startSecurityKeyLogin(input: $input) {\n      options\n      expiresAt\n    }\n  }\n':
    types.StartSecurityKeyLoginDocument,
  '\n  mutation CompleteLoginWithSecurityKey($input: CompleteLoginWithSecurityKeyInput!) {\n    completeLoginWithSecurityKey(input: $input) {\n      ...SessionFields\n    }\n  }\n':
    types.CompleteLoginWithSecurityKeyDocument,
  '\n  mutation Logout {\n    logout\n  }\n': types.LogoutDocument,
  '\n  query SmsDispatch($id: ID!, $ticket: String) {\n    smsDispatch(id: $id, ticket: $ticket) {\n      ...SmsDispatchFields\n    }\n  }\n':
    types.SmsDispatchDocument,
  '\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n': types.VerifyEmailDocument,
  '\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n': types.ResendVerificationEmailDocument,
  '\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n':
    types.RequestPasswordResetDocument,
  '\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n':
    types.ResetPasswordDocument,
  '\n  query CodeDeliveryOptions {\n    codeDeliveryOptions {\n      voiceCalls\n    }\n  }\n':
    types.CodeDeliveryOptionsDocument,
  '\n  mutation CallLoginCode($input: CallLoginCodeInput!) {\n    callLoginCode(input: $input) {\n      ...SmsDispatchFields\n      channel\n    }\n  }\n':
    types.CallLoginCodeDocument,
  '\n  mutation CallSmsMethodCode($methodId: ID!) {\n    callSmsMethodCode(methodId: $methodId) {\n      ...SmsDispatchFields\n      channel\n    }\n  }\n':
    types.CallSmsMethodCodeDocument,
  '\n  mutation ReportUnrecognizedActivity($input: ReportUnrecognizedActivityInput!) {\n    reportUnrecognizedActivity(input: $input) {\n      sessionsEnded\n      devicesForgotten\n      mustChangePassword\n    }\n  }\n':
    types.ReportUnrecognizedActivityDocument,
  '\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n':
    types.ChangePasswordDocument,
  '\n  fragment SmsMethodFields on SmsMethod {\n    id\n    phoneNumber\n    maskedPhoneNumber\n    countryCode\n    description\n    status\n    isDefault\n    createdAt\n    verifiedAt\n    lastUsedAt\n    delivery {\n      lastDeliveredAt\n      consecutiveFailures\n      lastFailedAt\n    }\n  }\n':
    types.SmsMethodFieldsFragmentDoc,
  '\n  fragment TotpMethodFields on TotpMethod {\n    id\n    description\n    isDefault\n    createdAt\n    lastUsedAt\n  }\n':
    types.TotpMethodFieldsFragmentDoc,
  '\n  fragment SecurityKeyFields on SecurityKey {\n    id\n    description\n    isDefault\n    isPasskey\n    authenticatorName\n    createdAt\n    lastUsedAt\n  }\n':
    types.SecurityKeyFieldsFragmentDoc,
  '\n  fragment BackupCodesStatusFields on BackupCodesStatus {\n    active\n    remaining\n    total\n    generatedAt\n  }\n':
    types.BackupCodesStatusFieldsFragmentDoc,
  '\n  fragment TwoFactorStatusFields on TwoFactorStatus {\n    enabled\n    defaultMethodId\n    smsMethods {\n      ...SmsMethodFields\n    }\n    totpMethods {\n      ...TotpMethodFields\n    }\n    securityKeys {\n      ...SecurityKeyFields\n    }\n    backupCodes {\n      ...BackupCodesStatusFields\n    }\n    limits {\n      smsMethodsPerAccount\n      descriptionMaxLength\n    }\n  }\n':
    types.TwoFactorStatusFieldsFragmentDoc,
  '\n  mutation AddSmsMethod($input: AddSmsMethodInput!) {\n    addSmsMethod(input: $input) {\n      method {\n        ...SmsMethodFields\n      }\n      dispatch {\n        ...SmsDispatchFields\n      }\n    }\n  }\n':
    types.AddSmsMethodDocument,
  '\n  mutation ResendSmsMethodCode($methodId: ID!) {\n    resendSmsMethodCode(methodId: $methodId) {\n      ...SmsDispatchFields\n    }\n  }\n':
    types.ResendSmsMethodCodeDocument,
  '\n  mutation ConfirmSmsMethod($input: ConfirmSmsMethodInput!) {\n    confirmSmsMethod(input: $input) {\n      method {\n        ...SmsMethodFields\n      }\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n      backupCodes\n    }\n  }\n':
    types.ConfirmSmsMethodDocument,
  '\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      enrollmentId\n      secret\n      otpauthUri\n      expiresAt\n    }\n  }\n':
    types.StartTotpEnrollmentDocument,
  '\n  mutation ConfirmTotpMethod($input: ConfirmTotpMethodInput!) {\n    confirmTotpMethod(input: $input) {\n      methodId\n      backupCodes\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n    }\n  }\n':
    types.ConfirmTotpMethodDocument,
  '\n  mutation SetDefaultTwoFactorMethod($methodId: ID!) {\n    setDefaultTwoFactorMethod(methodId: $methodId) {\n      ...TwoFactorStatusFields\n    }\n  }\n':
    types.SetDefaultTwoFactorMethodDocument,
  '\n  mutation StartSecurityKeyRegistration {\n    startSecurityKeyRegistration {\n      registrationId\n      options\n      expiresAt\n    }\n  }\n':
    types.StartSecurityKeyRegistrationDocument,
  '\n  mutation FinishSecurityKeyRegistration($input: FinishSecurityKeyRegistrationInput!) {\n    finishSecurityKeyRegistration(input: $input) {\n      methodId\n      backupCodes\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n    }\n  }\n':
    types.FinishSecurityKeyRegistrationDocument,
  '\n  mutation UpdateTwoFactorMethod($input: UpdateTwoFactorMethodInput!) {\n    updateTwoFactorMethod(input: $input) {\n      ...TwoFactorStatusFields\n    }\n  }\n':
    types.UpdateTwoFactorMethodDocument,
  '\n  mutation RemoveTwoFactorMethod($methodId: ID!) {\n    removeTwoFactorMethod(methodId: $methodId) {\n      ...TwoFactorStatusFields\n    }\n  }\n':
    types.RemoveTwoFactorMethodDocument,
  '\n  mutation DisableTwoFactor {\n    disableTwoFactor {\n      ...TwoFactorStatusFields\n    }\n  }\n':
    types.DisableTwoFactorDocument,
  '\n  mutation RegenerateBackupCodes {\n    regenerateBackupCodes {\n      codes\n      status {\n        ...BackupCodesStatusFields\n      }\n    }\n  }\n':
    types.RegenerateBackupCodesDocument,
  '\n  mutation DeleteBackupCodes {\n    deleteBackupCodes {\n      ...TwoFactorStatusFields\n    }\n  }\n':
    types.DeleteBackupCodesDocument,
  '\n  query SecurityEvents($first: Int, $after: String) {\n    securityEvents(first: $first, after: $after) {\n      nodes {\n        id\n        type\n        createdAt\n        ipAddress\n        userAgent\n        detail\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n':
    types.SecurityEventsDocument,
  '\n  mutation UpdateAccount($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      id\n      locale\n    }\n  }\n':
    types.UpdateAccountDocument,
  '\n  fragment SessionInfoFields on SessionInfo {\n    id\n    current\n    createdAt\n    lastSeenAt\n    expiresAt\n    ipAddress\n    userAgent\n    secondFactor\n  }\n':
    types.SessionInfoFieldsFragmentDoc,
  '\n  query Sessions {\n    sessions {\n      ...SessionInfoFields\n    }\n  }\n': types.SessionsDocument,
  '\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      ...SessionInfoFields\n    }\n  }\n':
    types.RevokeSessionDocument,
  '\n  mutation RevokeOtherSessions {\n    revokeOtherSessions {\n      ...SessionInfoFields\n    }\n  }\n':
    types.RevokeOtherSessionsDocument,
  '\n  fragment TrustedDeviceFields on TrustedDevice {\n    id\n    createdAt\n    lastUsedAt\n    expiresAt\n    ipAddress\n    userAgent\n  }\n':
    types.TrustedDeviceFieldsFragmentDoc,
  '\n  query TrustedDevices {\n    trustedDevices {\n      ...TrustedDeviceFields\n    }\n  }\n':
    types.TrustedDevicesDocument,
  '\n  mutation ForgetTrustedDevice($id: ID!) {\n    forgetTrustedDevice(id: $id) {\n      ...TrustedDeviceFields\n    }\n  }\n':
    types.ForgetTrustedDeviceDocument,
  '\n  mutation ForgetAllTrustedDevices {\n    forgetAllTrustedDevices {\n      ...TrustedDeviceFields\n    }\n  }\n':
    types.ForgetAllTrustedDevicesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StartAccountRecovery($input: StartAccountRecoveryInput!) {\n    startAccountRecovery(input: $input)\n  }\n',
): (typeof documents)['\n  mutation StartAccountRecovery($input: StartAccountRecoveryInput!) {\n    startAccountRecovery(input: $input)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AccountRecoveryState($token: String!) {\n    accountRecovery(token: $token) {\n      status\n      readyAt\n      delaySeconds\n      locale\n    }\n  }\n',
): (typeof documents)['\n  query AccountRecoveryState($token: String!) {\n    accountRecovery(token: $token) {\n      status\n      readyAt\n      delaySeconds\n      locale\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConfirmAccountRecovery($input: ConfirmAccountRecoveryInput!) {\n    confirmAccountRecovery(input: $input) {\n      readyAt\n    }\n  }\n',
): (typeof documents)['\n  mutation ConfirmAccountRecovery($input: ConfirmAccountRecoveryInput!) {\n    confirmAccountRecovery(input: $input) {\n      readyAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CompleteAccountRecovery($input: CompleteAccountRecoveryInput!) {\n    completeAccountRecovery(input: $input) {\n      ...SessionFields\n    }\n  }\n',
): (typeof documents)['\n  mutation CompleteAccountRecovery($input: CompleteAccountRecoveryInput!) {\n    completeAccountRecovery(input: $input) {\n      ...SessionFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment LoginMethodFields on LoginMethod {\n    id\n    kind\n    label\n    maskedPhoneNumber\n    description\n  }\n',
): (typeof documents)['\n  fragment LoginMethodFields on LoginMethod {\n    id\n    kind\n    label\n    maskedPhoneNumber\n    description\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment TwoFactorChallengeFields on TwoFactorChallenge {\n    ticket\n    expiresAt\n    defaultMethod {\n      ...LoginMethodFields\n    }\n    methods {\n      ...LoginMethodFields\n    }\n  }\n',
): (typeof documents)['\n  fragment TwoFactorChallengeFields on TwoFactorChallenge {\n    ticket\n    expiresAt\n    defaultMethod {\n      ...LoginMethodFields\n    }\n    methods {\n      ...LoginMethodFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment SessionFields on Session {\n    token\n    expiresAt\n    trustedDeviceToken\n    account {\n      id\n      name\n      email\n      initials\n      locale\n    }\n  }\n',
): (typeof documents)['\n  fragment SessionFields on Session {\n    token\n    expiresAt\n    trustedDeviceToken\n    account {\n      id\n      name\n      email\n      initials\n      locale\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment SmsDispatchFields on SmsCodeDispatch {\n    id\n    maskedPhoneNumber\n    status\n    expiresAt\n    resendAvailableAt\n    failureReason\n  }\n',
): (typeof documents)['\n  fragment SmsDispatchFields on SmsCodeDispatch {\n    id\n    maskedPhoneNumber\n    status\n    expiresAt\n    resendAvailableAt\n    failureReason\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Me {\n    me {\n      id\n      email\n      name\n      initials\n      locale\n      createdAt\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Me {\n    me {\n      id\n      email\n      name\n      initials\n      locale\n      createdAt\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...SessionFields\n    }\n  }\n',
): (typeof documents)['\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      ...SessionFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session {\n        ...SessionFields\n      }\n      ... on TwoFactorChallenge {\n        ...TwoFactorChallengeFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session {\n        ...SessionFields\n      }\n      ... on TwoFactorChallenge {\n        ...TwoFactorChallengeFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Reauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      __typename\n      ... on Session {\n        ...SessionFields\n      }\n      ... on TwoFactorChallenge {\n        ...TwoFactorChallengeFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Reauthenticate($input: ReauthenticateInput!) {\n    reauthenticate(input: $input) {\n      __typename\n      ... on Session {\n        ...SessionFields\n      }\n      ... on TwoFactorChallenge {\n        ...TwoFactorChallengeFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SendLoginSmsCode($input: SendLoginSmsCodeInput!) {\n    sendLoginSmsCode(input: $input) {\n      ...SmsDispatchFields\n    }\n  }\n',
): (typeof documents)['\n  mutation SendLoginSmsCode($input: SendLoginSmsCodeInput!) {\n    sendLoginSmsCode(input: $input) {\n      ...SmsDispatchFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CompleteLoginWithSms($input: CompleteLoginWithSmsInput!) {\n    completeLoginWithSms(input: $input) {\n      ...SessionFields\n    }\n  }\n',
): (typeof documents)['\n  mutation CompleteLoginWithSms($input: CompleteLoginWithSmsInput!) {\n    completeLoginWithSms(input: $input) {\n      ...SessionFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CompleteLoginWithBackupCode($input: CompleteLoginWithBackupCodeInput!) {\n    completeLoginWithBackupCode(input: $input) {\n      ...SessionFields\n    }\n  }\n',
): (typeof documents)['\n  mutation CompleteLoginWithBackupCode($input: CompleteLoginWithBackupCodeInput!) {\n    completeLoginWithBackupCode(input: $input) {\n      ...SessionFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CompleteLoginWithTotp($input: CompleteLoginWithTotpInput!) {\n    completeLoginWithTotp(input: $input) {\n      ...SessionFields\n    }\n  }\n',
): (typeof documents)['\n  mutation CompleteLoginWithTotp($input: CompleteLoginWithTotpInput!) {\n    completeLoginWithTotp(input: $input) {\n      ...SessionFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StartSecurityKeyLogin($input: StartSecurityKeyLoginInput!) {\n    startSecurityKeyLogin(input: $input) {\n      options\n      expiresAt\n    }\n  }\n',
): (typeof documents)['\n  mutation StartSecurityKeyLogin($input: StartSecurityKeyLoginInput!) {\n    startSecurityKeyLogin(input: $input) {\n      options\n      expiresAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CompleteLoginWithSecurityKey($input: CompleteLoginWithSecurityKeyInput!) {\n    completeLoginWithSecurityKey(input: $input) {\n      ...SessionFields\n    }\n  }\n',
): (typeof documents)['\n  mutation CompleteLoginWithSecurityKey($input: CompleteLoginWithSecurityKeyInput!) {\n    completeLoginWithSecurityKey(input: $input) {\n      ...SessionFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Logout {\n    logout\n  }\n',
): (typeof documents)['\n  mutation Logout {\n    logout\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SmsDispatch($id: ID!, $ticket: String) {\n    smsDispatch(id: $id, ticket: $ticket) {\n      ...SmsDispatchFields\n    }\n  }\n',
): (typeof documents)['\n  query SmsDispatch($id: ID!, $ticket: String) {\n    smsDispatch(id: $id, ticket: $ticket) {\n      ...SmsDispatchFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n',
): (typeof documents)['\n  mutation VerifyEmail($token: String!) {\n    verifyEmail(token: $token)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n',
): (typeof documents)['\n  mutation ResendVerificationEmail {\n    resendVerificationEmail\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n',
): (typeof documents)['\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n',
): (typeof documents)['\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CodeDeliveryOptions {\n    codeDeliveryOptions {\n      voiceCalls\n    }\n  }\n',
): (typeof documents)['\n  query CodeDeliveryOptions {\n    codeDeliveryOptions {\n      voiceCalls\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CallLoginCode($input: CallLoginCodeInput!) {\n    callLoginCode(input: $input) {\n      ...SmsDispatchFields\n      channel\n    }\n  }\n',
): (typeof documents)['\n  mutation CallLoginCode($input: CallLoginCodeInput!) {\n    callLoginCode(input: $input) {\n      ...SmsDispatchFields\n      channel\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CallSmsMethodCode($methodId: ID!) {\n    callSmsMethodCode(methodId: $methodId) {\n      ...SmsDispatchFields\n      channel\n    }\n  }\n',
): (typeof documents)['\n  mutation CallSmsMethodCode($methodId: ID!) {\n    callSmsMethodCode(methodId: $methodId) {\n      ...SmsDispatchFields\n      channel\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReportUnrecognizedActivity($input: ReportUnrecognizedActivityInput!) {\n    reportUnrecognizedActivity(input: $input) {\n      sessionsEnded\n      devicesForgotten\n      mustChangePassword\n    }\n  }\n',
): (typeof documents)['\n  mutation ReportUnrecognizedActivity($input: ReportUnrecognizedActivityInput!) {\n    reportUnrecognizedActivity(input: $input) {\n      sessionsEnded\n      devicesForgotten\n      mustChangePassword\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n',
): (typeof documents)['\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment SmsMethodFields on SmsMethod {\n    id\n    phoneNumber\n    maskedPhoneNumber\n    countryCode\n    description\n    status\n    isDefault\n    createdAt\n    verifiedAt\n    lastUsedAt\n    delivery {\n      lastDeliveredAt\n      consecutiveFailures\n      lastFailedAt\n    }\n  }\n',
): (typeof documents)['\n  fragment SmsMethodFields on SmsMethod {\n    id\n    phoneNumber\n    maskedPhoneNumber\n    countryCode\n    description\n    status\n    isDefault\n    createdAt\n    verifiedAt\n    lastUsedAt\n    delivery {\n      lastDeliveredAt\n      consecutiveFailures\n      lastFailedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment TotpMethodFields on TotpMethod {\n    id\n    description\n    isDefault\n    createdAt\n    lastUsedAt\n  }\n',
): (typeof documents)['\n  fragment TotpMethodFields on TotpMethod {\n    id\n    description\n    isDefault\n    createdAt\n    lastUsedAt\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment SecurityKeyFields on SecurityKey {\n    id\n    description\n    isDefault\n    isPasskey\n    authenticatorName\n    createdAt\n    lastUsedAt\n  }\n',
): (typeof documents)['\n  fragment SecurityKeyFields on SecurityKey {\n    id\n    description\n    isDefault\n    isPasskey\n    authenticatorName\n    createdAt\n    lastUsedAt\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment BackupCodesStatusFields on BackupCodesStatus {\n    active\n    remaining\n    total\n    generatedAt\n  }\n',
): (typeof documents)['\n  fragment BackupCodesStatusFields on BackupCodesStatus {\n    active\n    remaining\n    total\n    generatedAt\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment TwoFactorStatusFields on TwoFactorStatus {\n    enabled\n    defaultMethodId\n    smsMethods {\n      ...SmsMethodFields\n    }\n    totpMethods {\n      ...TotpMethodFields\n    }\n    securityKeys {\n      ...SecurityKeyFields\n    }\n    backupCodes {\n      ...BackupCodesStatusFields\n    }\n    limits {\n      smsMethodsPerAccount\n      descriptionMaxLength\n    }\n  }\n',
): (typeof documents)['\n  fragment TwoFactorStatusFields on TwoFactorStatus {\n    enabled\n    defaultMethodId\n    smsMethods {\n      ...SmsMethodFields\n    }\n    totpMethods {\n      ...TotpMethodFields\n    }\n    securityKeys {\n      ...SecurityKeyFields\n    }\n    backupCodes {\n      ...BackupCodesStatusFields\n    }\n    limits {\n      smsMethodsPerAccount\n      descriptionMaxLength\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddSmsMethod($input: AddSmsMethodInput!) {\n    addSmsMethod(input: $input) {\n      method {\n        ...SmsMethodFields\n      }\n      dispatch {\n        ...SmsDispatchFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AddSmsMethod($input: AddSmsMethodInput!) {\n    addSmsMethod(input: $input) {\n      method {\n        ...SmsMethodFields\n      }\n      dispatch {\n        ...SmsDispatchFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResendSmsMethodCode($methodId: ID!) {\n    resendSmsMethodCode(methodId: $methodId) {\n      ...SmsDispatchFields\n    }\n  }\n',
): (typeof documents)['\n  mutation ResendSmsMethodCode($methodId: ID!) {\n    resendSmsMethodCode(methodId: $methodId) {\n      ...SmsDispatchFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConfirmSmsMethod($input: ConfirmSmsMethodInput!) {\n    confirmSmsMethod(input: $input) {\n      method {\n        ...SmsMethodFields\n      }\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n      backupCodes\n    }\n  }\n',
): (typeof documents)['\n  mutation ConfirmSmsMethod($input: ConfirmSmsMethodInput!) {\n    confirmSmsMethod(input: $input) {\n      method {\n        ...SmsMethodFields\n      }\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n      backupCodes\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      enrollmentId\n      secret\n      otpauthUri\n      expiresAt\n    }\n  }\n',
): (typeof documents)['\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      enrollmentId\n      secret\n      otpauthUri\n      expiresAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConfirmTotpMethod($input: ConfirmTotpMethodInput!) {\n    confirmTotpMethod(input: $input) {\n      methodId\n      backupCodes\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ConfirmTotpMethod($input: ConfirmTotpMethodInput!) {\n    confirmTotpMethod(input: $input) {\n      methodId\n      backupCodes\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetDefaultTwoFactorMethod($methodId: ID!) {\n    setDefaultTwoFactorMethod(methodId: $methodId) {\n      ...TwoFactorStatusFields\n    }\n  }\n',
): (typeof documents)['\n  mutation SetDefaultTwoFactorMethod($methodId: ID!) {\n    setDefaultTwoFactorMethod(methodId: $methodId) {\n      ...TwoFactorStatusFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StartSecurityKeyRegistration {\n    startSecurityKeyRegistration {\n      registrationId\n      options\n      expiresAt\n    }\n  }\n',
): (typeof documents)['\n  mutation StartSecurityKeyRegistration {\n    startSecurityKeyRegistration {\n      registrationId\n      options\n      expiresAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation FinishSecurityKeyRegistration($input: FinishSecurityKeyRegistrationInput!) {\n    finishSecurityKeyRegistration(input: $input) {\n      methodId\n      backupCodes\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation FinishSecurityKeyRegistration($input: FinishSecurityKeyRegistrationInput!) {\n    finishSecurityKeyRegistration(input: $input) {\n      methodId\n      backupCodes\n      twoFactor {\n        ...TwoFactorStatusFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateTwoFactorMethod($input: UpdateTwoFactorMethodInput!) {\n    updateTwoFactorMethod(input: $input) {\n      ...TwoFactorStatusFields\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateTwoFactorMethod($input: UpdateTwoFactorMethodInput!) {\n    updateTwoFactorMethod(input: $input) {\n      ...TwoFactorStatusFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RemoveTwoFactorMethod($methodId: ID!) {\n    removeTwoFactorMethod(methodId: $methodId) {\n      ...TwoFactorStatusFields\n    }\n  }\n',
): (typeof documents)['\n  mutation RemoveTwoFactorMethod($methodId: ID!) {\n    removeTwoFactorMethod(methodId: $methodId) {\n      ...TwoFactorStatusFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DisableTwoFactor {\n    disableTwoFactor {\n      ...TwoFactorStatusFields\n    }\n  }\n',
): (typeof documents)['\n  mutation DisableTwoFactor {\n    disableTwoFactor {\n      ...TwoFactorStatusFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RegenerateBackupCodes {\n    regenerateBackupCodes {\n      codes\n      status {\n        ...BackupCodesStatusFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RegenerateBackupCodes {\n    regenerateBackupCodes {\n      codes\n      status {\n        ...BackupCodesStatusFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteBackupCodes {\n    deleteBackupCodes {\n      ...TwoFactorStatusFields\n    }\n  }\n',
): (typeof documents)['\n  mutation DeleteBackupCodes {\n    deleteBackupCodes {\n      ...TwoFactorStatusFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SecurityEvents($first: Int, $after: String) {\n    securityEvents(first: $first, after: $after) {\n      nodes {\n        id\n        type\n        createdAt\n        ipAddress\n        userAgent\n        detail\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SecurityEvents($first: Int, $after: String) {\n    securityEvents(first: $first, after: $after) {\n      nodes {\n        id\n        type\n        createdAt\n        ipAddress\n        userAgent\n        detail\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateAccount($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      id\n      locale\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateAccount($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      id\n      locale\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment SessionInfoFields on SessionInfo {\n    id\n    current\n    createdAt\n    lastSeenAt\n    expiresAt\n    ipAddress\n    userAgent\n    secondFactor\n  }\n',
): (typeof documents)['\n  fragment SessionInfoFields on SessionInfo {\n    id\n    current\n    createdAt\n    lastSeenAt\n    expiresAt\n    ipAddress\n    userAgent\n    secondFactor\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Sessions {\n    sessions {\n      ...SessionInfoFields\n    }\n  }\n',
): (typeof documents)['\n  query Sessions {\n    sessions {\n      ...SessionInfoFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      ...SessionInfoFields\n    }\n  }\n',
): (typeof documents)['\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id) {\n      ...SessionInfoFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokeOtherSessions {\n    revokeOtherSessions {\n      ...SessionInfoFields\n    }\n  }\n',
): (typeof documents)['\n  mutation RevokeOtherSessions {\n    revokeOtherSessions {\n      ...SessionInfoFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment TrustedDeviceFields on TrustedDevice {\n    id\n    createdAt\n    lastUsedAt\n    expiresAt\n    ipAddress\n    userAgent\n  }\n',
): (typeof documents)['\n  fragment TrustedDeviceFields on TrustedDevice {\n    id\n    createdAt\n    lastUsedAt\n    expiresAt\n    ipAddress\n    userAgent\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TrustedDevices {\n    trustedDevices {\n      ...TrustedDeviceFields\n    }\n  }\n',
): (typeof documents)['\n  query TrustedDevices {\n    trustedDevices {\n      ...TrustedDeviceFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ForgetTrustedDevice($id: ID!) {\n    forgetTrustedDevice(id: $id) {\n      ...TrustedDeviceFields\n    }\n  }\n',
): (typeof documents)['\n  mutation ForgetTrustedDevice($id: ID!) {\n    forgetTrustedDevice(id: $id) {\n      ...TrustedDeviceFields\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ForgetAllTrustedDevices {\n    forgetAllTrustedDevices {\n      ...TrustedDeviceFields\n    }\n  }\n',
): (typeof documents)['\n  mutation ForgetAllTrustedDevices {\n    forgetAllTrustedDevices {\n      ...TrustedDeviceFields\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
