import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { ErrorCode, isErrorCode } from '@twofold/error-codes';

/** What a screen needs to know about a failed request, already in plain words. */
export interface UiError {
  /** An API error code, or NETWORK when the API could not be reached or answered garbage. */
  code: ErrorCode | 'NETWORK';
  message: string;
  /** BAD_USER_INPUT: field name → message. */
  fields?: Record<string, string>;
  remainingAttempts?: number;
  retryAfterSeconds?: number;
}

interface RawError {
  message?: string;
  extensions?: Record<string, unknown>;
}

/** "45 seconds", "1 minute", "15 minutes", "2 hours". Rounded up: never promise too short a wait. */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return s === 1 ? '1 second' : `${s} seconds`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

function tries(n: number): string {
  return n === 1 ? '1 try' : `${n} tries`;
}

function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function asFields(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const entries = Object.entries(value as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** Maps one GraphQL error (code + extensions) to the sentence the customer reads. */
export function describeGraphQLError(raw: RawError): UiError {
  const ext = raw.extensions ?? {};
  const code = isErrorCode(ext['code']) ? ext['code'] : ErrorCode.INTERNAL_SERVER_ERROR;
  const remainingAttempts = asNumber(ext['remainingAttempts']);
  const retryAfterSeconds = asNumber(ext['retryAfterSeconds']);
  const fields = asFields(ext['fields']);
  const serverMessage = raw.message?.trim();
  const base = { code, fields, remainingAttempts, retryAfterSeconds };

  switch (code) {
    case ErrorCode.INVALID_CREDENTIALS:
      return { ...base, message: 'The email or password is not right.' };
    case ErrorCode.EMAIL_ALREADY_REGISTERED:
      return { ...base, message: 'An account already uses this email address. Log in instead.' };
    case ErrorCode.PHONE_NUMBER_INVALID:
      return {
        ...base,
        // The API's reason is already written for people ("This number cannot receive SMS: use a mobile number.").
        message:
          serverMessage ||
          "This number can't receive SMS codes. Enter a mobile number in international format, e.g. +44 7700 900123.",
      };
    case ErrorCode.PHONE_NUMBER_ALREADY_REGISTERED:
      return { ...base, message: 'This number is already on your account.' };
    case ErrorCode.COUNTRY_NOT_ALLOWED:
      return { ...base, message: "Numbers from this country can't be used here. Use a number from another country." };
    case ErrorCode.INVALID_CODE:
      return {
        ...base,
        message:
          remainingAttempts === undefined
            ? 'That code is not right. Check it and try again.'
            : remainingAttempts > 0
              ? `That code is not right. You have ${tries(remainingAttempts)} left.`
              : 'That code is not right, and no tries are left.',
      };
    case ErrorCode.CODE_EXPIRED:
      return { ...base, message: 'This code has expired. Ask for a new code and use it within 5 minutes.' };
    case ErrorCode.TOO_MANY_ATTEMPTS:
      return {
        ...base,
        message:
          retryAfterSeconds !== undefined
            ? `Too many wrong codes. Try again in ${formatWait(retryAfterSeconds)}.`
            : 'Too many wrong codes. Start again.',
      };
    case ErrorCode.RATE_LIMITED:
      return {
        ...base,
        message:
          retryAfterSeconds !== undefined
            ? `Too many attempts. Try again in ${formatWait(retryAfterSeconds)}.`
            : 'Too many attempts. Wait a little and try again.',
      };
    case ErrorCode.TICKET_EXPIRED:
      return { ...base, message: 'This sign-in took too long. Enter your password again.' };
    case ErrorCode.REAUTH_REQUIRED:
      return { ...base, message: 'For your security, confirm your password to continue.' };
    case ErrorCode.METHOD_NOT_ENABLED:
      return { ...base, message: "This method can't be used any more. Choose another method." };
    case ErrorCode.NOT_FOUND:
      return { ...base, message: 'This item no longer exists. Reload the page.' };
    case ErrorCode.FORBIDDEN:
      return { ...base, message: "You aren't allowed to do that." };
    case ErrorCode.UNAUTHENTICATED:
      return { ...base, message: 'Your session has ended. Log in again.' };
    case ErrorCode.BAD_USER_INPUT: {
      const first = fields ? Object.values(fields)[0] : undefined;
      return { ...base, message: first ?? serverMessage ?? 'Check what you entered and try again.' };
    }
    case ErrorCode.INTERNAL_SERVER_ERROR: {
      const ref = typeof ext['correlationId'] === 'string' ? ` (reference ${ext['correlationId']})` : '';
      return { ...base, message: `Something went wrong on our side${ref}. Try again in a moment.` };
    }
  }
}

const NETWORK: UiError = {
  code: 'NETWORK',
  message: "We can't reach the server. Check your connection and try again.",
};

/** Turns whatever a mutation or query rejected with into a UiError. */
export function toUiError(error: unknown): UiError {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) {
    return describeGraphQLError(error.errors[0] as RawError);
  }
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: RawError[] };
      if (body.errors?.[0]) return describeGraphQLError(body.errors[0]);
    } catch {
      // not JSON: fall through
    }
  }
  if (error && typeof error === 'object' && Array.isArray((error as { errors?: unknown }).errors)) {
    const first = (error as { errors: RawError[] }).errors[0];
    if (first) return describeGraphQLError(first);
  }
  return NETWORK;
}

export function hasCode(error: unknown, code: ErrorCode): boolean {
  return toUiError(error).code === code;
}
