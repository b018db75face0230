import type { MessageId } from './en';
import { frAccountRecovery } from './fr/account-recovery';
import { frActivity } from './fr/activity';
import { frMethods } from './fr/methods';
import { frPasswords } from './fr/passwords';
import { frRememberedDevices } from './fr/remembered-devices';
import { frSecurityKeys } from './fr/security-keys';
import { frSessions } from './fr/sessions';
import { frVerifyEmail } from './fr/verify-email';
import { frWasntMe } from './fr/wasnt-me';
import { frVoice } from './fr/voice';

/**
 * French. Typed by the English keys: a missing or extra key fails typecheck, and messages.spec.ts
 * checks each message parses and uses the same placeholders as its English twin. Typography:
 * non-breaking space before « : ? ! », typographic apostrophe (’), which also keeps ICU's quote
 * character out of the way.
 */
export const fr: Record<MessageId, string> = {
  // Shared words
  'common.cancel': 'Annuler',
  'common.checking': 'Vérification…',
  'common.confirm': 'Confirmer',
  'common.continue': 'Continuer',
  'common.delete': 'Supprimer',
  'common.done': 'Terminé',
  'common.loading': 'Chargement…',
  'common.save': 'Enregistrer',
  'common.sending': 'Envoi…',
  'field.email': 'E-mail',
  'field.name': 'Nom',
  'field.optional': '(facultatif)',
  'field.password': 'Mot de passe',

  // Frame
  'app.error.title': 'Un problème est survenu',
  'app.error.unreachable': 'Le serveur est injoignable. Vérifiez votre connexion, puis rechargez la page.',
  'header.account': 'Compte',
  'header.accountMenu': 'Menu du compte de {name}',
  'header.language': 'Langue',
  'header.logOut': 'Se déconnecter',
  'header.skip': 'Aller au contenu',
  'nav.home': 'Aperçu',
  'nav.label': 'Panneau de configuration',
  'nav.security': 'Sécurité',
  'home.goToSecurity': 'Ouvrir les réglages de sécurité',
  'home.title': 'Bienvenue, {name}',
  'home.twoFactorOff':
    'La double authentification est désactivée. Activez-la pour qu’un mot de passe volé ne suffise pas à entrer dans votre compte.',
  'home.twoFactorOn':
    'La double authentification est activée. Votre compte demande un code reçu sur votre téléphone à chaque connexion.',

  // Log in and sign up
  'login.signUpInstead': 'Nouveau sur Twofold ? <link>Créer un compte</link>',
  'login.submit': 'Se connecter',
  'login.title': 'Connexion',
  'signup.creating': 'Création de votre compte…',
  'signup.error.email': 'Saisissez une adresse e-mail comme nom@exemple.fr.',
  'signup.error.name': 'Saisissez votre nom.',
  'signup.error.passwordLong': 'Utilisez au plus {max} caractères.',
  'signup.error.passwordShort': 'Utilisez au moins {min} caractères.',
  'signup.logInInstead': 'Vous avez déjà un compte ? <link>Se connecter</link>',
  'signup.passwordHint': 'Au moins {min} caractères. Évitez les mots de passe courants.',
  'signup.submit': 'Créer mon compte',
  'signup.title': 'Créer un compte',

  // Second factor (login and re-authentication)
  'secondFactor.backupCodeHint': 'Par exemple ABCD-EFGH-JKMN-PQRS.',
  'secondFactor.backupIntro':
    'Saisissez l’un des codes de secours enregistrés lors de l’activation de la double authentification. Chaque code ne sert qu’une fois.',
  'secondFactor.emergencyCode': 'Code de secours',
  'secondFactor.error.backupIncomplete': 'Saisissez les 16 caractères d’un code de secours.',
  'secondFactor.error.smsIncomplete': 'Saisissez les 6 chiffres reçus par SMS.',
  'secondFactor.send': 'Envoyer le code',
  'secondFactor.smsCode': 'Code de sécurité',
  'secondFactor.smsCodeHint': 'Les 6 chiffres reçus par SMS.',
  'secondFactor.smsTo': 'SMS au {target}',
  'secondFactor.startAgain': 'Recommencer',
  'secondFactor.title': 'Double authentification',
  'secondFactor.tryAnother': 'Essayer une autre méthode',
  'secondFactor.verify': 'Vérifier',
  'secondFactor.willSend': 'Nous allons envoyer un code à 6 chiffres par SMS au <strong>{target}</strong>.',
  'reauth.enterPassword': 'Saisissez votre mot de passe.',
  'reauth.intro':
    'Pour votre sécurité, saisissez à nouveau votre mot de passe avant de modifier la double authentification.',
  'reauth.title': 'Confirmez votre identité',
  'reauth.wrongPassword': 'Ce mot de passe est incorrect.',

  // SMS codes
  'delivery.delivered': 'Code remis au {to}.',
  'delivery.failed':
    'Le SMS au {to} n’a pas pu être remis. Vérifiez que le numéro est correct et peut recevoir des SMS, puis renvoyez le code ou utilisez un autre numéro.',
  'delivery.failed.reason':
    'Le SMS au {to} n’a pas pu être remis ({reason}). Vérifiez que le numéro est correct et peut recevoir des SMS, puis renvoyez le code ou utilisez un autre numéro.',
  'delivery.sending': 'Envoi du code au {to}…',
  'delivery.sent': 'Code envoyé au {to}. Il peut mettre une minute à arriver.',
  'resend.in': '{label} dans <countdown>{time}</countdown>',
  'resend.label': 'Renvoyer le code',
  'phone.country': 'Pays',
  'phone.countryOption': '{name} (+{code})',
  'phone.error.characters': 'Utilisez uniquement des chiffres, des espaces et un + au début.',
  'phone.error.empty': 'Saisissez votre numéro de mobile.',
  'phone.error.length': 'Ce numéro est trop court ou trop long. Vérifiez les chiffres.',
  'phone.error.notMobile': 'Ce numéro ne semble pas être un mobile pouvant recevoir des SMS. Vérifiez les chiffres.',
  'phone.hint':
    'Choisissez le pays, puis saisissez le numéro comme on le compose là-bas, ou commencez par + et l’indicatif.',
  'phone.label': 'Numéro de mobile',

  // Security page
  'security.methods': 'Méthodes de connexion',
  'security.numbersFull': 'Vous avez {max, plural, one {# numéro} other {# numéros}}, le maximum pour un compte.',
  'security.off': 'Désactivée',
  'security.offIntro':
    'Protégez votre compte par une seconde étape à la connexion : après votre mot de passe, un code venu de votre téléphone, envoyé par SMS ou affiché par une application d’authentification.',
  'security.on': 'Activée',
  'security.title': 'Sécurité',
  'security.twoFactor': 'Double authentification',
  'summary.codesLeft': '{count, plural, one {# code de secours restant} other {# codes de secours restants}}',
  'summary.noCodes': 'Aucun code de secours',
  'summary.numbers': '{count, plural, =0 {aucun numéro} one {# numéro} other {# numéros}}',
  'summary.twoFactor':
    '{state, select, on {Double authentification activée} other {Double authentification désactivée}}',
  'wizard.addTitle': 'Ajouter un numéro',
  'wizard.confirmationCode': 'Code de confirmation',
  'wizard.confirmationEnded':
    '{message} La confirmation de ce numéro est terminée ; saisissez à nouveau le numéro pour recevoir un nouveau code.',
  'wizard.descriptionHint': 'Un nom pour reconnaître ce numéro, par exemple « Téléphone pro ».',
  'wizard.differentNumber': 'Utiliser un autre numéro',
  'wizard.done': 'La double authentification est activée.',
  'wizard.enableTitle': 'Activer la double authentification',
  'wizard.method.legend': 'Comment voulez-vous obtenir vos codes ?',
  'wizard.method.sms': 'SMS',
  'wizard.method.smsHint': 'Un code à 6 chiffres est envoyé sur votre mobile à chaque connexion.',
  'wizard.numberConfirmed': 'Le {number} est confirmé et peut servir à vous connecter.',
  'wizard.progress': 'Étape {step} sur {total}',
  'wizard.sent': 'Nous avons envoyé un code à 6 chiffres au <strong>{number}</strong>.',
  'wizard.step.codes': 'Enregistrez vos codes de secours',
  'wizard.step.confirm': 'Saisissez le code de confirmation',
  'wizard.step.method': 'Choisissez une méthode',
  'wizard.step.phone': 'Saisissez votre numéro de mobile',
  'wizard.wrongNumber': 'Mauvais numéro ?',
  'methods.default': 'Par défaut',
  'methods.description': 'Description',
  'methods.descriptionSaved': 'Description enregistrée : {who}.',
  'methods.descriptionTooLong': 'Utilisez au plus {max} caractères.',
  'methods.editDescription': 'Modifier la description<hidden> : {who}</hidden>',
  'methods.lastUsed': 'Dernière utilisation le {date}',
  'methods.makeDefault': 'Définir par défaut<hidden> : {who}</hidden>',
  'methods.neverUsed': 'Pas encore utilisé pour se connecter',
  'methods.noDescription': 'Aucune description',
  'methods.pending': 'En attente de confirmation',
  'methods.remove': 'Retirer<hidden> : {who}</hidden>',
  'methods.removeConfirm': 'Retirer « {who} » ?',
  'methods.removeGroup': 'Retirer : {who}',
  'methods.removeLast':
    'C’est votre dernière méthode de connexion : la double authentification sera désactivée et vos codes de secours supprimés.',
  'methods.removeNumber': 'Retirer le numéro',
  'methods.removed': 'Méthode retirée : {who}.',
  'methods.removedLast': 'Méthode retirée : {who}. La double authentification est désactivée.',
  'codes.confirmFirst': 'Confirmez d’abord que vous avez enregistré les codes.',
  'codes.copied': 'Codes copiés dans le presse-papiers.',
  'codes.copy': 'Copier',
  'codes.copyFailed':
    'Votre navigateur n’a pas autorisé la copie. Sélectionnez les codes et copiez-les, ou téléchargez-les.',
  'codes.download': 'Télécharger (.txt)',
  'codes.downloaded': 'Codes téléchargés dans {file}.',
  'codes.file.created': 'Créés le {date}. Chaque code ne sert qu’une fois. Gardez-les en lieu sûr.',
  'codes.file.name': 'twofold-codes-de-secours.txt',
  'codes.file.title': 'Codes de secours Twofold',
  'codes.intro':
    'Si vous perdez votre téléphone, chacun de ces codes vous permet de vous connecter une fois. <strong>Ils ne sont affichés que cette fois-ci.</strong> Gardez-les en lieu sûr, par exemple dans un gestionnaire de mots de passe.',
  'codes.listLabel': 'Vos codes de secours',
  'codes.print': 'Imprimer',
  'codes.saved': 'J’ai enregistré ces codes',
  'codes.title': 'Codes de secours',
  'backup.create': 'Créer des codes',
  'backup.created': 'Créés le {date}',
  'backup.deleteCodes': 'Supprimer les codes',
  'backup.deleteConfirm': 'Supprimer vos codes de secours ? Vous ne pourrez plus vous connecter avec.',
  'backup.deleteGroup': 'Supprimer les codes de secours',
  'backup.deleted': 'Codes de secours supprimés.',
  'backup.intro':
    'Utilisez un code de secours pour vous connecter quand vous ne pouvez pas utiliser votre téléphone. Chaque code ne sert qu’une fois.',
  'backup.none':
    'Vous n’avez aucun code de secours. Créez-en pour pouvoir vous connecter même si vous perdez votre téléphone.',
  'backup.regenerate': 'Régénérer',
  'backup.regenerated': 'Nouveaux codes de secours enregistrés. Les anciens ne fonctionnent plus.',
  'badge.remaining':
    '{remaining} sur {total} {remaining, plural, one {restant} other {restants}}{tone, select, amber { (bientôt épuisés)} red { (presque épuisés : régénérez-les vite)} other {}}',
  'language.hint': 'La langue de ce site et des SMS que nous vous envoyons.',
  'language.label': 'Langue du compte',
  'language.saved': 'Langue changée : {language}.',
  'language.title': 'Langue',
  'activity.caption': 'Événements de sécurité de votre compte, du plus récent au plus ancien',
  'activity.column.device': 'Appareil',
  'activity.column.event': 'Événement',
  'activity.column.ip': 'Adresse IP',
  'activity.column.when': 'Quand',
  'activity.empty': 'Aucune activité pour l’instant.',
  'activity.failed': 'Échec',
  'activity.loading': 'Chargement de l’activité…',
  'activity.moreFailed': 'Impossible de charger plus d’activité pour le moment. Réessayez dans un instant.',
  'activity.noIp': 'Inconnue',
  'activity.showMore': 'Afficher plus',
  'activity.title': 'Activité de sécurité récente',
  'activity.unavailable': 'L’activité ne peut pas être affichée pour le moment.',
  'device.browserOn': '{browser} sur {os}',
  'device.desktop': 'Ordinateur',
  'device.mobile': 'Téléphone',
  'device.tablet': 'Tablette',
  'device.tv': 'Télévision',
  'device.unknown': 'Appareil inconnu',

  // Errors, by the shared codes of @twofold/error-codes
  'error.BAD_USER_INPUT': 'Vérifiez ce que vous avez saisi et réessayez.',
  'error.CODE_EXPIRED': 'Ce code a expiré. Demandez un nouveau code et utilisez-le dans les 5 minutes.',
  'error.COUNTRY_NOT_ALLOWED': 'Les numéros de ce pays ne sont pas acceptés ici. Utilisez un numéro d’un autre pays.',
  'error.EMAIL_ALREADY_REGISTERED': 'Un compte utilise déjà cette adresse e-mail. Connectez-vous plutôt.',
  'error.FORBIDDEN': 'Vous n’avez pas le droit de faire cela.',
  'error.INTERNAL_SERVER_ERROR': 'Un problème est survenu de notre côté. Réessayez dans un instant.',
  'error.INTERNAL_SERVER_ERROR.reference':
    'Un problème est survenu de notre côté (référence {reference}). Réessayez dans un instant.',
  'error.INVALID_CODE': 'Ce code est incorrect. Vérifiez-le et réessayez.',
  'error.INVALID_CODE.remaining':
    '{count, plural, =0 {Ce code est incorrect et il ne reste aucun essai.} one {Ce code est incorrect. Il vous reste # essai.} other {Ce code est incorrect. Il vous reste # essais.}}',
  'error.INVALID_CREDENTIALS': 'L’e-mail ou le mot de passe est incorrect.',
  'error.METHOD_NOT_ENABLED': 'Cette méthode n’est plus utilisable. Choisissez-en une autre.',
  'error.NETWORK': 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  'error.NOT_FOUND': 'Cet élément n’existe plus. Rechargez la page.',
  'error.PHONE_NUMBER_ALREADY_REGISTERED': 'Ce numéro est déjà sur votre compte.',
  'error.PHONE_NUMBER_INVALID':
    'Ce numéro ne peut pas recevoir de codes par SMS. Saisissez un numéro de mobile, comme on le compose dans son pays ou avec + et l’indicatif.',
  'error.RATE_LIMITED': 'Trop de tentatives. Patientez un peu et réessayez.',
  'error.RATE_LIMITED.wait': 'Trop de tentatives. Réessayez dans {wait}.',
  'error.REAUTH_REQUIRED': 'Pour votre sécurité, confirmez votre mot de passe pour continuer.',
  'error.TICKET_EXPIRED': 'Cette connexion a pris trop de temps. Saisissez à nouveau votre mot de passe.',
  'error.TOO_MANY_ATTEMPTS': 'Trop de codes erronés. Recommencez.',
  'error.TOO_MANY_ATTEMPTS.wait': 'Trop de codes erronés. Réessayez dans {wait}.',
  'error.UNAUTHENTICATED': 'Votre session a pris fin. Reconnectez-vous.',
  'error.field.description': 'Vérifiez la description.',
  'error.field.email': 'Vérifiez l’adresse e-mail.',
  'error.field.locale': 'Choisissez l’une des langues proposées.',
  'error.field.name': 'Vérifiez le nom.',
  'error.field.password': 'Vérifiez le mot de passe.',
  'error.field.phoneNumber': 'Vérifiez le numéro de mobile.',
  'wait.hours': '{count, plural, one {# heure} other {# heures}}',
  'wait.minutes': '{count, plural, one {# minute} other {# minutes}}',
  'wait.seconds': '{count, plural, one {# seconde} other {# secondes}}',
  // Authenticator apps (contract v2)
  'methods.added': 'Ajoutée le {date}',
  'methods.kind.sms': 'SMS',
  'methods.nowDefaultMethod': '{method} est désormais votre méthode par défaut.',
  'secondFactor.app': 'Application d’authentification',
  'secondFactor.app.named': 'Application d’authentification ({name})',
  'secondFactor.error.totpIncomplete': 'Saisissez les 6 chiffres affichés par votre application d’authentification.',
  'secondFactor.totpCode': 'Code de l’application',
  'secondFactor.totpCodeHint': 'Les 6 chiffres affichés en ce moment. Un nouveau code apparaît toutes les 30 secondes.',
  'secondFactor.totpIntro':
    'Ouvrez votre application d’authentification et saisissez le code à 6 chiffres affiché pour Twofold.',
  'secondFactor.totpIntro.named':
    'Ouvrez votre application d’authentification (<strong>{name}</strong>) et saisissez le code à 6 chiffres affiché pour Twofold.',
  'summary.apps': '{count, plural, one {# application d’authentification} other {# applications d’authentification}}',
  'secretKey.copied': 'Clé copiée dans le presse-papiers.',
  'secretKey.copy': 'Copier la clé',
  'secretKey.copyFailed':
    'Votre navigateur n’a pas permis la copie. Sélectionnez la clé et copiez-la, ou saisissez-la dans l’application.',
  'totp.addTitle': 'Ajouter une application d’authentification',
  'totp.added': '{app} ajoutée. Vous pouvez l’utiliser pour vous connecter.',
  'totp.descriptionHint': 'Un nom pour reconnaître cette application, par exemple « Appli du téléphone ».',
  'totp.ended.expired':
    'Par sécurité, un code QR ne fonctionne que {minutes, plural, one {# minute} other {# minutes}}, et celui-ci a expiré.',
  'totp.ended.expiredTitle': 'Ce code QR a expiré',
  'totp.ended.gone': 'Cette configuration n’est plus disponible.',
  'totp.ended.removeEntry':
    'Si vous avez déjà ajouté Twofold à votre application, supprimez cette entrée. Recommencez ensuite pour obtenir un nouveau code QR et scannez-le.',
  'totp.ended.tooMany': 'Trop de codes erronés ont été saisis pour ce code QR.',
  'totp.ended.tooManyTitle': 'Trop de codes erronés',
  'totp.expiresAt': 'Ce code QR fonctionne jusqu’à {time}.',
  'totp.manual': 'Impossible de le scanner ? Saisissez plutôt cette clé dans l’application :',
  'totp.manualDetails':
    'Basé sur l’heure, 6 chiffres, un nouveau code toutes les 30 secondes (les réglages habituels).',
  'totp.openApp':
    'Ouvrez une application d’authentification sur votre téléphone, comme Google Authenticator, Microsoft Authenticator ou 1Password, et choisissez d’ajouter un compte.',
  'totp.openOnThisDevice': 'Vous êtes sur ce téléphone ? Ouvrez la clé dans votre application d’authentification',
  'totp.qrFailed': 'Le code QR ne peut pas être affiché ici. Saisissez plutôt la clé.',
  'totp.qrLabel': 'Code QR pour ajouter Twofold à votre application d’authentification',
  'totp.scan': 'Scannez ce code QR avec l’application :',
  'totp.starting': 'Préparation de votre code QR…',
  'totp.step.scan': 'Configurez votre application d’authentification',
  'totp.tryAgain': 'Réessayer',
  'wizard.method.totp': 'Application d’authentification',
  'wizard.method.totpHint':
    'Une application sur votre téléphone affiche un nouveau code à 6 chiffres toutes les 30 secondes. Elle fonctionne sans réseau.',
  // Contract v2 by feature, one catalogue file each (typed by the English ones in en/)
  ...frActivity,
  ...frMethods,
  ...frSessions,
  ...frRememberedDevices,
  ...frSecurityKeys,
  ...frVerifyEmail,
  ...frWasntMe,
  ...frPasswords,
  ...frAccountRecovery,
  ...frVoice,
};
