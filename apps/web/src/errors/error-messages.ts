import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { ErrorCode, isErrorCode } from '@twofold/error-codes';
import { useCallback } from 'react';
import type { MessageId } from '../i18n/messages/en';
import { useT, type Translator } from '../i18n/translator';

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

/**
 * The API writes its human reasons (BAD_USER_INPUT fields, a refused number) in English. They are
 * shown as they are to English readers; other languages get the translated sentence for the code
 * or field instead, never a sentence in the wrong language.
 */
const SERVER_LANGUAGE = 'en';

/** "45 seconds", "1 minute", "15 minutes", "2 hours". Rounded up: never promise too short a wait. */
export function formatWait(seconds: number, t: Translator): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return t('wait.seconds', { count: s });
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return t('wait.minutes', { count: minutes });
  return t('wait.hours', { count: Math.ceil(minutes / 60) });
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

/** The translated sentence for a BAD_USER_INPUT field the API named. */
const FIELD_MESSAGES: Record<string, MessageId> = {
  name: 'error.field.name',
  email: 'error.field.email',
  password: 'error.field.password',
  phoneNumber: 'error.field.phoneNumber',
  description: 'error.field.description',
  locale: 'error.field.locale',
  currentPassword: 'error.field.currentPassword',
  newPassword: 'error.field.newPassword',
};

function localFields(fields: Record<string, string> | undefined, t: Translator): Record<string, string> | undefined {
  if (!fields || t.locale === SERVER_LANGUAGE) return fields;
  return Object.fromEntries(
    Object.keys(fields).map((name) => [name, t(FIELD_MESSAGES[name] ?? 'error.BAD_USER_INPUT')]),
  );
}

/** Maps one GraphQL error (code + extensions) to the sentence the customer reads, in `t`'s language. */
export function describeGraphQLError(raw: RawError, t: Translator): UiError {
  const ext = raw.extensions ?? {};
  const code = isErrorCode(ext['code']) ? ext['code'] : ErrorCode.INTERNAL_SERVER_ERROR;
  const remainingAttempts = asNumber(ext['remainingAttempts']);
  const retryAfterSeconds = asNumber(ext['retryAfterSeconds']);
  const fields = localFields(asFields(ext['fields']), t);
  const serverMessage = t.locale === SERVER_LANGUAGE ? raw.message?.trim() || undefined : undefined;
  const base = { code, fields, remainingAttempts, retryAfterSeconds };

  switch (code) {
    case ErrorCode.INVALID_CREDENTIALS:
      return { ...base, message: t('error.INVALID_CREDENTIALS') };
    case ErrorCode.EMAIL_ALREADY_REGISTERED:
      return { ...base, message: t('error.EMAIL_ALREADY_REGISTERED') };
    case ErrorCode.PHONE_NUMBER_INVALID:
      // The API's reason is already written for people ("This number cannot receive SMS: use a mobile number.").
      return { ...base, message: serverMessage ?? t('error.PHONE_NUMBER_INVALID') };
    case ErrorCode.PHONE_NUMBER_ALREADY_REGISTERED:
      return { ...base, message: t('error.PHONE_NUMBER_ALREADY_REGISTERED') };
    case ErrorCode.COUNTRY_NOT_ALLOWED:
      return { ...base, message: t('error.COUNTRY_NOT_ALLOWED') };
    case ErrorCode.INVALID_CODE:
      return {
        ...base,
        message:
          remainingAttempts === undefined
            ? t('error.INVALID_CODE')
            : t('error.INVALID_CODE.remaining', { count: Math.max(0, remainingAttempts) }),
      };
    case ErrorCode.CODE_EXPIRED:
      return { ...base, message: t('error.CODE_EXPIRED') };
    case ErrorCode.TOO_MANY_ATTEMPTS:
      return {
        ...base,
        message:
          retryAfterSeconds !== undefined
            ? t('error.TOO_MANY_ATTEMPTS.wait', { wait: formatWait(retryAfterSeconds, t) })
            : t('error.TOO_MANY_ATTEMPTS'),
      };
    case ErrorCode.RATE_LIMITED:
      return {
        ...base,
        message:
          retryAfterSeconds !== undefined
            ? t('error.RATE_LIMITED.wait', { wait: formatWait(retryAfterSeconds, t) })
            : t('error.RATE_LIMITED'),
      };
    case ErrorCode.TICKET_EXPIRED:
      return { ...base, message: t('error.TICKET_EXPIRED') };
    case ErrorCode.INVALID_TOKEN:
      return { ...base, message: t('error.INVALID_TOKEN') };
    case ErrorCode.VOICE_UNAVAILABLE:
      return { ...base, message: t('error.VOICE_UNAVAILABLE') };
    case ErrorCode.REAUTH_REQUIRED:
      return { ...base, message: t('error.REAUTH_REQUIRED') };
    case ErrorCode.METHOD_NOT_ENABLED:
      return { ...base, message: t('error.METHOD_NOT_ENABLED') };
    case ErrorCode.NOT_FOUND:
      return { ...base, message: t('error.NOT_FOUND') };
    case ErrorCode.FORBIDDEN:
      return { ...base, message: t('error.FORBIDDEN') };
    case ErrorCode.UNAUTHENTICATED:
      return { ...base, message: t('error.UNAUTHENTICATED') };
    case ErrorCode.BAD_USER_INPUT: {
      const first = fields ? Object.values(fields)[0] : undefined;
      return { ...base, message: first ?? serverMessage ?? t('error.BAD_USER_INPUT') };
    }
    case ErrorCode.INTERNAL_SERVER_ERROR: {
      const reference = typeof ext['correlationId'] === 'string' ? ext['correlationId'] : '';
      return {
        ...base,
        message: reference
          ? t('error.INTERNAL_SERVER_ERROR.reference', { reference })
          : t('error.INTERNAL_SERVER_ERROR'),
      };
    }
  }
}

/** The first GraphQL error inside whatever a mutation or query rejected with, if any. */
function firstGraphQLError(error: unknown): RawError | null {
  if (CombinedGraphQLErrors.is(error) && error.errors.length > 0) return error.errors[0] as RawError;
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: RawError[] };
      if (body.errors?.[0]) return body.errors[0];
    } catch {
      // not JSON: fall through
    }
  }
  if (error && typeof error === 'object' && Array.isArray((error as { errors?: unknown }).errors)) {
    return (error as { errors: RawError[] }).errors[0] ?? null;
  }
  return null;
}

/** Turns whatever a mutation or query rejected with into a UiError. */
export function toUiError(error: unknown, t: Translator): UiError {
  const first = firstGraphQLError(error);
  return first ? describeGraphQLError(first, t) : { code: 'NETWORK', message: t('error.NETWORK') };
}

/** `toUiError` in the current language. */
export function useToUiError(): (error: unknown) => UiError {
  const t = useT();
  return useCallback((error: unknown) => toUiError(error, t), [t]);
}

/** Where a lost-phone recovery's error came from: "I lost access…" at login, or the e-mailed link's page. */
export type RecoveryStep = 'start' | 'link';

/**
 * Lost-phone recovery (issue 13): some codes mean something more precise there. FORBIDDEN on
 * "I lost access…" means the account's address was never confirmed, RATE_LIMITED the account's
 * e-mail budget; BAD_USER_INPUT on the link's steps, a link that does not serve (the page then reads
 * the recovery's state, which says why). Every other code reads as everywhere else.
 */
export function describeRecoveryError(error: unknown, step: RecoveryStep, t: Translator): UiError {
  const ui = toUiError(error, t);
  if (step === 'start' && ui.code === ErrorCode.FORBIDDEN) return { ...ui, message: t('recovery.error.unverified') };
  if (step === 'start' && ui.code === ErrorCode.RATE_LIMITED) {
    return {
      ...ui,
      message:
        ui.retryAfterSeconds !== undefined
          ? t('recovery.error.mailBudget.wait', { wait: formatWait(ui.retryAfterSeconds, t) })
          : t('recovery.error.mailBudget'),
    };
  }
  if (step === 'link' && ui.code === ErrorCode.BAD_USER_INPUT) {
    return { ...ui, fields: undefined, message: t('recovery.error.invalidLink') };
  }
  return ui;
}

/** `describeRecoveryError` in the current language. */
export function useDescribeRecoveryError(): (error: unknown, step: RecoveryStep) => UiError {
  const t = useT();
  return useCallback((error: unknown, step: RecoveryStep) => describeRecoveryError(error, step, t), [t]);
}

/** The error's code (NETWORK when it carries none); needs no words. */
export function errorCode(error: unknown): ErrorCode | 'NETWORK' {
  const first = firstGraphQLError(error);
  if (!first) return 'NETWORK';
  const code = first.extensions?.['code'];
  return isErrorCode(code) ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}

export function hasCode(error: unknown, code: ErrorCode): boolean {
  return errorCode(error) === code;
}
