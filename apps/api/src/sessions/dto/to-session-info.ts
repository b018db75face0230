import type { SessionListRow } from '../session.store';
import type { SessionInfoModel } from './session-info.type';

/** Never the token hash: the list carries what the customer needs to recognise a device. */
export function toSessionInfoModel(r: SessionListRow, currentSessionId: string): SessionInfoModel {
  return {
    id: r.id,
    current: r.id === currentSessionId,
    createdAt: r.created_at,
    lastSeenAt: r.last_used_at,
    expiresAt: r.expires_at,
    ipAddress: r.last_ip,
    userAgent: r.last_user_agent,
    secondFactor: r.second_factor === true,
  };
}
