import type { enMethods } from '../en/methods';

/** French, contract v2: every kind of method in one list, and turning two-factor authentication off. */
export const frMethods: Record<keyof typeof enMethods, string> = {
  'methods.kind.passkey': 'Clé d’accès',
  'methods.kind.securityKey': 'Clé de sécurité',
  'methods.named': '{kind} ({name})',
  'methods.removeApp': 'Retirer l’application',
  'methods.lastDelivered': 'Dernier code reçu le {date}',
  'methods.deliveryFailing':
    "{count, plural, one {Le dernier SMS de code envoyé à ce numéro n’a pas été remis ({date}).} other {Les # derniers SMS de code envoyés à ce numéro n’ont pas été remis (le dernier le {date}).}} Utilisez une autre méthode, ou vérifiez le numéro et le réseau.",
  'methods.removeKey': 'Retirer la clé',
  'disable.button': 'Désactiver la double authentification',
  'disable.confirm': 'Désactiver la double authentification ? Cela supprime :',
  'disable.done':
    'La double authentification est désactivée. Vos méthodes de connexion, codes de secours et appareils mémorisés ont été supprimés.',
  'disable.intro': 'La connexion ne demandera plus que votre mot de passe.',
  'disable.notice':
    'Vos numéros en sont avertis par SMS. La connexion ne demandera plus que votre mot de passe, jusqu’à ce que vous la réactiviez.',
  'disable.what.codes': 'vos codes de secours',
  'disable.what.devices': 'tous les appareils mémorisés',
  'disable.what.methods':
    '{count, plural, one {votre méthode de connexion} other {vos # méthodes de connexion}} (numéros, applications d’authentification, clés de sécurité)',
} as const;
