/** SMS wording per locale. Each template fits one GSM-7 segment (see the spec). */
export const SMS_LOCALES = ['en', 'fr'] as const;
export type SmsLocale = (typeof SMS_LOCALES)[number];
export const DEFAULT_SMS_LOCALE: SmsLocale = 'en';

export type NoticeKind =
  | 'SMS_METHOD_ADDED'
  | 'SMS_METHOD_REMOVED'
  | 'BACKUP_CODES_GENERATED'
  | 'BACKUP_CODES_DELETED'
  | 'BACKUP_CODE_USED'
  | 'TWO_FACTOR_DISABLED'
  | 'DEFAULT_METHOD_CHANGED'
  | 'TOTP_METHOD_ADDED'
  | 'SECURITY_KEY_ADDED'
  | 'TWO_FACTOR_METHOD_REMOVED'
  | 'DEVICE_REMEMBERED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET'
  | 'TWO_FACTOR_RESET_BY_SUPPORT'
  | 'RECOVERY_STARTED';

interface Templates {
  code: (code: string, minutes: number) => string;
  notices: Record<NoticeKind, string>;
}

const templates: Record<SmsLocale, Templates> = {
  en: {
    code: (code, minutes) => `Twofold security code: ${code}. Valid ${minutes} minute${minutes === 1 ? '' : 's'}. Never share it.`,
    notices: {
      SMS_METHOD_ADDED: 'Twofold: a new phone number was added to your account. If this was not you, secure your account now.',
      SMS_METHOD_REMOVED: 'Twofold: a phone number was removed from your account. If this was not you, secure your account now.',
      BACKUP_CODES_GENERATED: 'Twofold: new emergency codes were created for your account. If this was not you, secure your account now.',
      BACKUP_CODES_DELETED: 'Twofold: your emergency codes were deleted. If this was not you, secure your account now.',
      BACKUP_CODE_USED: 'Twofold: an emergency code was used to sign in to your account. If this was not you, secure your account now.',
      TWO_FACTOR_DISABLED: 'Twofold: two-factor authentication was turned off. If this was not you, secure your account now.',
      DEFAULT_METHOD_CHANGED: 'Twofold: the default sign-in method of your account was changed. If this was not you, secure your account now.',
      TOTP_METHOD_ADDED: 'Twofold: an authenticator app was added to your account. If this was not you, secure your account now.',
      SECURITY_KEY_ADDED: 'Twofold: a security key or passkey was added to your account. If this was not you, secure your account now.',
      TWO_FACTOR_METHOD_REMOVED: 'Twofold: a sign-in method was removed from your account. If this was not you, secure your account now.',
      DEVICE_REMEMBERED: 'Twofold: a device was remembered and will skip the second sign-in step. If this was not you, secure your account now.',
      TWO_FACTOR_RESET_BY_SUPPORT: 'Twofold: our support team turned off two-factor authentication on your account. If you did not ask for this, contact us now.',
      RECOVERY_STARTED: 'Twofold: someone used your password to start removing 2FA from your account. Sign in with your phone to cancel it.',
      PASSWORD_CHANGED: 'Twofold: the password of your account was changed. If this was not you, secure your account now.',
      PASSWORD_RESET: 'Twofold: the password of your account was reset by e-mail link. If this was not you, secure your account now.',
    },
  },
  fr: {
    code: (code, minutes) => `Code de sécurité Twofold : ${code}. Valable ${minutes} minute${minutes === 1 ? '' : 's'}. Ne le partagez jamais.`,
    notices: {
      SMS_METHOD_ADDED: 'Twofold : un numéro a été ajouté à votre compte. Si ce n\'est pas vous, sécurisez votre compte.',
      SMS_METHOD_REMOVED: 'Twofold : un numéro a été retiré de votre compte. Si ce n\'est pas vous, sécurisez votre compte.',
      BACKUP_CODES_GENERATED: 'Twofold : de nouveaux codes de secours ont été créés. Si ce n\'est pas vous, sécurisez votre compte.',
      BACKUP_CODES_DELETED: 'Twofold : vos codes de secours ont été supprimés. Si ce n\'est pas vous, sécurisez votre compte.',
      BACKUP_CODE_USED: 'Twofold : un code de secours a servi à vous connecter. Si ce n\'est pas vous, sécurisez votre compte.',
      TWO_FACTOR_DISABLED: 'Twofold : la double authentification a été désactivée. Si ce n\'est pas vous, sécurisez votre compte.',
      DEFAULT_METHOD_CHANGED: 'Twofold : la méthode de connexion par défaut a été changée. Si ce n\'est pas vous, sécurisez votre compte.',
      TOTP_METHOD_ADDED: 'Twofold : une application d\'authentification a été ajoutée à votre compte. Si ce n\'est pas vous, sécurisez votre compte.',
      SECURITY_KEY_ADDED: 'Twofold : une clé de sécurité ou une clé d\'accès a été ajoutée à votre compte. Si ce n\'est pas vous, sécurisez votre compte.',
      TWO_FACTOR_METHOD_REMOVED: 'Twofold : une méthode de connexion a été retirée de votre compte. Si ce n\'est pas vous, sécurisez votre compte.',
      DEVICE_REMEMBERED: 'Twofold : un appareil a été mémorisé pour la connexion à votre compte. Si ce n\'est pas vous, sécurisez votre compte.',
      TWO_FACTOR_RESET_BY_SUPPORT: 'Twofold : notre support a désactivé la double authentification de votre compte. Si vous ne l\'avez pas demandé, contactez-nous.',
      RECOVERY_STARTED: 'Twofold : quelqu\'un a lancé le retrait de la 2FA de votre compte avec votre mot de passe. Connectez-vous avec votre téléphone pour l\'annuler.',
      PASSWORD_CHANGED: 'Twofold : le mot de passe de votre compte a été changé. Si ce n\'est pas vous, sécurisez votre compte.',
      PASSWORD_RESET: 'Twofold : le mot de passe de votre compte a été réinitialisé par lien e-mail. Si ce n\'est pas vous, sécurisez votre compte.',
    },
  },
};

export function isSmsLocale(value: unknown): value is SmsLocale {
  return typeof value === 'string' && (SMS_LOCALES as readonly string[]).includes(value);
}

/** The best supported locale for an Accept-Language header, by quality then order. */
export function pickLocale(acceptLanguage: string | undefined | null): SmsLocale {
  if (!acceptLanguage) return DEFAULT_SMS_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((r) => r.lang && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.lang).find(isSmsLocale) ?? DEFAULT_SMS_LOCALE;
}

/**
 * The code SMS: the code first (lock screens show the start), the origin-bound line
 * `@host #code` last so browsers and phones can offer to autofill it on that origin only.
 */
export function renderCodeSms(locale: SmsLocale, code: string, ttlSeconds: number, originHost: string): string {
  const minutes = Math.max(1, Math.round(ttlSeconds / 60));
  return `${templates[locale].code(code, minutes)}\n\n@${originHost} #${code}`;
}

export function renderNoticeSms(locale: SmsLocale, kind: NoticeKind): string {
  return templates[locale].notices[kind];
}

export function noticeKinds(): NoticeKind[] {
  return Object.keys(templates.en.notices) as NoticeKind[];
}

// GSM 03.38 basic character set and its extension table (extension characters cost two septets).
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';

/** Septets needed in GSM-7, or null when the text needs UCS-2. */
export function gsm7Length(text: string): number | null {
  let length = 0;
  for (const ch of text) {
    if (GSM7_BASIC.includes(ch)) length += 1;
    else if (GSM7_EXTENSION.includes(ch)) length += 2;
    else return null;
  }
  return length;
}

/** Number of SMS segments the text takes (GSM-7: 160 single / 153 per part; UCS-2: 70 / 67). */
export function smsSegments(text: string): number {
  const septets = gsm7Length(text);
  if (septets !== null) return septets <= 160 ? 1 : Math.ceil(septets / 153);
  const units = text.length; // UTF-16 code units
  return units <= 70 ? 1 : Math.ceil(units / 67);
}
