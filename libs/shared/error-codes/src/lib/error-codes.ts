/**
 * The one list of `errors[].extensions.code` values (contract v1, section 5, and the additions since).
 * The API throws them and the web app branches on them: never compare string literals.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  EMAIL_ALREADY_REGISTERED: 'EMAIL_ALREADY_REGISTERED',
  PHONE_NUMBER_INVALID: 'PHONE_NUMBER_INVALID',
  PHONE_NUMBER_ALREADY_REGISTERED: 'PHONE_NUMBER_ALREADY_REGISTERED',
  COUNTRY_NOT_ALLOWED: 'COUNTRY_NOT_ALLOWED',
  INVALID_CODE: 'INVALID_CODE',
  CODE_EXPIRED: 'CODE_EXPIRED',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  RATE_LIMITED: 'RATE_LIMITED',
  TICKET_EXPIRED: 'TICKET_EXPIRED',
  REAUTH_REQUIRED: 'REAUTH_REQUIRED',
  METHOD_NOT_ENABLED: 'METHOD_NOT_ENABLED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** Beyond contract v1 (issue 13): the token of an e-mailed link (password reset) is unknown, used or expired. */
  INVALID_TOKEN: 'INVALID_TOKEN',
  /** Beyond contract v1 (issue 14): "Call me instead" asked while this deployment places no calls (Twilio voice not configured). */
  VOICE_UNAVAILABLE: 'VOICE_UNAVAILABLE',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_CODES: readonly ErrorCode[] = Object.values(ErrorCode);

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The extra fields some codes carry in `extensions`, besides `code`. */
export interface ErrorExtensions {
  code: ErrorCode;
  /** BAD_USER_INPUT: input field name → human message. */
  fields?: Record<string, string>;
  /** INVALID_CODE: tries left on this code's confirmation or login ticket. */
  remainingAttempts?: number;
  /** RATE_LIMITED and TOO_MANY_ATTEMPTS: seconds until trying again can succeed. */
  retryAfterSeconds?: number;
  /** INTERNAL_SERVER_ERROR: the id that the API log line carries. */
  correlationId?: string;
}
