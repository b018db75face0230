import { testT } from '../../../test/render';
import { eventDetail } from './event-detail.util';

describe('eventDetail', () => {
  const fr = testT('fr');
  const en = testT('en');

  it('translates the details of a support reset from the operator CLI (issue 13 part 6)', () => {
    expect(eventDetail('3 session(s) ended: two-factor reset by support', en)).toBe('3 sessions ended: two-factor authentication reset by support');
    expect(eventDetail('1 session(s) ended: two-factor reset by support', fr)).toBe('1 session fermée : double authentification réinitialisée par le support');
    expect(eventDetail('2 remembered device(s) forgotten: 2FA reset by support', fr)).toBe('2 appareils mémorisés oubliés : double authentification réinitialisée par le support');
    // The operator's own words stay as written.
    expect(eventDetail('by alice: ID checked, ticket 4522 (1 method(s) removed)', fr)).toBe('by alice: ID checked, ticket 4522 (1 method(s) removed)');
  });

  it('translates the v2 details the API writes', () => {
    expect(eventDetail('password and remembered device', fr)).toBe('mot de passe et appareil mémorisé');
    expect(eventDetail('security key (YubiKey 5 Series)', fr)).toBe('clé de sécurité (YubiKey 5 Series)');
    expect(eventDetail('Security key (Laptop)', fr)).toBe('clé de sécurité (Laptop)');
    expect(eventDetail('last method removed', fr)).toBe('dernière méthode de connexion retirée');
    expect(eventDetail('turned off: 3 method(s) removed', fr)).toBe('désactivée : 3 méthodes retirées');
    expect(eventDetail('1 other session(s) ended', en)).toBe('1 other session ended');
    expect(eventDetail('2 other session(s) ended: two-factor authentication turned on', fr)).toBe('2 autres sessions fermées : double authentification activée');
    expect(eventDetail('2 remembered device(s) forgotten: new emergency codes', en)).toBe('2 remembered devices forgotten: new emergency codes');
    expect(eventDetail('1 remembered device(s) forgotten: 2FA turned off', fr)).toBe('1 appareil mémorisé oublié : double authentification désactivée');
    expect(eventDetail('3 remembered device(s) forgotten', fr)).toBe('3 appareils mémorisés oubliés');
    expect(eventDetail('1 remembered device forgotten (203.0.113.10)', fr)).toBe('un appareil mémorisé oublié (203.0.113.10)');
  });

  it('translates the details of "This wasn\'t me" and of a notice e-mail not sent (issue 13)', () => {
    expect(eventDetail(`"This wasn't me" on a DEVICE_REMEMBERED notice: 2 session(s) ended, 1 remembered device(s) forgotten`, en)).toBe(
      '“This wasn’t me” from a notice e-mail: 2 sessions ended, 1 remembered device forgotten',
    );
    expect(eventDetail(`"This wasn't me" on a PASSWORD_CHANGED notice: 1 session(s) ended, 0 remembered device(s) forgotten`, fr)).toBe(
      '«\u00a0Ce n’était pas moi\u00a0» depuis un e-mail d’alerte\u00a0: 1 session fermée, 0 appareil mémorisé oublié',
    );
    expect(eventDetail('1 remembered device(s) forgotten: activity reported', en)).toBe('1 remembered device forgotten: “This wasn’t me” reported');
    expect(eventDetail('BACKUP_CODES_GENERATED notice e-mail: e-mail notice budget reached', en)).toBe('security notice e-mail not sent: sending limit reached');
    expect(eventDetail('SMS_METHOD_ADDED notice e-mail: global e-mail budget reached', fr)).toBe('e-mail d’alerte de sécurité non envoyé\u00a0: limite d’envoi atteinte');
  });

  it('translates the details of a lost-phone recovery (issue 13 part 5)', () => {
    expect(eventDetail('recovery link e-mailed', fr)).toBe('lien de récupération envoyé par e-mail');
    expect(eventDetail('2FA removable from 2026-12-05T18:00:00.000Z', en)).toMatch(/^two-factor authentication removable from Dec 5, 2026/);
    expect(eventDetail('a second factor was used', en)).toBe('a second factor was used');
    expect(eventDetail(`"This wasn't me" reported`, fr)).toBe('«\u00a0Ce n’était pas moi\u00a0» signalé');
    expect(eventDetail('2FA turned off after the waiting period', fr)).toBe('double authentification désactivée après le délai d’attente');
    expect(eventDetail('password and account recovery', fr)).toBe('mot de passe et récupération du compte');
  });

  it('leaves what it does not know as the API wrote it', () => {
    expect(eventDetail('+44 •••• ••0123', fr)).toBe('+44 •••• ••0123');
    expect(eventDetail('1 remembered device(s) forgotten: for a reason nobody wrote down', fr)).toBe('1 remembered device(s) forgotten: for a reason nobody wrote down');
  });

  it('translates the details of a password change and reset (issue 13)', () => {
    expect(eventDetail('wrong password (password change)', fr)).toBe('mot de passe erroné (changement de mot de passe)');
    expect(eventDetail('reset link e-mailed', fr)).toBe('lien de réinitialisation envoyé par e-mail');
    expect(eventDetail('no e-mail sent: account limit reached', en)).toBe('no e-mail sent: sending limit reached');
    expect(eventDetail('no e-mail sent: ip limit reached', fr)).toBe('aucun e-mail envoyé : limite d’envoi atteinte');
    expect(eventDetail('by e-mail link', en)).toBe('with the e-mailed link');
    expect(eventDetail('by e-mail link; 2 session(s) ended', fr)).toBe('avec le lien envoyé par e-mail ; 2 sessions fermées');
    expect(eventDetail('3 remembered device(s) forgotten: password reset', en)).toBe('3 remembered devices forgotten: password reset');
  });
});
