import type { EmailTemplate, EmailTemplateData } from '@twofold/sms-queue';
import { renderNotice } from './notice-templates';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

type Locale = 'en' | 'fr';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function formatExpiry(iso: string | undefined, locale: Locale): string {
  if (!iso) return '';
  const d = new Date(iso);
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(d) + ' UTC';
}

interface Copy {
  subject: string;
  greeting: (name: string) => string;
  lines: string[];
  action: string;
  expiry: (when: string) => string;
  ignore: string;
}

const VERIFY: Record<Locale, Copy> = {
  en: {
    subject: 'Confirm your e-mail address for Twofold',
    greeting: (name) => `Hello ${name},`,
    lines: ['Please confirm that this address belongs to your Twofold account. It is the address we will use to help you get back in if you lose your phone.'],
    action: 'Confirm my e-mail address',
    expiry: (when) => `This link works once, until ${when}.`,
    ignore: 'If you did not create a Twofold account, ignore this e-mail: nothing will happen.',
  },
  fr: {
    subject: 'Confirmez votre adresse e-mail pour Twofold',
    greeting: (name) => `Bonjour ${name},`,
    lines: ['Confirmez que cette adresse est bien celle de votre compte Twofold. C’est elle qui vous permettra de retrouver l’accès à votre compte si vous perdez votre téléphone.'],
    action: 'Confirmer mon adresse e-mail',
    expiry: (when) => `Ce lien ne fonctionne qu’une fois, jusqu’au ${when}.`,
    ignore: 'Si vous n’avez pas créé de compte Twofold, ignorez cet e-mail : il ne se passera rien.',
  },
};

const RESET: Record<Locale, Copy> = {
  en: {
    subject: 'Reset your Twofold password',
    greeting: (name) => `Hello ${name},`,
    lines: [
      'Someone asked to reset the password of your Twofold account. Use the link below to choose a new one: it also signs out every session.',
      'If two-factor authentication is on, signing in will still ask for your second step.',
    ],
    action: 'Choose a new password',
    expiry: (when) => `This link works once, until ${when}.`,
    ignore: 'If you did not ask for this, ignore this e-mail: your password stays as it is.',
  },
  fr: {
    subject: 'Réinitialisez votre mot de passe Twofold',
    greeting: (name) => `Bonjour ${name},`,
    lines: [
      'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte Twofold. Utilisez le lien ci-dessous pour en choisir un nouveau : toutes les sessions seront aussi fermées.',
      'Si la double authentification est activée, la connexion vous demandera toujours votre deuxième étape.',
    ],
    action: 'Choisir un nouveau mot de passe',
    expiry: (when) => `Ce lien ne fonctionne qu’une fois, jusqu’au ${when}.`,
    ignore: 'Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.',
  },
};

const RECOVERY: Record<Locale, Copy> = {
  en: {
    subject: 'Confirm the recovery of your Twofold account',
    greeting: (name) => `Hello ${name},`,
    lines: [
      'You said you lost access to your phone and your emergency codes. Open the link below and confirm there (opening it alone starts nothing): a waiting period starts, during which every sign-in method of the account and this address are told, and any successful second step cancels the recovery.',
      'Once the waiting period is over, sign in with your password and open this same link again: two-factor authentication is then turned off and you are signed in.',
    ],
    action: 'Confirm the recovery',
    expiry: (when) => `Confirm before ${when}.`,
    ignore: 'If you did not ask for this, someone knows your password: ignore this e-mail, sign in and change your password.',
  },
  fr: {
    subject: 'Confirmez la récupération de votre compte Twofold',
    greeting: (name) => `Bonjour ${name},`,
    lines: [
      'Vous avez indiqué avoir perdu l’accès à votre téléphone et à vos codes de secours. Ouvrez le lien ci-dessous et confirmez sur la page (l’ouvrir seul ne lance rien) : un délai d’attente commence, pendant lequel toutes les méthodes de connexion du compte et cette adresse sont prévenues, et toute deuxième étape réussie annule la récupération.',
      'Une fois le délai passé, connectez-vous avec votre mot de passe et ouvrez de nouveau ce lien : la double authentification est alors désactivée et vous êtes connecté.',
    ],
    action: 'Confirmer la récupération',
    expiry: (when) => `Confirmez avant le ${when}.`,
    ignore: 'Si vous n’avez rien demandé, quelqu’un connaît votre mot de passe : ignorez cet e-mail, connectez-vous et changez votre mot de passe.',
  },
};

function layout(copy: Copy, name: string, link: string, when: string, locale: Locale): RenderedEmail {
  const text = [copy.greeting(name), '', ...copy.lines, '', `${copy.action}:`, link, '', copy.expiry(when), '', copy.ignore, '', '— Twofold'].join('\n');
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(copy.subject)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2933;line-height:1.5">
<p>${escapeHtml(copy.greeting(name))}</p>
${copy.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(copy.action)}</a></p>
<p style="font-size:13px;color:#52606d">${escapeHtml(copy.expiry(when))}<br>${escapeHtml(link)}</p>
<p style="font-size:13px;color:#52606d">${escapeHtml(copy.ignore)}</p>
<p>— Twofold</p>
</body></html>`;
  return { subject: copy.subject, text, html };
}

/** The e-mail of a template in en or fr (anything else: en), plain text and HTML. Links are built here from WEB_ORIGIN. */
export function renderEmail(template: EmailTemplate, locale: string, data: EmailTemplateData, webOrigin: string): RenderedEmail {
  const lang: Locale = locale === 'fr' ? 'fr' : 'en';
  switch (template) {
    case 'VERIFY_EMAIL': {
      if (!data.token) throw new Error('VERIFY_EMAIL needs a token');
      const link = `${webOrigin}/verify-email?token=${encodeURIComponent(data.token)}`;
      return layout(VERIFY[lang], data.name || (lang === 'fr' ? 'à vous' : 'there'), link, formatExpiry(data.expiresAt, lang), lang);
    }
    case 'PASSWORD_RESET': {
      if (!data.token) throw new Error('PASSWORD_RESET needs a token');
      const link = `${webOrigin}/reset-password?token=${encodeURIComponent(data.token)}`;
      return layout(RESET[lang], data.name || (lang === 'fr' ? 'à vous' : 'there'), link, formatExpiry(data.expiresAt, lang), lang);
    }
    case 'ACCOUNT_RECOVERY': {
      if (!data.token) throw new Error('ACCOUNT_RECOVERY needs a token');
      const link = `${webOrigin}/recover?token=${encodeURIComponent(data.token)}`;
      return layout(RECOVERY[lang], data.name || (lang === 'fr' ? 'à vous' : 'there'), link, formatExpiry(data.expiresAt, lang), lang);
    }
    case 'SECURITY_NOTICE':
      return renderNotice(lang, data, webOrigin);
  }
}
