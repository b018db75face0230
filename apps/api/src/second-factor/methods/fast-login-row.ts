import { toAccountModel } from '../../accounts/dto/to-account';
import type { SessionModel } from '../../sessions/dto/session.type';

/** What a one-statement login (SMS, authenticator app) answers: the account and the new session's expiry. */
export interface FastLoginRow {
  id: string;
  email: string;
  name: string;
  created_at: Date;
  locale: string;
  expires_at: Date;
}

/** The Session answer of a fast path, from the token it minted and the row its statement returned. */
export function sessionFromFastRow(token: string, row: FastLoginRow): SessionModel {
  return { token, expiresAt: row.expires_at, account: toAccountModel({ id: row.id, email: row.email, name: row.name, createdAt: row.created_at, locale: row.locale }) };
}
