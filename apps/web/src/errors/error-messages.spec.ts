import { CombinedGraphQLErrors } from '@apollo/client';
import { ErrorCode } from '@twofold/error-codes';
import { describeGraphQLError, formatWait, toUiError } from './error-messages';

const err = (code: string, extra: Record<string, unknown> = {}, message = 'server says') =>
  describeGraphQLError({ message, extensions: { code, ...extra } });

describe('error messages', () => {
  it('says how many tries are left after a wrong code', () => {
    expect(err(ErrorCode.INVALID_CODE, { remainingAttempts: 3 }).message).toBe(
      'That code is not right. You have 3 tries left.',
    );
    expect(err(ErrorCode.INVALID_CODE, { remainingAttempts: 1 }).message).toMatch(/1 try left/);
    expect(err(ErrorCode.INVALID_CODE, { remainingAttempts: 3 }).remainingAttempts).toBe(3);
  });

  it('gives the wait time for rate limits and too many tries', () => {
    expect(err(ErrorCode.RATE_LIMITED, { retryAfterSeconds: 42 }).message).toBe(
      'Too many attempts. Try again in 42 seconds.',
    );
    expect(err(ErrorCode.TOO_MANY_ATTEMPTS, { retryAfterSeconds: 900 }).message).toBe(
      'Too many wrong codes. Try again in 15 minutes.',
    );
    expect(err(ErrorCode.TOO_MANY_ATTEMPTS).message).toBe('Too many wrong codes. Start again.');
  });

  it('explains expiry, credentials and the server reason for a refused number', () => {
    expect(err(ErrorCode.CODE_EXPIRED).message).toMatch(/expired/);
    expect(err(ErrorCode.INVALID_CREDENTIALS).message).toBe('The email or password is not right.');
    expect(
      err(ErrorCode.PHONE_NUMBER_INVALID, {}, 'This number cannot receive SMS: use a mobile number.').message,
    ).toBe('This number cannot receive SMS: use a mobile number.');
    expect(err(ErrorCode.PHONE_NUMBER_INVALID, {}, '').message).toMatch(/international format/);
    expect(err(ErrorCode.BAD_USER_INPUT, { fields: { password: 'Use at least 10 characters.' } }).message).toBe(
      'Use at least 10 characters.',
    );
  });

  it('never shows a raw message for an unknown code', () => {
    expect(err('SOMETHING_ELSE', {}, 'stack trace here').message).toMatch(/Something went wrong on our side/);
  });

  it('maps Apollo errors and network failures', () => {
    const graphQLErrors = new CombinedGraphQLErrors({
      errors: [{ message: 'x', extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 61 } }],
    });
    expect(toUiError(graphQLErrors)).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 61 });
    expect(toUiError(graphQLErrors).message).toMatch(/2 minutes/);
    expect(toUiError(new TypeError('Failed to fetch')).code).toBe('NETWORK');
  });

  it('rounds waits up', () => {
    expect(formatWait(1)).toBe('1 second');
    expect(formatWait(60)).toBe('1 minute');
    expect(formatWait(61)).toBe('2 minutes');
    expect(formatWait(3600)).toBe('1 hour');
  });
});
