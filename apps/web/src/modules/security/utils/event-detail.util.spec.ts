import { testT } from '../../../test/render';
import { eventDetail } from './event-detail.util';

describe('eventDetail', () => {
  const fr = testT('fr');
  const en = testT('en');

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

  it('leaves what it does not know as the API wrote it', () => {
    expect(eventDetail('+44 •••• ••0123', fr)).toBe('+44 •••• ••0123');
    expect(eventDetail('1 remembered device(s) forgotten: for a reason nobody wrote down', fr)).toBe('1 remembered device(s) forgotten: for a reason nobody wrote down');
  });
});
