import type { SmsView } from '../sms-support/sms-support.service';
import type { SupportAccountView, SupportResetResult } from '../support/support.service';

/** Human-readable answers of the operator CLI (`--json` prints the same objects as JSON instead). */

const at = (d: Date | null | undefined): string => (d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : '-');

/** Aligned "label  value" lines. */
function fields(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${`${k}:`.padEnd(width + 2)}${v}`).join('\n');
}

function recovery(r: SupportAccountView['pendingRecovery']): string {
  if (!r) return 'none';
  if (r.status === 'WAITING') return `WAITING since ${at(r.confirmedAt)}: 2FA removable from ${at(r.readyAt)} (until ${at(r.expiresAt)})`;
  return `REQUESTED ${at(r.startedAt)}: link e-mailed, not confirmed (expires ${at(r.expiresAt)})`;
}

export function formatAccount(v: SupportAccountView): string {
  const methods = v.twoFactor.methods.length
    ? v.twoFactor.methods.map((m) => `  - ${m.kind.padEnd(12)} ${m.label}${m.description && m.label !== m.description ? ` (${m.description})` : ''}${m.isDefault ? '  [default]' : ''}${m.status !== 'ENABLED' ? `  [${m.status}]` : ''}  last used ${at(m.lastUsedAt)}`).join('\n')
    : '  (none)';
  const events = v.recentEvents.length
    ? v.recentEvents.map((e) => `  ${at(e.at)}  ${e.type}${e.detail ? `  ${e.detail}` : ''}`).join('\n')
    : '  (none)';
  return [
    fields([
      ['Account', v.account.id],
      ['E-mail', `${v.account.email} (${v.account.emailVerified ? 'verified' : 'not verified'})`],
      ['Name', v.account.name],
      ['Language', v.account.locale],
      ['Created', at(v.account.createdAt)],
      ['2FA', v.twoFactor.enabled ? 'on' : 'off'],
      ['Emergency codes left', String(v.twoFactor.emergencyCodesLeft)],
      ['Sessions', String(v.sessions)],
      ['Remembered devices', String(v.rememberedDevices)],
      ['Pending recovery', recovery(v.pendingRecovery)],
    ]),
    'Methods:',
    methods,
    `Recent security events (last ${v.recentEvents.length}, newest first):`,
    events,
  ].join('\n');
}

export function formatReset(r: SupportResetResult): string {
  return [
    `Two-factor authentication is off for ${r.email} (${r.accountId}).`,
    fields([
      ['Methods removed', String(r.methodsRemoved)],
      ['Emergency codes deleted', String(r.emergencyCodesDeleted)],
      ['Remembered devices forgotten', String(r.rememberedDevicesForgotten)],
      ['Sessions ended', String(r.sessionsEnded)],
      ['Recoveries cancelled', String(r.recoveriesCancelled)],
      ['SMS notices queued', r.noticesQueued.length ? r.noticesQueued.join(', ') : 'none'],
    ]),
  ].join('\n');
}

export function formatSms(s: SmsView): string {
  const rows: [string, string][] = [
    ['SMS', s.id],
    ['Account', s.accountId ? `${s.accountId}${s.email ? ` (${s.email})` : ''}` : '-'],
    ['Purpose', s.purpose],
    ['Channel', s.channel === 'VOICE' ? 'VOICE (a call reads the code out)' : 'SMS'],
    ['To', s.maskedPhoneNumber],
    ['State', s.status],
    ['Provider', s.provider ? `${s.provider}${s.providerMessageId ? ` (message ${s.providerMessageId})` : ''}` : '-'],
    ['Attempts', String(s.attempts)],
    ['Failure reason', s.failureReason ?? '-'],
    ['Created', at(s.createdAt)],
    ['Handed to the queue', at(s.enqueuedAt)],
    ['Sent', at(s.sentAt)],
    ['Delivered (receipt)', at(s.receipts.deliveredAt)],
    ['Failed', at(s.receipts.failedAt)],
    ['Updated', at(s.updatedAt)],
  ];
  s.deliveryAttempts.forEach((a, i) =>
    rows.push([`Provider turn ${i + 1}`, `${a.provider} ${a.status}${a.fallbackCause ? ` (fallback: ${a.fallbackCause})` : ''}, sent ${at(a.sentAt)}, delivered ${at(a.deliveredAt)}, failed ${at(a.failedAt)}${a.failureReason ? ` (${a.failureReason})` : ''}`]),
  );
  if (s.code) rows.push(['Code', `${s.code.state}, expires ${at(s.code.expiresAt)}${s.code.retriedAs && !s.code.state.includes(s.code.retriedAs) ? ` (retried as ${s.code.retriedAs})` : ''}`]);
  return fields(rows);
}
