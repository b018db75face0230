import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountEntity } from '@twofold/persistence';

/** SQL of the account table for the accounts wing. */
@Injectable()
export class AccountStore {
  constructor(private readonly db: DataSource) {}

  emailTaken(emailNormalized: string): Promise<boolean> {
    return this.db.manager.exists(AccountEntity, { where: { emailNormalized } });
  }

  async setLocale(accountId: string, locale: string): Promise<void> {
    await this.db.manager.update(AccountEntity, { id: accountId }, { locale });
  }
}
