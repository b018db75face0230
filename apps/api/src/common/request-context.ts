import type { Request, Response } from 'express';
import type { AccountEntity, SessionEntity } from '@twofold/persistence';
import { requestIdOf } from './request-id';

export interface AuthState {
  session: SessionEntity;
  account: AccountEntity;
  /** The bearer token of this request (never stored), echoed when a session is refreshed. */
  token: string;
  /** Whether the account had an ENABLED number when the session was resolved (start of the request). */
  twoFactorEnabled: boolean;
}

/** What a security event or an SMS records about who asked. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  /** X-Request-Id of the request (log lines about it carry it); null outside a request. */
  requestId?: string | null;
}

export interface GraphqlContext {
  req: Request;
  res: Response;
  meta: RequestMeta;
  /** Filled by SessionGuard: null when the request has no valid session. */
  auth: AuthState | null;
}

export function requestMeta(req: Request): RequestMeta {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? req.socket?.remoteAddress ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 512) : null, requestId: requestIdOf(req) };
}

export function bearerToken(req: Request): string | null {
  const header = req.headers['authorization'];
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  return match ? match[1] : null;
}
