import type { enVerifyEmail } from '../en/verify-email';

/** French, issue 13: la page qu’ouvre le lien de vérification envoyé par e-mail. */
export const frVerifyEmail: Record<keyof typeof enVerifyEmail, string> = {
  'verifyEmail.checking': 'Vérification de votre lien…',
  'verifyEmail.continue': 'Continuer vers Twofold',
  'verifyEmail.expired': 'Ce lien a expiré.',
  'verifyEmail.invalid': 'Ce lien n’est pas valide ou a déjà servi.',
  'verifyEmail.missing': 'Ouvrez le lien de l’e-mail que nous vous avons envoyé : il contient le code dont cette page a besoin.',
  'verifyEmail.resend': 'M’envoyer un nouveau lien',
  'verifyEmail.resendSignIn': 'Connectez-vous pour recevoir un nouveau lien.',
  'verifyEmail.resent': 'Un nouveau lien est en route : consultez votre boîte de réception.',
  'verifyEmail.title': 'Confirmez votre adresse e-mail',
  'verifyEmail.verified': 'Votre adresse e-mail est confirmée. Merci !',
};
