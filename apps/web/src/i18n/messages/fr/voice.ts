import type { enVoice } from '../en/voice';

/** French, issue 14 : « Appelez-moi plutôt », un code lu par un appel téléphonique (connexion et confirmation d’un numéro). */
export const frVoice: Record<keyof typeof enVoice, string> = {
  'voice.callMe': 'Appelez-moi plutôt',
  'voice.hint': 'Pas de SMS ? Nous pouvons appeler le numéro et vous lire le code.',
  'delivery.call.sending': 'Appel de {to}…',
  'delivery.call.sent': 'Nous appelons le {to}. Décrochez : une voix lit votre code à 6 chiffres deux fois.',
  'delivery.call.delivered': 'L’appel au {to} a abouti.',
  'delivery.call.failed': 'L’appel au {to} n’a pas pu être passé. Renvoyez le code par SMS, ou utilisez une autre méthode.',
  'delivery.call.failed.reason':
    'L’appel au {to} n’a pas pu être passé ({reason}). Renvoyez le code par SMS, ou utilisez une autre méthode.',
  'error.VOICE_UNAVAILABLE':
    'Les codes ne peuvent pas être envoyés par appel pour le moment. Utilisez le code reçu par SMS, ou une autre méthode.',
};
