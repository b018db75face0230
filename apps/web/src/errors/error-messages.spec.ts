import { CombinedGraphQLErrors } from '@apollo/client';
import { ErrorCode } from '@twofold/error-codes';
import { testT } from '../test/render';
import { describeGraphQLError, describeRecoveryError, errorCode, formatWait, toUiError } from './error-messages';

const en = testT('en');
const fr = testT('fr');

const err = (code: string, extra: Record<string, unknown> = {}, message = 'server says', t = en) =>
  describeGraphQLError({ message, extensions: { code, ...extra } }, t);

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
    expect(err(ErrorCode.PHONE_NUMBER_INVALID, {}, '').message).toMatch(
      /Enter a mobile number, as dialled in its country/,
    );
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
    expect(toUiError(graphQLErrors, en)).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 61 });
    expect(toUiError(graphQLErrors, en).message).toMatch(/2 minutes/);
    expect(toUiError(new TypeError('Failed to fetch'), en).code).toBe('NETWORK');
    expect(errorCode(graphQLErrors)).toBe(ErrorCode.RATE_LIMITED);
    expect(errorCode(new TypeError('Failed to fetch'))).toBe('NETWORK');
  });

  it('rounds waits up', () => {
    expect(formatWait(1, en)).toBe('1 second');
    expect(formatWait(60, en)).toBe('1 minute');
    expect(formatWait(61, en)).toBe('2 minutes');
    expect(formatWait(3600, en)).toBe('1 hour');
    expect(formatWait(3601, en)).toBe('2 hours');
  });
});

describe('error messages in French', () => {
  it('uses French plurals, where one covers 0 and 1', () => {
    expect(err(ErrorCode.INVALID_CODE, { remainingAttempts: 3 }, '', fr).message).toBe(
      'Ce code est incorrect. Il vous reste 3 essais.',
    );
    expect(err(ErrorCode.INVALID_CODE, { remainingAttempts: 1 }, '', fr).message).toBe(
      'Ce code est incorrect. Il vous reste 1 essai.',
    );
    expect(err(ErrorCode.INVALID_CODE, { remainingAttempts: 0 }, '', fr).message).toBe(
      'Ce code est incorrect et il ne reste aucun essai.',
    );
    expect(formatWait(1, fr)).toBe('1 seconde');
    expect(formatWait(900, fr)).toBe('15 minutes');
    expect(err(ErrorCode.TOO_MANY_ATTEMPTS, { retryAfterSeconds: 7200 }, '', fr).message).toBe(
      'Trop de codes erronés. Réessayez dans 2 heures.',
    );
  });

  it('has a sentence for every shared error code and for the network', () => {
    for (const code of Object.values(ErrorCode)) {
      const message = err(code, {}, 'English from the server', fr).message;
      expect(message).not.toMatch(/English from the server/);
      expect(message).not.toBe(err(code, {}, '', en).message);
    }
    expect(toUiError(new TypeError('Failed to fetch'), fr).message).toBe(
      'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
    );
  });

  it("replaces the API's English reasons by the field's French sentence", () => {
    expect(
      err(ErrorCode.BAD_USER_INPUT, { fields: { password: 'Use at least 10 characters.' } }, '', fr),
    ).toMatchObject({
      message: 'Vérifiez le mot de passe.',
      fields: { password: 'Vérifiez le mot de passe.' },
    });
    expect(err(ErrorCode.PHONE_NUMBER_INVALID, {}, 'This number cannot receive SMS.', fr).message).toMatch(
      /^Ce numéro ne peut pas recevoir/,
    );
    expect(err(ErrorCode.INTERNAL_SERVER_ERROR, { correlationId: 'req-42' }, '', fr).message).toContain('req-42');
  });
});

describe('lost-phone recovery errors', () => {
  const raised = (code: string, extensions: Record<string, unknown> = {}, message = 'server words') =>
    new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, ...extensions } }] });

  it('says plainly that an address never confirmed cannot recover, and how long the e-mail budget makes one wait', () => {
    expect(describeRecoveryError(raised(ErrorCode.FORBIDDEN), 'start', en)).toMatchObject({
      code: ErrorCode.FORBIDDEN,
      message: expect.stringMatching(/^We can’t send a recovery link: your account has no confirmed e-mail address/),
    });
    expect(
      describeRecoveryError(raised(ErrorCode.RATE_LIMITED, { retryAfterSeconds: 3000 }), 'start', en).message,
    ).toBe('Too many e-mails were sent to this account. Try again in 50 minutes.');
    expect(describeRecoveryError(raised(ErrorCode.RATE_LIMITED), 'start', fr).message).toBe(
      'Trop d’e-mails ont été envoyés à ce compte. Patientez un peu et réessayez.',
    );
  });

  it("reads the link's BAD_USER_INPUT as a link that does not serve, never as the API's field words", () => {
    const refused = raised(ErrorCode.BAD_USER_INPUT, { fields: { token: 'Not before 2026-12-05T18:11:27.450Z.' } });
    expect(describeRecoveryError(refused, 'link', en)).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      message: 'This recovery link is not valid, has expired or was already used.',
    });
    expect(describeRecoveryError(refused, 'link', fr).message).toBe(
      'Ce lien de récupération n’est pas valide, a expiré ou a déjà servi.',
    );
  });

  it('leaves every other code as everywhere else', () => {
    expect(describeRecoveryError(raised(ErrorCode.TICKET_EXPIRED), 'start', en).message).toBe(
      'This sign-in took too long. Enter your password again.',
    );
    expect(describeRecoveryError(raised(ErrorCode.FORBIDDEN), 'link', en).message).toBe(
      "You aren't allowed to do that.",
    );
    expect(describeRecoveryError(new TypeError('Failed to fetch'), 'link', en).code).toBe('NETWORK');
  });
});
