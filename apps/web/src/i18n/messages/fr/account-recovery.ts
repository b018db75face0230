import type { enAccountRecovery } from '../en/account-recovery';

/** French, issue 13 : « J’ai perdu l’accès à mon téléphone et à mes codes » à la connexion, et la page du lien de récupération. */
export const frAccountRecovery: Record<keyof typeof enAccountRecovery, string> = {
  'recovery.cancel.notDevice':
    'Une connexion sur un appareil mémorisé, qui ne demande pas de deuxième étape, ne l’annule pas.',
  'recovery.cancel.secondFactor':
    'Se connecter avec n’importe quelle deuxième étape du compte annule cette récupération : un code par SMS, une application d’authentification, une clé de sécurité ou un code de secours. <link>Se connecter</link>',
  'recovery.cancel.title': 'Ce n’est pas vous ? Annulez-la',
  'recovery.cancel.wasntMe':
    '« Ce n’était pas moi » dans l’e-mail d’alerte envoyé à l’adresse du compte l’annule aussi, et ferme toutes les sessions.',
  'recovery.cancelled':
    'Cette récupération a été annulée : depuis son début, quelqu’un s’est connecté avec une deuxième étape du compte (un code par SMS, une application d’authentification, une clé de sécurité ou un code de secours), a utilisé « Ce n’était pas moi », ou le support a réinitialisé la double authentification. La double authentification reste activée.',
  'recovery.cancelled.again':
    'Si vous ne pouvez toujours pas vous connecter, lancez une nouvelle récupération depuis la page de connexion : « J’ai perdu l’accès à mon téléphone et à mes codes ».',
  'recovery.completed':
    'Cette récupération est terminée : la double authentification a été désactivée. Connectez-vous avec votre mot de passe.',
  'recovery.done':
    'Vous êtes connecté. La double authentification est désactivée : vos méthodes de connexion, vos codes de secours et vos appareils mémorisés ont été supprimés, et nous avons prévenu les numéros et l’adresse e-mail du compte.',
  'recovery.done.turnOn': 'Réactiver la double authentification',
  'recovery.error.invalidLink': 'Ce lien de récupération n’est pas valide, a expiré ou a déjà servi.',
  'recovery.error.mailBudget': 'Trop d’e-mails ont été envoyés à ce compte. Patientez un peu et réessayez.',
  'recovery.error.mailBudget.wait': 'Trop d’e-mails ont été envoyés à ce compte. Réessayez dans {wait}.',
  'recovery.error.unverified':
    'Impossible d’envoyer un lien de récupération : votre compte n’a pas d’adresse e-mail confirmée. Contactez le support pour retrouver l’accès à votre compte.',
  'recovery.expired':
    'Ce lien de récupération a expiré. Pour recommencer, connectez-vous et choisissez « J’ai perdu l’accès à mon téléphone et à mes codes ».',
  'recovery.invalid':
    'Ce lien de récupération n’est pas valide. Ouvrez le dernier e-mail de récupération que nous vous avons envoyé, ou connectez-vous et choisissez « J’ai perdu l’accès à mon téléphone et à mes codes ».',
  'recovery.login': 'Se connecter',
  'recovery.lost.intro':
    'Nous envoyons un lien de récupération à l’adresse confirmée de votre compte. L’ouvrir lance un délai d’attente, pour que le vrai titulaire ait le temps de l’arrêter : toutes les méthodes de connexion et l’adresse sont prévenues, et toute deuxième étape réussie annule la récupération. Après le délai, votre mot de passe et le même lien désactivent la double authentification.',
  'recovery.lost.send': 'M’envoyer un lien de récupération',
  'recovery.lost.sent':
    'Nous avons envoyé un lien de récupération à l’adresse e-mail de votre compte. Ouvrez-le rapidement : l’e-mail indique jusqu’à quand il fonctionne. Si une récupération est déjà en attente, rien de nouveau n’est envoyé : utilisez le lien que vous avez.',
  'recovery.lost.toggle': 'J’ai perdu l’accès à mon téléphone et à mes codes',
  'recovery.missing':
    'Ouvrez le lien de récupération de l’e-mail que nous vous avons envoyé : il contient le code dont cette page a besoin.',
  'recovery.ready.intro':
    'Le délai d’attente est écoulé. Saisissez l’adresse e-mail et le mot de passe de votre compte pour désactiver la double authentification et vous connecter.',
  'recovery.ready.otherAccount': 'Cette adresse e-mail et ce mot de passe ne sont pas ceux du compte de ce lien.',
  'recovery.ready.submit': 'Désactiver la double authentification et me connecter',
  'recovery.ready.warning':
    'Cela supprime toutes les méthodes de connexion du compte (numéros, applications d’authentification, clés de sécurité), vos codes de secours et vos appareils mémorisés. Vous pourrez réactiver la double authentification juste après.',
  'recovery.requested.confirm': 'Lancer le délai d’attente',
  'recovery.requested.delay':
    'Quand vous confirmez, un délai d’attente de {wait} commence. Nous prévenons toutes les méthodes de connexion du compte et son adresse e-mail, et toute deuxième étape réussie annule la récupération. Après le délai, ouvrez de nouveau ce lien et saisissez votre mot de passe : la double authentification est alors désactivée.',
  'recovery.requested.intro':
    'Vous avez demandé à retirer la double authentification de votre compte parce que vous avez perdu l’accès à votre téléphone et à vos codes de secours.',
  'recovery.requested.notYou':
    'Vous n’avez rien demandé ? Ne confirmez pas : quelqu’un connaît votre mot de passe. Connectez-vous et changez-le.',
  'recovery.retry': 'Réessayer',
  'recovery.title': 'Récupérer votre compte',
  'recovery.wait.days': '{count, plural, one {# jour} other {# jours}}',
  'recovery.waiting.comeBack':
    'Ouvrez ensuite de nouveau le même lien de l’e-mail : vous saisirez votre mot de passe, et la double authentification sera désactivée.',
  'recovery.waiting.left': 'Temps restant : {wait}.',
  'recovery.waiting.when': 'La double authentification sera retirée le <strong>{date}</strong>.',
};
