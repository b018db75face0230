import type { enRememberedDevices } from '../en/remembered-devices';

/** French, contract v2: remembered devices on Security and « Mémoriser cet appareil » at login. */
export const frRememberedDevices: Record<keyof typeof enRememberedDevices, string> = {
  'devices.allForgotten':
    'Tous les appareils ont été oubliés : chacun demandera la deuxième étape à sa prochaine connexion.',
  'devices.expires': 'Mémorisé jusqu’au {date}',
  'devices.forget': 'Oublier<hidden> {device}</hidden>',
  'devices.forgetAll': 'Oublier tous les appareils',
  'devices.forgotten': '{device} oublié : sa prochaine connexion demandera la deuxième étape.',
  'devices.intro':
    'Sur ces appareils, votre mot de passe suffit pour vous connecter, sans la deuxième étape, pendant 30 jours.',
  'devices.listLabel': 'Appareils mémorisés',
  'devices.loading': 'Chargement des appareils mémorisés…',
  'devices.none':
    'Aucun appareil n’est mémorisé. Cochez « Mémoriser cet appareil pendant 30 jours » à la connexion pour en ajouter un.',
  'devices.remembered': 'Mémorisé le {date}',
  'devices.title': 'Appareils mémorisés',
  'devices.unavailable': 'Les appareils mémorisés ne peuvent pas être affichés pour le moment.',
  'secondFactor.remember': 'Mémoriser cet appareil pendant 30 jours',
  'secondFactor.rememberHint':
    'Votre mot de passe suffira pour vous connecter ici. Ne cochez pas sur un ordinateur partagé.',
} as const;
