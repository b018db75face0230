/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where a lost-phone recovery stands, as its link reads it. */
export type AccountRecoveryStatus =
  /** Cancelled for good: a second factor of the account was used since the confirmation, "This wasn't me" was reported, or support reset 2FA. */
  | 'CANCELLED'
  /** 2FA was turned off with this link; the link is spent. */
  | 'COMPLETED'
  /** Not confirmed in time, or not completed within 7 days after readyAt. */
  | 'EXPIRED'
  /** The waiting period is over: a fresh password step plus the link may complete it (completeAccountRecovery). */
  | 'READY'
  /** E-mailed, not confirmed yet: confirmAccountRecovery starts the waiting period. */
  | 'REQUESTED'
  /** Confirmed; the waiting period runs until readyAt. */
  | 'WAITING';

export type AddSmsMethodInput = {
  /** International format, e.g. +447700900123 (spaces, dots and dashes are ignored). */
  phoneNumber: string;
};

export type CallLoginCodeInput = {
  /** One of the challenge's SMS methods (a number). */
  methodId: string | number;
  /** The TwoFactorChallenge ticket. */
  ticket: string;
};

export type ChangePasswordInput = {
  currentPassword: string;
  /** The new password, under sign-up's rules. */
  newPassword: string;
};

/** How a code reaches the phone. */
export type CodeDeliveryChannel =
  /** A text message. */
  | 'SMS'
  /** A phone call that reads the code out ("Call me instead"). */
  | 'VOICE';

export type CompleteAccountRecoveryInput = {
  ticket: string;
  token: string;
};

export type CompleteLoginWithBackupCodeInput = {
  code: string;
  /** Remember this device: the Session carries a trustedDeviceToken. */
  rememberDevice?: boolean | null | undefined;
  ticket: string;
};

export type CompleteLoginWithSecurityKeyInput = {
  /** JSON of the PublicKeyCredential from navigator.credentials.get() (AuthenticationResponseJSON). */
  credential: string;
  /** Remember this device: the Session carries a trustedDeviceToken. */
  rememberDevice?: boolean | null | undefined;
  ticket: string;
};

export type CompleteLoginWithSmsInput = {
  code: string;
  methodId: string | number;
  /** Remember this device: the Session carries a trustedDeviceToken. */
  rememberDevice?: boolean | null | undefined;
  ticket: string;
};

export type CompleteLoginWithTotpInput = {
  code: string;
  methodId: string | number;
  /** Remember this device: the Session carries a trustedDeviceToken. */
  rememberDevice?: boolean | null | undefined;
  ticket: string;
};

export type ConfirmAccountRecoveryInput = {
  token: string;
};

export type ConfirmSmsMethodInput = {
  code: string;
  description?: string | null | undefined;
  methodId: string | number;
};

export type ConfirmTotpMethodInput = {
  code: string;
  description?: string | null | undefined;
  enrollmentId: string | number;
};

export type FinishSecurityKeyRegistrationInput = {
  /** JSON of the PublicKeyCredential from navigator.credentials.create() (RegistrationResponseJSON). */
  credential: string;
  description?: string | null | undefined;
  registrationId: string | number;
};

export type LoginInput = {
  email: string;
  password: string;
  /** A Session.trustedDeviceToken from an earlier login on this device. */
  trustedDeviceToken?: string | null | undefined;
};

export type ReauthenticateInput = {
  password: string;
};

export type ReportUnrecognizedActivityInput = {
  token: string;
};

export type RequestPasswordResetInput = {
  /** The address the account signed up with. */
  email: string;
};

export type ResetPasswordInput = {
  /** The new password, under sign-up's rules. */
  newPassword: string;
  /** The token of the e-mailed link (`/reset-password?token=…`). */
  token: string;
};

export type SecurityEventType =
  | 'ACCOUNT_CREATED'
  | 'ACTIVITY_REPORTED'
  | 'BACKUP_CODES_DELETED'
  | 'BACKUP_CODES_GENERATED'
  | 'BACKUP_CODE_USED'
  | 'DEFAULT_METHOD_CHANGED'
  | 'EMAIL_SEND_BLOCKED'
  | 'LOGIN_FAILED'
  | 'LOGIN_SUCCEEDED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET'
  | 'PASSWORD_RESET_REQUESTED'
  | 'REAUTHENTICATED'
  | 'RECOVERY_CANCELLED'
  | 'RECOVERY_COMPLETED'
  | 'RECOVERY_REQUESTED'
  | 'RECOVERY_STARTED'
  | 'SECOND_FACTOR_FAILED'
  | 'SECURITY_KEY_ADDED'
  | 'SESSION_REVOKED'
  | 'SMS_METHOD_ADDED'
  | 'SMS_METHOD_CONFIRMED'
  | 'SMS_METHOD_REMOVED'
  | 'SMS_METHOD_UPDATED'
  | 'SMS_SEND_BLOCKED'
  | 'TOTP_METHOD_ADDED'
  | 'TRUSTED_DEVICE_ADDED'
  | 'TRUSTED_DEVICE_REMOVED'
  | 'TWO_FACTOR_DISABLED'
  | 'TWO_FACTOR_ENABLED'
  | 'TWO_FACTOR_METHOD_REMOVED'
  | 'TWO_FACTOR_METHOD_UPDATED'
  | 'TWO_FACTOR_RESET_BY_SUPPORT';

export type SendLoginSmsCodeInput = {
  methodId: string | number;
  ticket: string;
};

export type SignUpInput = {
  email: string;
  name: string;
  password: string;
};

export type SmsDeliveryStatus = 'DELIVERED' | 'FAILED' | 'QUEUED' | 'SENDING' | 'SENT';

export type SmsMethodStatus = 'ENABLED' | 'PENDING_VERIFICATION';

export type StartAccountRecoveryInput = {
  ticket: string;
};

export type StartSecurityKeyLoginInput = {
  ticket: string;
};

export type TwoFactorMethodKind = 'BACKUP_CODE' | 'SECURITY_KEY' | 'SMS' | 'TOTP';

export type UpdateAccountInput = {
  /** The language of SMS and of the web app: "en" or "fr". Left out or null: unchanged. */
  locale?: string | null | undefined;
};

export type UpdateTwoFactorMethodInput = {
  description?: string | null | undefined;
  methodId: string | number;
};

export type StartAccountRecoveryMutationVariables = Exact<{
  input: StartAccountRecoveryInput;
}>;

export type StartAccountRecoveryMutation = { startAccountRecovery: boolean };

export type AccountRecoveryStateQueryVariables = Exact<{
  token: string;
}>;

export type AccountRecoveryStateQuery = {
  accountRecovery: { status: AccountRecoveryStatus; readyAt: string | null; delaySeconds: number; locale: string };
};

export type ConfirmAccountRecoveryMutationVariables = Exact<{
  input: ConfirmAccountRecoveryInput;
}>;

export type ConfirmAccountRecoveryMutation = { confirmAccountRecovery: { readyAt: string } };

export type CompleteAccountRecoveryMutationVariables = Exact<{
  input: CompleteAccountRecoveryInput;
}>;

export type CompleteAccountRecoveryMutation = {
  completeAccountRecovery: {
    token: string;
    expiresAt: string;
    trustedDeviceToken: string | null;
    account: { id: string; name: string; email: string; initials: string; locale: string };
  };
};

export type LoginMethodFieldsFragment = {
  id: string;
  kind: TwoFactorMethodKind;
  label: string;
  maskedPhoneNumber: string | null;
  description: string | null;
};

export type TwoFactorChallengeFieldsFragment = {
  ticket: string;
  expiresAt: string;
  defaultMethod: {
    id: string;
    kind: TwoFactorMethodKind;
    label: string;
    maskedPhoneNumber: string | null;
    description: string | null;
  };
  methods: Array<{
    id: string;
    kind: TwoFactorMethodKind;
    label: string;
    maskedPhoneNumber: string | null;
    description: string | null;
  }>;
};

export type SessionFieldsFragment = {
  token: string;
  expiresAt: string;
  trustedDeviceToken: string | null;
  account: { id: string; name: string; email: string; initials: string; locale: string };
};

export type SmsDispatchFieldsFragment = {
  id: string;
  maskedPhoneNumber: string;
  status: SmsDeliveryStatus;
  expiresAt: string;
  resendAvailableAt: string;
  failureReason: string | null;
};

export type MeQueryVariables = Exact<{ [key: string]: never }>;

export type MeQuery = {
  me: {
    id: string;
    email: string;
    name: string;
    initials: string;
    locale: string;
    createdAt: string;
    twoFactor: {
      enabled: boolean;
      defaultMethodId: string | null;
      smsMethods: Array<{
        id: string;
        phoneNumber: string;
        maskedPhoneNumber: string;
        countryCode: string;
        description: string | null;
        status: SmsMethodStatus;
        isDefault: boolean;
        createdAt: string;
        verifiedAt: string | null;
        lastUsedAt: string | null;
        delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
      }>;
      totpMethods: Array<{
        id: string;
        description: string | null;
        isDefault: boolean;
        createdAt: string;
        lastUsedAt: string | null;
      }>;
      securityKeys: Array<{
        id: string;
        description: string | null;
        isDefault: boolean;
        isPasskey: boolean;
        authenticatorName: string | null;
        createdAt: string;
        lastUsedAt: string | null;
      }>;
      backupCodes: { active: boolean; remaining: number; total: number; generatedAt: string | null };
      limits: { smsMethodsPerAccount: number; descriptionMaxLength: number };
    };
  } | null;
};

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;

export type SignUpMutation = {
  signUp: {
    token: string;
    expiresAt: string;
    trustedDeviceToken: string | null;
    account: { id: string; name: string; email: string; initials: string; locale: string };
  };
};

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;

export type LoginMutation = {
  login:
    | {
        __typename: 'Session';
        token: string;
        expiresAt: string;
        trustedDeviceToken: string | null;
        account: { id: string; name: string; email: string; initials: string; locale: string };
      }
    | {
        __typename: 'TwoFactorChallenge';
        ticket: string;
        expiresAt: string;
        defaultMethod: {
          id: string;
          kind: TwoFactorMethodKind;
          label: string;
          maskedPhoneNumber: string | null;
          description: string | null;
        };
        methods: Array<{
          id: string;
          kind: TwoFactorMethodKind;
          label: string;
          maskedPhoneNumber: string | null;
          description: string | null;
        }>;
      };
};

export type ReauthenticateMutationVariables = Exact<{
  input: ReauthenticateInput;
}>;

export type ReauthenticateMutation = {
  reauthenticate:
    | {
        __typename: 'Session';
        token: string;
        expiresAt: string;
        trustedDeviceToken: string | null;
        account: { id: string; name: string; email: string; initials: string; locale: string };
      }
    | {
        __typename: 'TwoFactorChallenge';
        ticket: string;
        expiresAt: string;
        defaultMethod: {
          id: string;
          kind: TwoFactorMethodKind;
          label: string;
          maskedPhoneNumber: string | null;
          description: string | null;
        };
        methods: Array<{
          id: string;
          kind: TwoFactorMethodKind;
          label: string;
          maskedPhoneNumber: string | null;
          description: string | null;
        }>;
      };
};

export type SendLoginSmsCodeMutationVariables = Exact<{
  input: SendLoginSmsCodeInput;
}>;

export type SendLoginSmsCodeMutation = {
  sendLoginSmsCode: {
    id: string;
    maskedPhoneNumber: string;
    status: SmsDeliveryStatus;
    expiresAt: string;
    resendAvailableAt: string;
    failureReason: string | null;
  };
};

export type CompleteLoginWithSmsMutationVariables = Exact<{
  input: CompleteLoginWithSmsInput;
}>;

export type CompleteLoginWithSmsMutation = {
  completeLoginWithSms: {
    token: string;
    expiresAt: string;
    trustedDeviceToken: string | null;
    account: { id: string; name: string; email: string; initials: string; locale: string };
  };
};

export type CompleteLoginWithBackupCodeMutationVariables = Exact<{
  input: CompleteLoginWithBackupCodeInput;
}>;

export type CompleteLoginWithBackupCodeMutation = {
  completeLoginWithBackupCode: {
    token: string;
    expiresAt: string;
    trustedDeviceToken: string | null;
    account: { id: string; name: string; email: string; initials: string; locale: string };
  };
};

export type CompleteLoginWithTotpMutationVariables = Exact<{
  input: CompleteLoginWithTotpInput;
}>;

export type CompleteLoginWithTotpMutation = {
  completeLoginWithTotp: {
    token: string;
    expiresAt: string;
    trustedDeviceToken: string | null;
    account: { id: string; name: string; email: string; initials: string; locale: string };
  };
};

export type StartSecurityKeyLoginMutationVariables = Exact<{
  input: StartSecurityKeyLoginInput;
}>;

export type StartSecurityKeyLoginMutation = { startSecurityKeyLogin: { options: string; expiresAt: string } };

export type CompleteLoginWithSecurityKeyMutationVariables = Exact<{
  input: CompleteLoginWithSecurityKeyInput;
}>;

export type CompleteLoginWithSecurityKeyMutation = {
  completeLoginWithSecurityKey: {
    token: string;
    expiresAt: string;
    trustedDeviceToken: string | null;
    account: { id: string; name: string; email: string; initials: string; locale: string };
  };
};

export type LogoutMutationVariables = Exact<{ [key: string]: never }>;

export type LogoutMutation = { logout: boolean };

export type SmsDispatchQueryVariables = Exact<{
  id: string | number;
  ticket?: string | null | undefined;
}>;

export type SmsDispatchQuery = {
  smsDispatch: {
    id: string;
    maskedPhoneNumber: string;
    status: SmsDeliveryStatus;
    expiresAt: string;
    resendAvailableAt: string;
    failureReason: string | null;
  } | null;
};

export type VerifyEmailMutationVariables = Exact<{
  token: string;
}>;

export type VerifyEmailMutation = { verifyEmail: boolean };

export type ResendVerificationEmailMutationVariables = Exact<{ [key: string]: never }>;

export type ResendVerificationEmailMutation = { resendVerificationEmail: boolean };

export type RequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;

export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;

export type ResetPasswordMutation = { resetPassword: boolean };

export type CodeDeliveryOptionsQueryVariables = Exact<{ [key: string]: never }>;

export type CodeDeliveryOptionsQuery = { codeDeliveryOptions: { voiceCalls: boolean } };

export type CallLoginCodeMutationVariables = Exact<{
  input: CallLoginCodeInput;
}>;

export type CallLoginCodeMutation = {
  callLoginCode: {
    channel: CodeDeliveryChannel;
    id: string;
    maskedPhoneNumber: string;
    status: SmsDeliveryStatus;
    expiresAt: string;
    resendAvailableAt: string;
    failureReason: string | null;
  };
};

export type CallSmsMethodCodeMutationVariables = Exact<{
  methodId: string | number;
}>;

export type CallSmsMethodCodeMutation = {
  callSmsMethodCode: {
    channel: CodeDeliveryChannel;
    id: string;
    maskedPhoneNumber: string;
    status: SmsDeliveryStatus;
    expiresAt: string;
    resendAvailableAt: string;
    failureReason: string | null;
  };
};

export type ReportUnrecognizedActivityMutationVariables = Exact<{
  input: ReportUnrecognizedActivityInput;
}>;

export type ReportUnrecognizedActivityMutation = {
  reportUnrecognizedActivity: { sessionsEnded: number; devicesForgotten: number; mustChangePassword: boolean };
};

export type ChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;

export type ChangePasswordMutation = { changePassword: boolean };

export type SmsMethodFieldsFragment = {
  id: string;
  phoneNumber: string;
  maskedPhoneNumber: string;
  countryCode: string;
  description: string | null;
  status: SmsMethodStatus;
  isDefault: boolean;
  createdAt: string;
  verifiedAt: string | null;
  lastUsedAt: string | null;
  delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
};

export type TotpMethodFieldsFragment = {
  id: string;
  description: string | null;
  isDefault: boolean;
  createdAt: string;
  lastUsedAt: string | null;
};

export type SecurityKeyFieldsFragment = {
  id: string;
  description: string | null;
  isDefault: boolean;
  isPasskey: boolean;
  authenticatorName: string | null;
  createdAt: string;
  lastUsedAt: string | null;
};

export type BackupCodesStatusFieldsFragment = {
  active: boolean;
  remaining: number;
  total: number;
  generatedAt: string | null;
};

export type TwoFactorStatusFieldsFragment = {
  enabled: boolean;
  defaultMethodId: string | null;
  smsMethods: Array<{
    id: string;
    phoneNumber: string;
    maskedPhoneNumber: string;
    countryCode: string;
    description: string | null;
    status: SmsMethodStatus;
    isDefault: boolean;
    createdAt: string;
    verifiedAt: string | null;
    lastUsedAt: string | null;
    delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
  }>;
  totpMethods: Array<{
    id: string;
    description: string | null;
    isDefault: boolean;
    createdAt: string;
    lastUsedAt: string | null;
  }>;
  securityKeys: Array<{
    id: string;
    description: string | null;
    isDefault: boolean;
    isPasskey: boolean;
    authenticatorName: string | null;
    createdAt: string;
    lastUsedAt: string | null;
  }>;
  backupCodes: { active: boolean; remaining: number; total: number; generatedAt: string | null };
  limits: { smsMethodsPerAccount: number; descriptionMaxLength: number };
};

export type AddSmsMethodMutationVariables = Exact<{
  input: AddSmsMethodInput;
}>;

export type AddSmsMethodMutation = {
  addSmsMethod: {
    method: {
      id: string;
      phoneNumber: string;
      maskedPhoneNumber: string;
      countryCode: string;
      description: string | null;
      status: SmsMethodStatus;
      isDefault: boolean;
      createdAt: string;
      verifiedAt: string | null;
      lastUsedAt: string | null;
      delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
    };
    dispatch: {
      id: string;
      maskedPhoneNumber: string;
      status: SmsDeliveryStatus;
      expiresAt: string;
      resendAvailableAt: string;
      failureReason: string | null;
    };
  };
};

export type ResendSmsMethodCodeMutationVariables = Exact<{
  methodId: string | number;
}>;

export type ResendSmsMethodCodeMutation = {
  resendSmsMethodCode: {
    id: string;
    maskedPhoneNumber: string;
    status: SmsDeliveryStatus;
    expiresAt: string;
    resendAvailableAt: string;
    failureReason: string | null;
  };
};

export type ConfirmSmsMethodMutationVariables = Exact<{
  input: ConfirmSmsMethodInput;
}>;

export type ConfirmSmsMethodMutation = {
  confirmSmsMethod: {
    backupCodes: Array<string> | null;
    method: {
      id: string;
      phoneNumber: string;
      maskedPhoneNumber: string;
      countryCode: string;
      description: string | null;
      status: SmsMethodStatus;
      isDefault: boolean;
      createdAt: string;
      verifiedAt: string | null;
      lastUsedAt: string | null;
      delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
    };
    twoFactor: {
      enabled: boolean;
      defaultMethodId: string | null;
      smsMethods: Array<{
        id: string;
        phoneNumber: string;
        maskedPhoneNumber: string;
        countryCode: string;
        description: string | null;
        status: SmsMethodStatus;
        isDefault: boolean;
        createdAt: string;
        verifiedAt: string | null;
        lastUsedAt: string | null;
        delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
      }>;
      totpMethods: Array<{
        id: string;
        description: string | null;
        isDefault: boolean;
        createdAt: string;
        lastUsedAt: string | null;
      }>;
      securityKeys: Array<{
        id: string;
        description: string | null;
        isDefault: boolean;
        isPasskey: boolean;
        authenticatorName: string | null;
        createdAt: string;
        lastUsedAt: string | null;
      }>;
      backupCodes: { active: boolean; remaining: number; total: number; generatedAt: string | null };
      limits: { smsMethodsPerAccount: number; descriptionMaxLength: number };
    };
  };
};

export type StartTotpEnrollmentMutationVariables = Exact<{ [key: string]: never }>;

export type StartTotpEnrollmentMutation = {
  startTotpEnrollment: { enrollmentId: string; secret: string; otpauthUri: string; expiresAt: string };
};

export type ConfirmTotpMethodMutationVariables = Exact<{
  input: ConfirmTotpMethodInput;
}>;

export type ConfirmTotpMethodMutation = {
  confirmTotpMethod: {
    methodId: string;
    backupCodes: Array<string> | null;
    twoFactor: {
      enabled: boolean;
      defaultMethodId: string | null;
      smsMethods: Array<{
        id: string;
        phoneNumber: string;
        maskedPhoneNumber: string;
        countryCode: string;
        description: string | null;
        status: SmsMethodStatus;
        isDefault: boolean;
        createdAt: string;
        verifiedAt: string | null;
        lastUsedAt: string | null;
        delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
      }>;
      totpMethods: Array<{
        id: string;
        description: string | null;
        isDefault: boolean;
        createdAt: string;
        lastUsedAt: string | null;
      }>;
      securityKeys: Array<{
        id: string;
        description: string | null;
        isDefault: boolean;
        isPasskey: boolean;
        authenticatorName: string | null;
        createdAt: string;
        lastUsedAt: string | null;
      }>;
      backupCodes: { active: boolean; remaining: number; total: number; generatedAt: string | null };
      limits: { smsMethodsPerAccount: number; descriptionMaxLength: number };
    };
  };
};

export type SetDefaultTwoFactorMethodMutationVariables = Exact<{
  methodId: string | number;
}>;

export type SetDefaultTwoFactorMethodMutation = {
  setDefaultTwoFactorMethod: {
    enabled: boolean;
    defaultMethodId: string | null;
    smsMethods: Array<{
      id: string;
      phoneNumber: string;
      maskedPhoneNumber: string;
      countryCode: string;
      description: string | null;
      status: SmsMethodStatus;
      isDefault: boolean;
      createdAt: string;
      verifiedAt: string | null;
      lastUsedAt: string | null;
      delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
    }>;
    totpMethods: Array<{
      id: string;
      description: string | null;
      isDefault: boolean;
      createdAt: string;
      lastUsedAt: string | null;
    }>;
    securityKeys: Array<{
      id: string;
      description: string | null;
      isDefault: boolean;
      isPasskey: boolean;
      authenticatorName: string | null;
      createdAt: string;
      lastUsedAt: string | null;
    }>;
    backupCodes: { active: boolean; remaining: number; total: number; generatedAt: string | null };
    limits: { smsMethodsPerAccount: number; descriptionMaxLength: number };
  };
};

export type StartSecurityKeyRegistrationMutationVariables = Exact<{ [key: string]: never }>;

export type StartSecurityKeyRegistrationMutation = {
  startSecurityKeyRegistration: { registrationId: string; options: string; expiresAt: string };
};

export type FinishSecurityKeyRegistrationMutationVariables = Exact<{
  input: FinishSecurityKeyRegistrationInput;
}>;

export type FinishSecurityKeyRegistrationMutation = {
  finishSecurityKeyRegistration: {
    methodId: string;
    backupCodes: Array<string> | null;
    twoFactor: {
      enabled: boolean;
      defaultMethodId: string | null;
      smsMethods: Array<{
        id: string;
        phoneNumber: string;
        maskedPhoneNumber: string;
        countryCode: string;
        description: string | null;
        status: SmsMethodStatus;
        isDefault: boolean;
        createdAt: string;
        verifiedAt: string | null;
        lastUsedAt: string | null;
        delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
      }>;
      totpMethods: Array<{
        id: string;
        description: string | null;
        isDefault: boolean;
        createdAt: string;
        lastUsedAt: string | null;
      }>;
      securityKeys: Array<{
        id: string;
        description: string | null;
        isDefault: boolean;
        isPasskey: boolean;
        authenticatorName: string | null;
        createdAt: string;
        lastUsedAt: string | null;
      }>;
      backupCodes: { active: boolean; remaining: number; total: number; generatedAt: string | null };
      limits: { smsMethodsPerAccount: number; descriptionMaxLength: number };
    };
  };
};

export type UpdateTwoFactorMethodMutationVariables = Exact<{
  input: UpdateTwoFactorMethodInput;
}>;

export type UpdateTwoFactorMethodMutation = {
  updateTwoFactorMethod: {
    enabled: boolean;
    defaultMethodId: string | null;
    smsMethods: Array<{
      id: string;
      phoneNumber: string;
      maskedPhoneNumber: string;
      countryCode: string;
      description: string | null;
      status: SmsMethodStatus;
      isDefault: boolean;
      createdAt: string;
      verifiedAt: string | null;
      lastUsedAt: string | null;
      delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
    }>;
    totpMethods: Array<{
      id: string;
      description: string | null;
      isDefault: boolean;
      createdAt: string;
      lastUsedAt: string | null;
    }>;
    securityKeys: Array<{
      id: string;
      description: string | null;
      isDefault: boolean;
      isPasskey: boolean;
      authenticatorName: string | null;
      createdAt: string;
      lastUsedAt: string | null;
    }>;
    backupCodes: { active: boolean; remaining: number; total: number; generatedAt: string | null };
    limits: { smsMethodsPerAccount: number; descriptionMaxLength: number };
  };
};

export type RemoveTwoFactorMethodMutationVariables = Exact<{
  methodId: string | number;
}>;

export type RemoveTwoFactorMethodMutation = {
  removeTwoFactorMethod: {
    enabled: boolean;
    defaultMethodId: string | null;
    smsMethods: Array<{
      id: string;
      phoneNumber: string;
      maskedPhoneNumber: string;
      countryCode: string;
      description: string | null;
      status: SmsMethodStatus;
      isDefault: boolean;
      createdAt: string;
      verifiedAt: string | null;
      lastUsedAt: string | null;
      delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
    }>;
    totpMethods: Array<{
      id: string;
      description: string | null;
      isDefault: boolean;
      createdAt: string;
      lastUsedAt: string | null;
    }>;
    securityKeys: Array<{
      id: string;
      description: string | null;
      isDefault: boolean;
      isPasskey: boolean;
      authenticatorName: string | null;
      createdAt: string;
      lastUsedAt: string | null;
    }>;
    backupCodes: { active: boolean; remaining: number; total: number; generatedAt: string | null };
    limits: { smsMethodsPerAccount: number; descriptionMaxLength: number };
  };
};

export type DisableTwoFactorMutationVariables = Exact<{ [key: string]: never }>;

export type DisableTwoFactorMutation = {
  disableTwoFactor: {
    enabled: boolean;
    defaultMethodId: string | null;
    smsMethods: Array<{
      id: string;
      phoneNumber: string;
      maskedPhoneNumber: string;
      countryCode: string;
      description: string | null;
      status: SmsMethodStatus;
      isDefault: boolean;
      createdAt: string;
      verifiedAt: string | null;
      lastUsedAt: string | null;
      delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
    }>;
    totpMethods: Array<{
      id: string;
      description: string | null;
      isDefault: boolean;
      createdAt: string;
      lastUsedAt: string | null;
    }>;
    securityKeys: Array<{
      id: string;
      description: string | null;
      isDefault: boolean;
      isPasskey: boolean;
      authenticatorName: string | null;
      createdAt: string;
      lastUsedAt: string | null;
    }>;
    backupCodes: { active: boolean; remaining: number; total: number; generatedAt: string | null };
    limits: { smsMethodsPerAccount: number; descriptionMaxLength: number };
  };
};

export type RegenerateBackupCodesMutationVariables = Exact<{ [key: string]: never }>;

export type RegenerateBackupCodesMutation = {
  regenerateBackupCodes: {
    codes: Array<string>;
    status: { active: boolean; remaining: number; total: number; generatedAt: string | null };
  };
};

export type DeleteBackupCodesMutationVariables = Exact<{ [key: string]: never }>;

export type DeleteBackupCodesMutation = {
  deleteBackupCodes: {
    enabled: boolean;
    defaultMethodId: string | null;
    smsMethods: Array<{
      id: string;
      phoneNumber: string;
      maskedPhoneNumber: string;
      countryCode: string;
      description: string | null;
      status: SmsMethodStatus;
      isDefault: boolean;
      createdAt: string;
      verifiedAt: string | null;
      lastUsedAt: string | null;
      delivery: { lastDeliveredAt: string | null; consecutiveFailures: number; lastFailedAt: string | null };
    }>;
    totpMethods: Array<{
      id: string;
      description: string | null;
      isDefault: boolean;
      createdAt: string;
      lastUsedAt: string | null;
    }>;
    securityKeys: Array<{
      id: string;
      description: string | null;
      isDefault: boolean;
      isPasskey: boolean;
      authenticatorName: string | null;
      createdAt: string;
      lastUsedAt: string | null;
    }>;
    backupCodes: { active: boolean; remaining: number; total: number; generatedAt: string | null };
    limits: { smsMethodsPerAccount: number; descriptionMaxLength: number };
  };
};

export type SecurityEventsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;

export type SecurityEventsQuery = {
  securityEvents: {
    nodes: Array<{
      id: string;
      type: SecurityEventType;
      createdAt: string;
      ipAddress: string | null;
      userAgent: string | null;
      detail: string | null;
    }>;
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
};

export type UpdateAccountMutationVariables = Exact<{
  input: UpdateAccountInput;
}>;

export type UpdateAccountMutation = { updateAccount: { id: string; locale: string } };

export type SessionInfoFieldsFragment = {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
  secondFactor: boolean;
};

export type SessionsQueryVariables = Exact<{ [key: string]: never }>;

export type SessionsQuery = {
  sessions: Array<{
    id: string;
    current: boolean;
    createdAt: string;
    lastSeenAt: string;
    expiresAt: string;
    ipAddress: string | null;
    userAgent: string | null;
    secondFactor: boolean;
  }>;
};

export type RevokeSessionMutationVariables = Exact<{
  id: string | number;
}>;

export type RevokeSessionMutation = {
  revokeSession: Array<{
    id: string;
    current: boolean;
    createdAt: string;
    lastSeenAt: string;
    expiresAt: string;
    ipAddress: string | null;
    userAgent: string | null;
    secondFactor: boolean;
  }>;
};

export type RevokeOtherSessionsMutationVariables = Exact<{ [key: string]: never }>;

export type RevokeOtherSessionsMutation = {
  revokeOtherSessions: Array<{
    id: string;
    current: boolean;
    createdAt: string;
    lastSeenAt: string;
    expiresAt: string;
    ipAddress: string | null;
    userAgent: string | null;
    secondFactor: boolean;
  }>;
};

export type TrustedDeviceFieldsFragment = {
  id: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
  ipAddress: string | null;
  userAgent: string | null;
};

export type TrustedDevicesQueryVariables = Exact<{ [key: string]: never }>;

export type TrustedDevicesQuery = {
  trustedDevices: Array<{
    id: string;
    createdAt: string;
    lastUsedAt: string | null;
    expiresAt: string;
    ipAddress: string | null;
    userAgent: string | null;
  }>;
};

export type ForgetTrustedDeviceMutationVariables = Exact<{
  id: string | number;
}>;

export type ForgetTrustedDeviceMutation = {
  forgetTrustedDevice: Array<{
    id: string;
    createdAt: string;
    lastUsedAt: string | null;
    expiresAt: string;
    ipAddress: string | null;
    userAgent: string | null;
  }>;
};

export type ForgetAllTrustedDevicesMutationVariables = Exact<{ [key: string]: never }>;

export type ForgetAllTrustedDevicesMutation = {
  forgetAllTrustedDevices: Array<{
    id: string;
    createdAt: string;
    lastUsedAt: string | null;
    expiresAt: string;
    ipAddress: string | null;
    userAgent: string | null;
  }>;
};

export const LoginMethodFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'LoginMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'LoginMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'label' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LoginMethodFieldsFragment, unknown>;
export const TwoFactorChallengeFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorChallengeFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorChallenge' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'ticket' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'defaultMethod' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'LoginMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'methods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'LoginMethodFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'LoginMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'LoginMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'label' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TwoFactorChallengeFieldsFragment, unknown>;
export const SessionFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'token' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'trustedDeviceToken' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'account' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SessionFieldsFragment, unknown>;
export const SmsDispatchFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsDispatchFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsCodeDispatch' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resendAvailableAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'failureReason' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SmsDispatchFieldsFragment, unknown>;
export const SmsMethodFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'phoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'delivery' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consecutiveFailures' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastFailedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SmsMethodFieldsFragment, unknown>;
export const TotpMethodFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TotpMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TotpMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TotpMethodFieldsFragment, unknown>;
export const SecurityKeyFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SecurityKeyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SecurityKey' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isPasskey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authenticatorName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SecurityKeyFieldsFragment, unknown>;
export const BackupCodesStatusFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BackupCodesStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupCodesStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BackupCodesStatusFieldsFragment, unknown>;
export const TwoFactorStatusFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'defaultMethodId' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'smsMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'totpMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TotpMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'securityKeys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SecurityKeyFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'backupCodes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'BackupCodesStatusFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'limits' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'smsMethodsPerAccount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'descriptionMaxLength' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'phoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'delivery' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consecutiveFailures' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastFailedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TotpMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TotpMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SecurityKeyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SecurityKey' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isPasskey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authenticatorName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BackupCodesStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupCodesStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TwoFactorStatusFieldsFragment, unknown>;
export const SessionInfoFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionInfoFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SessionInfo' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'current' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ipAddress' } },
          { kind: 'Field', name: { kind: 'Name', value: 'userAgent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'secondFactor' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SessionInfoFieldsFragment, unknown>;
export const TrustedDeviceFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TrustedDeviceFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustedDevice' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ipAddress' } },
          { kind: 'Field', name: { kind: 'Name', value: 'userAgent' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TrustedDeviceFieldsFragment, unknown>;
export const StartAccountRecoveryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StartAccountRecovery' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'StartAccountRecoveryInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'startAccountRecovery' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StartAccountRecoveryMutation, StartAccountRecoveryMutationVariables>;
export const AccountRecoveryStateDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AccountRecoveryState' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'token' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'accountRecovery' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'token' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'token' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'readyAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'delaySeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AccountRecoveryStateQuery, AccountRecoveryStateQueryVariables>;
export const ConfirmAccountRecoveryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ConfirmAccountRecovery' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ConfirmAccountRecoveryInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'confirmAccountRecovery' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'readyAt' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConfirmAccountRecoveryMutation, ConfirmAccountRecoveryMutationVariables>;
export const CompleteAccountRecoveryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CompleteAccountRecovery' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CompleteAccountRecoveryInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'completeAccountRecovery' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'token' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'trustedDeviceToken' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'account' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CompleteAccountRecoveryMutation, CompleteAccountRecoveryMutationVariables>;
export const MeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Me' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
                { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'twoFactor' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TwoFactorStatusFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'phoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'delivery' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consecutiveFailures' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastFailedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TotpMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TotpMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SecurityKeyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SecurityKey' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isPasskey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authenticatorName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BackupCodesStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupCodesStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'defaultMethodId' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'smsMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'totpMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TotpMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'securityKeys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SecurityKeyFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'backupCodes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'BackupCodesStatusFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'limits' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'smsMethodsPerAccount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'descriptionMaxLength' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const SignUpDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SignUp' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'SignUpInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'signUp' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'token' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'trustedDeviceToken' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'account' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const LoginDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Login' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'LoginInput' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'login' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                {
                  kind: 'InlineFragment',
                  typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionFields' } }],
                  },
                },
                {
                  kind: 'InlineFragment',
                  typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorChallenge' } },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TwoFactorChallengeFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'LoginMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'LoginMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'label' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'token' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'trustedDeviceToken' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'account' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorChallengeFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorChallenge' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'ticket' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'defaultMethod' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'LoginMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'methods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'LoginMethodFields' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const ReauthenticateDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Reauthenticate' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReauthenticateInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reauthenticate' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: '__typename' } },
                {
                  kind: 'InlineFragment',
                  typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionFields' } }],
                  },
                },
                {
                  kind: 'InlineFragment',
                  typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorChallenge' } },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TwoFactorChallengeFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'LoginMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'LoginMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
          { kind: 'Field', name: { kind: 'Name', value: 'label' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'token' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'trustedDeviceToken' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'account' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorChallengeFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorChallenge' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'ticket' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'defaultMethod' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'LoginMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'methods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'LoginMethodFields' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReauthenticateMutation, ReauthenticateMutationVariables>;
export const SendLoginSmsCodeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SendLoginSmsCode' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'SendLoginSmsCodeInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'sendLoginSmsCode' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsDispatchFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsDispatchFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsCodeDispatch' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resendAvailableAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'failureReason' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SendLoginSmsCodeMutation, SendLoginSmsCodeMutationVariables>;
export const CompleteLoginWithSmsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CompleteLoginWithSms' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CompleteLoginWithSmsInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'completeLoginWithSms' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'token' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'trustedDeviceToken' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'account' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CompleteLoginWithSmsMutation, CompleteLoginWithSmsMutationVariables>;
export const CompleteLoginWithBackupCodeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CompleteLoginWithBackupCode' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CompleteLoginWithBackupCodeInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'completeLoginWithBackupCode' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'token' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'trustedDeviceToken' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'account' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CompleteLoginWithBackupCodeMutation, CompleteLoginWithBackupCodeMutationVariables>;
export const CompleteLoginWithTotpDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CompleteLoginWithTotp' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CompleteLoginWithTotpInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'completeLoginWithTotp' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'token' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'trustedDeviceToken' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'account' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CompleteLoginWithTotpMutation, CompleteLoginWithTotpMutationVariables>;
export const StartSecurityKeyLoginDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StartSecurityKeyLogin' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'StartSecurityKeyLoginInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'startSecurityKeyLogin' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'options' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StartSecurityKeyLoginMutation, StartSecurityKeyLoginMutationVariables>;
export const CompleteLoginWithSecurityKeyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CompleteLoginWithSecurityKey' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CompleteLoginWithSecurityKeyInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'completeLoginWithSecurityKey' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Session' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'token' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'trustedDeviceToken' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'account' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'email' } },
                { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CompleteLoginWithSecurityKeyMutation, CompleteLoginWithSecurityKeyMutationVariables>;
export const LogoutDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Logout' },
      selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', name: { kind: 'Name', value: 'logout' } }] },
    },
  ],
} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const SmsDispatchDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'SmsDispatch' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'ticket' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'smsDispatch' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'ticket' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'ticket' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsDispatchFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsDispatchFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsCodeDispatch' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resendAvailableAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'failureReason' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SmsDispatchQuery, SmsDispatchQueryVariables>;
export const VerifyEmailDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'VerifyEmail' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'token' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'verifyEmail' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'token' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'token' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const ResendVerificationEmailDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResendVerificationEmail' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [{ kind: 'Field', name: { kind: 'Name', value: 'resendVerificationEmail' } }],
      },
    },
  ],
} as unknown as DocumentNode<ResendVerificationEmailMutation, ResendVerificationEmailMutationVariables>;
export const RequestPasswordResetDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RequestPasswordReset' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'RequestPasswordResetInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'requestPasswordReset' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResetPassword' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ResetPasswordInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resetPassword' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const CodeDeliveryOptionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CodeDeliveryOptions' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'codeDeliveryOptions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'Field', name: { kind: 'Name', value: 'voiceCalls' } }],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CodeDeliveryOptionsQuery, CodeDeliveryOptionsQueryVariables>;
export const CallLoginCodeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CallLoginCode' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CallLoginCodeInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'callLoginCode' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsDispatchFields' } },
                { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsDispatchFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsCodeDispatch' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resendAvailableAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'failureReason' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CallLoginCodeMutation, CallLoginCodeMutationVariables>;
export const CallSmsMethodCodeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CallSmsMethodCode' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'methodId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'callSmsMethodCode' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'methodId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'methodId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsDispatchFields' } },
                { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsDispatchFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsCodeDispatch' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resendAvailableAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'failureReason' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CallSmsMethodCodeMutation, CallSmsMethodCodeMutationVariables>;
export const ReportUnrecognizedActivityDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReportUnrecognizedActivity' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportUnrecognizedActivityInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reportUnrecognizedActivity' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'sessionsEnded' } },
                { kind: 'Field', name: { kind: 'Name', value: 'devicesForgotten' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mustChangePassword' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReportUnrecognizedActivityMutation, ReportUnrecognizedActivityMutationVariables>;
export const ChangePasswordDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ChangePassword' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ChangePasswordInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'changePassword' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const AddSmsMethodDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AddSmsMethod' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'AddSmsMethodInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'addSmsMethod' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'method' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsMethodFields' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'dispatch' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsDispatchFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'phoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'delivery' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consecutiveFailures' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastFailedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsDispatchFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsCodeDispatch' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resendAvailableAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'failureReason' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddSmsMethodMutation, AddSmsMethodMutationVariables>;
export const ResendSmsMethodCodeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResendSmsMethodCode' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'methodId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resendSmsMethodCode' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'methodId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'methodId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsDispatchFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsDispatchFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsCodeDispatch' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'resendAvailableAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'failureReason' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResendSmsMethodCodeMutation, ResendSmsMethodCodeMutationVariables>;
export const ConfirmSmsMethodDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ConfirmSmsMethod' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ConfirmSmsMethodInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'confirmSmsMethod' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'method' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsMethodFields' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'twoFactor' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TwoFactorStatusFields' } }],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'backupCodes' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'phoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'delivery' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consecutiveFailures' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastFailedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TotpMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TotpMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SecurityKeyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SecurityKey' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isPasskey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authenticatorName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BackupCodesStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupCodesStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'defaultMethodId' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'smsMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'totpMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TotpMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'securityKeys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SecurityKeyFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'backupCodes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'BackupCodesStatusFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'limits' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'smsMethodsPerAccount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'descriptionMaxLength' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConfirmSmsMethodMutation, ConfirmSmsMethodMutationVariables>;
export const StartTotpEnrollmentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StartTotpEnrollment' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'startTotpEnrollment' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'enrollmentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'secret' } },
                { kind: 'Field', name: { kind: 'Name', value: 'otpauthUri' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StartTotpEnrollmentMutation, StartTotpEnrollmentMutationVariables>;
export const ConfirmTotpMethodDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ConfirmTotpMethod' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ConfirmTotpMethodInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'confirmTotpMethod' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'methodId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'backupCodes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'twoFactor' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TwoFactorStatusFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'phoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'delivery' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consecutiveFailures' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastFailedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TotpMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TotpMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SecurityKeyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SecurityKey' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isPasskey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authenticatorName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BackupCodesStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupCodesStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'defaultMethodId' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'smsMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'totpMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TotpMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'securityKeys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SecurityKeyFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'backupCodes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'BackupCodesStatusFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'limits' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'smsMethodsPerAccount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'descriptionMaxLength' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConfirmTotpMethodMutation, ConfirmTotpMethodMutationVariables>;
export const SetDefaultTwoFactorMethodDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetDefaultTwoFactorMethod' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'methodId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setDefaultTwoFactorMethod' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'methodId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'methodId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TwoFactorStatusFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'phoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'delivery' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consecutiveFailures' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastFailedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TotpMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TotpMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SecurityKeyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SecurityKey' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isPasskey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authenticatorName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BackupCodesStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupCodesStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'defaultMethodId' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'smsMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'totpMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TotpMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'securityKeys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SecurityKeyFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'backupCodes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'BackupCodesStatusFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'limits' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'smsMethodsPerAccount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'descriptionMaxLength' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetDefaultTwoFactorMethodMutation, SetDefaultTwoFactorMethodMutationVariables>;
export const StartSecurityKeyRegistrationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'StartSecurityKeyRegistration' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'startSecurityKeyRegistration' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'registrationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'options' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StartSecurityKeyRegistrationMutation, StartSecurityKeyRegistrationMutationVariables>;
export const FinishSecurityKeyRegistrationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'FinishSecurityKeyRegistration' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'FinishSecurityKeyRegistrationInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'finishSecurityKeyRegistration' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'methodId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'backupCodes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'twoFactor' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TwoFactorStatusFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'phoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'delivery' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consecutiveFailures' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastFailedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TotpMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TotpMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SecurityKeyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SecurityKey' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isPasskey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authenticatorName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BackupCodesStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupCodesStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'defaultMethodId' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'smsMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'totpMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TotpMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'securityKeys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SecurityKeyFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'backupCodes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'BackupCodesStatusFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'limits' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'smsMethodsPerAccount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'descriptionMaxLength' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<FinishSecurityKeyRegistrationMutation, FinishSecurityKeyRegistrationMutationVariables>;
export const UpdateTwoFactorMethodDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateTwoFactorMethod' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateTwoFactorMethodInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateTwoFactorMethod' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TwoFactorStatusFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'phoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'delivery' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consecutiveFailures' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastFailedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TotpMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TotpMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SecurityKeyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SecurityKey' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isPasskey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authenticatorName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BackupCodesStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupCodesStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'defaultMethodId' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'smsMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'totpMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TotpMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'securityKeys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SecurityKeyFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'backupCodes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'BackupCodesStatusFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'limits' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'smsMethodsPerAccount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'descriptionMaxLength' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateTwoFactorMethodMutation, UpdateTwoFactorMethodMutationVariables>;
export const RemoveTwoFactorMethodDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RemoveTwoFactorMethod' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'methodId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'removeTwoFactorMethod' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'methodId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'methodId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TwoFactorStatusFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'phoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'delivery' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consecutiveFailures' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastFailedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TotpMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TotpMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SecurityKeyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SecurityKey' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isPasskey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authenticatorName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BackupCodesStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupCodesStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'defaultMethodId' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'smsMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'totpMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TotpMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'securityKeys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SecurityKeyFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'backupCodes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'BackupCodesStatusFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'limits' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'smsMethodsPerAccount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'descriptionMaxLength' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RemoveTwoFactorMethodMutation, RemoveTwoFactorMethodMutationVariables>;
export const DisableTwoFactorDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DisableTwoFactor' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'disableTwoFactor' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TwoFactorStatusFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'phoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'delivery' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consecutiveFailures' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastFailedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TotpMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TotpMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SecurityKeyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SecurityKey' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isPasskey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authenticatorName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BackupCodesStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupCodesStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'defaultMethodId' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'smsMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'totpMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TotpMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'securityKeys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SecurityKeyFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'backupCodes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'BackupCodesStatusFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'limits' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'smsMethodsPerAccount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'descriptionMaxLength' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DisableTwoFactorMutation, DisableTwoFactorMutationVariables>;
export const RegenerateBackupCodesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RegenerateBackupCodes' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'regenerateBackupCodes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'codes' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'status' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'BackupCodesStatusFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BackupCodesStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupCodesStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RegenerateBackupCodesMutation, RegenerateBackupCodesMutationVariables>;
export const DeleteBackupCodesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeleteBackupCodes' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deleteBackupCodes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TwoFactorStatusFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SmsMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SmsMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'phoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'maskedPhoneNumber' } },
          { kind: 'Field', name: { kind: 'Name', value: 'countryCode' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verifiedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'delivery' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'lastDeliveredAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'consecutiveFailures' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastFailedAt' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TotpMethodFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TotpMethod' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SecurityKeyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SecurityKey' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'description' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isDefault' } },
          { kind: 'Field', name: { kind: 'Name', value: 'isPasskey' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authenticatorName' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'BackupCodesStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'BackupCodesStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
          { kind: 'Field', name: { kind: 'Name', value: 'remaining' } },
          { kind: 'Field', name: { kind: 'Name', value: 'total' } },
          { kind: 'Field', name: { kind: 'Name', value: 'generatedAt' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TwoFactorStatusFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TwoFactorStatus' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'defaultMethodId' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'smsMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SmsMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'totpMethods' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TotpMethodFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'securityKeys' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SecurityKeyFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'backupCodes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'BackupCodesStatusFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'limits' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'smsMethodsPerAccount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'descriptionMaxLength' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeleteBackupCodesMutation, DeleteBackupCodesMutationVariables>;
export const SecurityEventsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'SecurityEvents' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'securityEvents' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'nodes' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'ipAddress' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'userAgent' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'detail' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SecurityEventsQuery, SecurityEventsQueryVariables>;
export const UpdateAccountDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateAccount' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateAccountInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateAccount' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'locale' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateAccountMutation, UpdateAccountMutationVariables>;
export const SessionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Sessions' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'sessions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionInfoFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionInfoFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SessionInfo' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'current' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ipAddress' } },
          { kind: 'Field', name: { kind: 'Name', value: 'userAgent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'secondFactor' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SessionsQuery, SessionsQueryVariables>;
export const RevokeSessionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeSession' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeSession' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionInfoFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionInfoFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SessionInfo' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'current' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ipAddress' } },
          { kind: 'Field', name: { kind: 'Name', value: 'userAgent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'secondFactor' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeSessionMutation, RevokeSessionMutationVariables>;
export const RevokeOtherSessionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RevokeOtherSessions' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'revokeOtherSessions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'SessionInfoFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'SessionInfoFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'SessionInfo' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'current' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ipAddress' } },
          { kind: 'Field', name: { kind: 'Name', value: 'userAgent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'secondFactor' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RevokeOtherSessionsMutation, RevokeOtherSessionsMutationVariables>;
export const TrustedDevicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'TrustedDevices' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'trustedDevices' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TrustedDeviceFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TrustedDeviceFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustedDevice' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ipAddress' } },
          { kind: 'Field', name: { kind: 'Name', value: 'userAgent' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TrustedDevicesQuery, TrustedDevicesQueryVariables>;
export const ForgetTrustedDeviceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ForgetTrustedDevice' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'forgetTrustedDevice' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TrustedDeviceFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TrustedDeviceFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustedDevice' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ipAddress' } },
          { kind: 'Field', name: { kind: 'Name', value: 'userAgent' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ForgetTrustedDeviceMutation, ForgetTrustedDeviceMutationVariables>;
export const ForgetAllTrustedDevicesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ForgetAllTrustedDevices' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'forgetAllTrustedDevices' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'TrustedDeviceFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'TrustedDeviceFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'TrustedDevice' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastUsedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'ipAddress' } },
          { kind: 'Field', name: { kind: 'Name', value: 'userAgent' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ForgetAllTrustedDevicesMutation, ForgetAllTrustedDevicesMutationVariables>;
