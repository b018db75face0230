import type { enPasswords } from '../en/passwords';

/** French, issue 13: changement de mot de passe (page Sécurité), mot de passe oublié et la page du lien. */
export const frPasswords: Record<keyof typeof enPasswords, string> = {
  'error.INVALID_TOKEN': 'Ce lien n’est pas valide, a expiré ou a déjà servi. Demandez-en un nouveau.',
  'error.field.currentPassword': 'Vérifiez votre mot de passe actuel.',
  'error.field.newPassword': 'Choisissez un autre nouveau mot de passe : au moins 10 caractères, et pas un mot de passe courant.',
  'forgot.backToLogin': 'Retour à la connexion',
  'forgot.intro': 'Saisissez l’adresse e-mail de votre compte. Nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  'forgot.link': 'Mot de passe oublié ?',
  'forgot.sent':
    'Si un compte a cette adresse, un lien pour choisir un nouveau mot de passe est en route. Il ne fonctionne qu’une fois, pendant 15 minutes. Regardez votre boîte de réception (et les indésirables).',
  'forgot.submit': 'Envoyez-moi un lien',
  'forgot.title': 'Mot de passe oublié ?',
  'password.change': 'Changer le mot de passe',
  'password.changed': 'Votre mot de passe est changé. Vos autres sessions ont été déconnectées.',
  'password.current': 'Mot de passe actuel',
  'password.intro': 'Choisissez un nouveau mot de passe pour votre compte. La connexion vous demandera toujours votre deuxième étape.',
  'password.new': 'Nouveau mot de passe',
  'password.othersSignedOut': 'Vos autres sessions seront déconnectées ; celle-ci reste ouverte.',
  'password.rules': 'Au moins 10 caractères. Quelques mots faciles à retenir conviennent.',
  'password.title': 'Mot de passe',
  'reset.again': 'Demander un nouveau lien',
  'reset.done':
    'Votre mot de passe est changé et toutes les sessions ont été déconnectées. Connectez-vous avec le nouveau mot de passe : si la double authentification est activée, elle vous demandera toujours votre deuxième étape.',
  'reset.login': 'Se connecter',
  'reset.missing': 'Ouvrez le lien de l’e-mail que nous vous avons envoyé : il contient le code dont cette page a besoin.',
  'reset.submit': 'Enregistrer le nouveau mot de passe',
  'reset.title': 'Choisissez un nouveau mot de passe',
};
