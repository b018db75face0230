import type { enWasntMe } from '../en/wasnt-me';

/** French, issue 13 : la page qu’ouvre le lien « Ce n’était pas moi » d’un e-mail d’alerte de sécurité. */
export const frWasntMe: Record<keyof typeof enWasntMe, string> = {
  'wasntMe.changePassword':
    'Reconnectez-vous maintenant et changez votre mot de passe. Si vous ne pouvez pas vous connecter, utilisez « Mot de passe oublié ? » sur la page de connexion.',
  'wasntMe.confirm': 'Déconnecter partout',
  'wasntMe.done':
    'C’est fait : {sessions, plural, =0 {aucune session n’était ouverte} one {# session a été fermée} other {# sessions ont été fermées}} et {devices, plural, =0 {aucun appareil n’était mémorisé} one {# appareil mémorisé a été oublié} other {# appareils mémorisés ont été oubliés}}. L’auteur du changement est déconnecté.',
  'wasntMe.intro':
    'Vous nous avez signalé ne pas être à l’origine du changement décrit dans notre e-mail. Confirmez et nous fermerons toutes les sessions de votre compte, sur tous les appareils, et oublierons tous les appareils mémorisés.',
  'wasntMe.invalid': 'Ce lien n’est pas valide, a expiré ou a déjà servi. Si votre compte vous semble toujours anormal, connectez-vous et changez votre mot de passe.',
  'wasntMe.login': 'Se connecter',
  'wasntMe.missing': 'Ouvrez le lien « Ce n’était pas moi » de l’e-mail que nous vous avons envoyé : il contient le code dont cette page a besoin.',
  'wasntMe.title': 'Ce n’était pas moi',
};
