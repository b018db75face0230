import type { AccountEntity } from '@twofold/persistence';
import { initialsOf } from '@twofold/two-factor-domain';
import type { AccountModel } from './account.type';

export function toAccountModel(a: Pick<AccountEntity, 'id' | 'email' | 'name' | 'createdAt' | 'locale'>): AccountModel {
  return { id: a.id, email: a.email, name: a.name, initials: initialsOf(a.name), createdAt: a.createdAt, locale: a.locale };
}
