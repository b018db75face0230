import { GraphQLError } from 'graphql';
import { ErrorCode, type ErrorExtensions } from '@twofold/error-codes';

/** Every error the API answers is a GraphQLError with one of the contract's codes. */
export function appError(code: ErrorCode, message: string, extra: Omit<ErrorExtensions, 'code'> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const Errors = {
  badInput: (fields: Record<string, string>, message = 'Some fields are not valid.') => appError(ErrorCode.BAD_USER_INPUT, message, { fields }),
  unauthenticated: () => appError(ErrorCode.UNAUTHENTICATED, 'Sign in to continue.'),
  forbidden: (message: string) => appError(ErrorCode.FORBIDDEN, message),
  notFound: (what: string) => appError(ErrorCode.NOT_FOUND, `${what} not found.`),
  invalidCredentials: () => appError(ErrorCode.INVALID_CREDENTIALS, 'The email or password is not correct.'),
  emailTaken: () => appError(ErrorCode.EMAIL_ALREADY_REGISTERED, 'An account with this email already exists.', { fields: { email: 'Already registered.' } }),
  phoneInvalid: (message: string) => appError(ErrorCode.PHONE_NUMBER_INVALID, message, { fields: { phoneNumber: message } }),
  phoneTaken: () =>
    appError(ErrorCode.PHONE_NUMBER_ALREADY_REGISTERED, 'This number is already on your account.', { fields: { phoneNumber: 'Already on your account.' } }),
  countryNotAllowed: (message: string) => appError(ErrorCode.COUNTRY_NOT_ALLOWED, message, { fields: { phoneNumber: message } }),
  invalidCode: (remainingAttempts: number) =>
    appError(ErrorCode.INVALID_CODE, remainingAttempts === 1 ? 'Wrong code: 1 try left.' : `Wrong code: ${remainingAttempts} tries left.`, { remainingAttempts }),
  codeExpired: () => appError(ErrorCode.CODE_EXPIRED, 'This code has expired: ask for a new one.'),
  tooManyAttempts: (retryAfterSeconds: number, message = 'Too many wrong codes.') => appError(ErrorCode.TOO_MANY_ATTEMPTS, message, { retryAfterSeconds }),
  rateLimited: (retryAfterSeconds: number, message = 'Too many requests.') =>
    appError(ErrorCode.RATE_LIMITED, `${message} Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds }),
  ticketExpired: () => appError(ErrorCode.TICKET_EXPIRED, 'This sign-in has expired: enter your password again.'),
  reauthRequired: () => appError(ErrorCode.REAUTH_REQUIRED, 'Confirm your password to make this change.'),
  methodNotEnabled: () => appError(ErrorCode.METHOD_NOT_ENABLED, 'This method is not enabled.'),
  voiceUnavailable: () => appError(ErrorCode.VOICE_UNAVAILABLE, 'Codes cannot be sent by phone call here: calls are not configured. Use the SMS code or another method.'),
};
