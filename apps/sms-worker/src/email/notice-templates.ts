import type { EmailTemplateData } from '@twofold/sms-queue';
import { noticeKinds, type NoticeKind } from '@twofold/two-factor-domain';

type Locale = 'en' | 'fr';

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

interface NoticeCopy {
  /** The subject, and the first line: what changed. */
  subject: string;
  what: string;
}

/** One entry per NoticeKind (a new kind without its e-mail copy fails the typecheck), en and fr. */
const NOTICES: Record<NoticeKind, Record<Locale, NoticeCopy>> = {
  SMS_METHOD_ADDED: {
    en: { subject: 'A phone number was added to your Twofold account', what: 'A new phone number was added to your account as a sign-in method.' },
    fr: { subject: 'Un numéro a été ajouté à votre compte Twofold', what: 'Un nouveau numéro de téléphone a été ajouté à votre compte comme méthode de connexion.' },
  },
  SMS_METHOD_REMOVED: {
    en: { subject: 'A phone number was removed from your Twofold account', what: 'A phone number was removed from your account.' },
    fr: { subject: 'Un numéro a été retiré de votre compte Twofold', what: 'Un numéro de téléphone a été retiré de votre compte.' },
  },
  BACKUP_CODES_GENERATED: {
    en: { subject: 'New emergency codes for your Twofold account', what: 'New emergency codes were created for your account; the previous ones no longer work.' },
    fr: { subject: 'Nouveaux codes de secours pour votre compte Twofold', what: 'De nouveaux codes de secours ont été créés pour votre compte ; les précédents ne fonctionnent plus.' },
  },
  BACKUP_CODES_DELETED: {
    en: { subject: 'Your Twofold emergency codes were deleted', what: 'The emergency codes of your account were deleted.' },
    fr: { subject: 'Vos codes de secours Twofold ont été supprimés', what: 'Les codes de secours de votre compte ont été supprimés.' },
  },
  BACKUP_CODE_USED: {
    en: { subject: 'An emergency code was used to sign in to Twofold', what: 'An emergency code was used to sign in to your account.' },
    fr: { subject: 'Un code de secours a servi à vous connecter à Twofold', what: 'Un code de secours a été utilisé pour se connecter à votre compte.' },
  },
  TWO_FACTOR_DISABLED: {
    en: { subject: 'Two-factor authentication was turned off on Twofold', what: 'Two-factor authentication was turned off: your password alone now opens your account.' },
    fr: { subject: 'La double authentification a été désactivée sur Twofold', what: 'La double authentification a été désactivée : votre mot de passe seul ouvre désormais votre compte.' },
  },
  DEFAULT_METHOD_CHANGED: {
    en: { subject: 'Your default Twofold sign-in method changed', what: 'The default sign-in method of your account was changed.' },
    fr: { subject: 'Votre méthode de connexion Twofold par défaut a changé', what: 'La méthode de connexion par défaut de votre compte a été changée.' },
  },
  TOTP_METHOD_ADDED: {
    en: { subject: 'An authenticator app was added to your Twofold account', what: 'An authenticator app was added to your account as a sign-in method.' },
    fr: { subject: 'Une application d’authentification a été ajoutée à votre compte Twofold', what: 'Une application d’authentification a été ajoutée à votre compte comme méthode de connexion.' },
  },
  SECURITY_KEY_ADDED: {
    en: { subject: 'A security key was added to your Twofold account', what: 'A security key or passkey was added to your account as a sign-in method.' },
    fr: { subject: 'Une clé de sécurité a été ajoutée à votre compte Twofold', what: 'Une clé de sécurité ou une clé d’accès a été ajoutée à votre compte comme méthode de connexion.' },
  },
  TWO_FACTOR_METHOD_REMOVED: {
    en: { subject: 'A sign-in method was removed from your Twofold account', what: 'A sign-in method (an authenticator app or a security key) was removed from your account.' },
    fr: { subject: 'Une méthode de connexion a été retirée de votre compte Twofold', what: 'Une méthode de connexion (application d’authentification ou clé de sécurité) a été retirée de votre compte.' },
  },
  DEVICE_REMEMBERED: {
    en: { subject: 'A device was remembered on your Twofold account', what: 'A device was remembered: it will skip the second sign-in step for a while.' },
    fr: { subject: 'Un appareil a été mémorisé sur votre compte Twofold', what: 'Un appareil a été mémorisé : il pourra passer la deuxième étape de connexion pendant un temps.' },
  },
  TWO_FACTOR_RESET_BY_SUPPORT: {
    en: { subject: 'Twofold support turned off two-factor authentication', what: 'Our support team turned off two-factor authentication on your account: your password alone now opens it. If you did not ask for this, contact us.' },
    fr: { subject: 'Le support Twofold a désactivé la double authentification', what: 'Notre support a désactivé la double authentification de votre compte : votre mot de passe seul l’ouvre désormais. Si vous ne l’avez pas demandé, contactez-nous.' },
  },
  RECOVERY_STARTED: {
    en: {
      subject: 'Someone started removing two-factor authentication from your Twofold account',
      what: 'Your password was used to start a recovery: unless it is cancelled, two-factor authentication will be removed from your account after the waiting period. Signing in with your phone, app, key or an emergency code cancels it.',
    },
    fr: {
      subject: 'Le retrait de la double authentification de votre compte Twofold a commencé',
      what: 'Votre mot de passe a servi à lancer une récupération : sauf annulation, la double authentification sera retirée de votre compte après le délai d’attente. Vous connecter avec votre téléphone, votre application, votre clé ou un code de secours l’annule.',
    },
  },
  PASSWORD_CHANGED: {
    en: { subject: 'Your Twofold password was changed', what: 'The password of your account was changed.' },
    fr: { subject: 'Votre mot de passe Twofold a été changé', what: 'Le mot de passe de votre compte a été changé.' },
  },
  PASSWORD_RESET: {
    en: { subject: 'Your Twofold password was reset', what: 'The password of your account was reset with a link sent to this address.' },
    fr: { subject: 'Votre mot de passe Twofold a été réinitialisé', what: 'Le mot de passe de votre compte a été réinitialisé avec un lien envoyé à cette adresse.' },
  },
};

const COMMON: Record<Locale, { greeting: (name: string) => string; when: string; from: string; device: string; unknown: string; ok: string; notMe: string; action: string; expiry: (when: string) => string }> = {
  en: {
    greeting: (name) => `Hello ${name},`,
    when: 'When',
    from: 'From the address',
    device: 'With',
    unknown: 'unknown',
    ok: 'If this was you, there is nothing to do.',
    notMe: 'If this was not you, use the link below: it signs out every session and forgets every remembered device of your account. Then sign in and change your password.',
    action: 'This wasn’t me',
    expiry: (when) => `This link works once, until ${when}. Twofold never asks for your password or a code by e-mail.`,
  },
  fr: {
    greeting: (name) => `Bonjour ${name},`,
    when: 'Quand',
    from: 'Depuis l’adresse',
    device: 'Avec',
    unknown: 'inconnue',
    ok: 'Si c’était vous, vous n’avez rien à faire.',
    notMe: 'Si ce n’était pas vous, utilisez le lien ci-dessous : il ferme toutes les sessions et oublie tous les appareils mémorisés de votre compte. Connectez-vous ensuite et changez votre mot de passe.',
    action: 'Ce n’était pas moi',
    expiry: (when) => `Ce lien ne fonctionne qu’une fois, jusqu’au ${when}. Twofold ne vous demande jamais votre mot de passe ni un code par e-mail.`,
  },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export const formatUtc = (iso: string, locale: Locale): string =>
  new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC';

/** "Firefox on Linux" from a user agent (the families a customer recognises), or null. */
export function describeUserAgent(ua: string | null | undefined, locale: Locale): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua) ? 'Edge' : /OPR\//.test(ua) ? 'Opera' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad|iOS/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS X|Macintosh/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  if (browser && os) return `${browser} ${locale === 'fr' ? 'sous' : 'on'} ${os}`;
  return browser ?? os ?? (locale === 'fr' ? 'un autre programme' : 'another program');
}

export function isNoticeKind(kind: unknown): kind is NoticeKind {
  return typeof kind === 'string' && (noticeKinds() as string[]).includes(kind);
}

/**
 * A security-notice e-mail: what changed, when (UTC), from which address and browser (never a
 * secret, never a number), and the "This wasn't me" link `${webOrigin}/wasnt-me?token=…`.
 */
export function renderNotice(lang: Locale, data: EmailTemplateData, webOrigin: string): RenderedNotice {
  const n = data.notice;
  if (!n || !isNoticeKind(n.kind)) throw new Error('SECURITY_NOTICE needs a known notice kind');
  if (!data.token) throw new Error('SECURITY_NOTICE needs a token');
  const copy = NOTICES[n.kind][lang];
  const c = COMMON[lang];
  const link = `${webOrigin}/wasnt-me?token=${encodeURIComponent(data.token)}`;
  const name = data.name || (lang === 'fr' ? 'à vous' : 'there');
  const facts: [string, string][] = [
    [c.when, formatUtc(n.at, lang)],
    [c.from, n.ip ?? c.unknown],
    [c.device, describeUserAgent(n.userAgent, lang) ?? c.unknown],
  ];
  const expiry = c.expiry(data.expiresAt ? formatUtc(data.expiresAt, lang) : '');
  const text = [c.greeting(name), '', copy.what, '', ...facts.map(([k, v]) => `${k}: ${v}`), '', c.ok, c.notMe, '', `${c.action}:`, link, '', expiry, '', '— Twofold'].join('\n');
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(copy.subject)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2933;line-height:1.5">
<p>${escapeHtml(c.greeting(name))}</p>
<p><strong>${escapeHtml(copy.what)}</strong></p>
<table style="border-collapse:collapse;font-size:14px">${facts.map(([k, v]) => `<tr><td style="padding:2px 12px 2px 0;color:#52606d">${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
<p>${escapeHtml(c.ok)}</p>
<p>${escapeHtml(c.notMe)}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 16px;background:#b91c1c;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(c.action)}</a></p>
<p style="font-size:13px;color:#52606d">${escapeHtml(expiry)}<br>${escapeHtml(link)}</p>
<p>— Twofold</p>
</body></html>`;
  return { subject: copy.subject, text, html };
}
