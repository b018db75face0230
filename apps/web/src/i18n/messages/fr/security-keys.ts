import type { enSecurityKeys } from '../en/security-keys';

/** French, contract v2: adding a security key or passkey (WebAuthn), and the security key step at login. */
export const frSecurityKeys: Record<keyof typeof enSecurityKeys, string> = {
  'key.addTitle': 'Ajouter une clé de sécurité ou une clé d’accès',
  'key.added': '{key} ajoutée. Vous pouvez l’utiliser pour vous connecter.',
  'key.descriptionHint': 'Un nom pour la reconnaître, par exemple « YubiKey bleue » ou « Ordinateur portable ».',
  'key.error.already': 'Cette clé est déjà enregistrée sur votre compte.',
  'key.error.cancelled': 'La demande a été annulée ou a expiré. Rien n’a été ajouté. Réessayez quand vous serez prêt.',
  'key.error.failed': 'La clé n’a pas pu être ajoutée. Réessayez.',
  'key.error.unsupported':
    'Ce navigateur ne sait pas utiliser les clés de sécurité ni les clés d’accès. Essayez un navigateur récent (Chrome, Edge, Firefox ou Safari).',
  'key.intro':
    'Une clé de sécurité USB ou NFC, ou une clé d’accès enregistrée sur cet appareil ou dans votre gestionnaire de mots de passe. Votre navigateur vous demandera de confirmer.',
  'key.start': 'Continuer avec le navigateur',
  'key.waiting':
    'Suivez les indications de votre navigateur : insérez ou touchez votre clé, ou confirmez avec votre empreinte, votre visage ou le verrouillage de l’écran.',
  'secondFactor.key': 'Clé de sécurité ou clé d’accès',
  'secondFactor.key.named': 'Clé de sécurité ou clé d’accès ({name})',
  'secondFactor.keyCancelled':
    'La demande a été annulée ou a expiré. Choisissez « Utiliser ma clé » pour réessayer, ou essayez une autre méthode.',
  'secondFactor.keyIntro':
    'Utilisez votre clé de sécurité ou votre clé d’accès : choisissez le bouton, puis suivez les indications de votre navigateur.',
  'secondFactor.keyIntro.named':
    'Utilisez votre clé de sécurité ou votre clé d’accès (<strong>{name}</strong>) : choisissez le bouton, puis suivez les indications de votre navigateur.',
  'secondFactor.keyRejected': 'Cette clé n’a pas été acceptée. Essayez une autre clé ou une autre méthode.',
  'secondFactor.keyUnsupported':
    'Ce navigateur ne sait pas utiliser les clés de sécurité ni les clés d’accès. Essayez une autre méthode.',
  'secondFactor.keyWaiting': 'En attente de votre clé de sécurité ou clé d’accès…',
  'secondFactor.useKey': 'Utiliser ma clé',
  'wizard.method.key': 'Clé de sécurité ou clé d’accès',
  'wizard.method.keyHint':
    'Une clé USB ou NFC, ou une clé d’accès sur cet appareil ou dans votre gestionnaire de mots de passe. Elle résiste à l’hameçonnage.',
  'summary.keys': '{count, plural, one {# clé de sécurité ou d’accès} other {# clés de sécurité ou d’accès}}',
} as const;
