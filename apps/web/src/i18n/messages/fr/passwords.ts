import type { enPasswords } from '../en/passwords';

/** French, issue 13: changement de mot de passe (page Sécurité), mot de passe oublié et la page du lien. */
export const frPasswords: Record<keyof typeof enPasswords, string> = {
  'error.INVALID_TOKEN': 'Ce lien n’est pas valide, a expiré ou a déjà servi. Demandez-en un nouveau.',
  'error.field.currentPassword': 'Vérifiez votre mot de passe actuel.',
  'error.field.newPassword': 'Choisissez un autre nouveau mot de passe : au moins 10 caractères, et pas un mot de passe courant.',
};
