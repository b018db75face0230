import { ConfigError, int, type Env } from './env-readers';

/**
 * E-mail (issue 13). The API only writes e-mails to the outbox, so it needs no SMTP settings;
 * the worker sends them when SMTP_URL is set (then MAIL_FROM is required) and leaves the e-mail
 * queue alone otherwise (the rows wait, QUEUED, until a worker with SMTP_URL starts).
 */
export interface MailConfig {
  /** SMTP_URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465; unset = this process sends no mail. */
  smtpUrl?: string;
  /** MAIL_FROM: the From header, e.g. `Twofold <no-reply@example.com>`. */
  from?: string;
  /** EMAIL_PER_ACCOUNT_PER_HOUR [5]: e-mails of any kind one account may cause per hour. */
  perAccountPerHour: number;
  /** EMAIL_PER_IP_PER_HOUR [20]: e-mails caused from one client (IPv4 address or IPv6 /64) per hour, whatever the account. */
  perIpPerHour: number;
  /** EMAIL_BUDGET_GLOBAL_PER_HOUR [2000]: e-mails of every account together per hour. */
  globalPerHour: number;
  /** EMAIL_VERIFICATION_TTL_SECONDS [86400]: how long a verification link works. */
  verificationTtlSeconds: number;
  /**
   * EMAIL_NOTICES_PER_ACCOUNT_PER_HOUR [10]: security-notice e-mails per account per hour. Their own
   * budget: notices never spend EMAIL_PER_ACCOUNT_PER_HOUR nor the IP's, so a flood of changes
   * cannot block the customer's own links; they count toward (and stop at) the global budget.
   */
  noticesPerAccountPerHour: number;
  /** SECURITY_ALERT_TTL_SECONDS [604800]: how long the "This wasn't me" link of a notice works (7 days). */
  securityAlertTtlSeconds: number;
  /**
   * RECOVERY_DELAY_SECONDS [259200, 72 h]: lost-phone recovery's cooling-off delay, from the
   * confirmed recovery link to the moment the password plus that link may turn 2FA off.
   */
  recoveryDelaySeconds: number;
  /** RECOVERY_LINK_TTL_SECONDS [3600]: how long the e-mailed recovery link waits for its confirmation. */
  recoveryLinkTtlSeconds: number;
  /** EMAIL_WORKER_CONCURRENCY [5]: SMTP sends in flight per worker process. */
  workerConcurrency: number;
}

export function loadMailConfig(env: Env): MailConfig {
  const smtpUrl = env['SMTP_URL']?.trim() || undefined;
  if (smtpUrl) {
    let parsed: URL;
    try {
      parsed = new URL(smtpUrl);
    } catch {
      return fail('SMTP_URL', 'must be a URL such as smtp://user:password@host:587');
    }
    if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') fail('SMTP_URL', 'must start with smtp: or smtps:');
  }
  const from = env['MAIL_FROM']?.trim() || undefined;
  if (smtpUrl && !from) fail('MAIL_FROM', 'is required when SMTP_URL is set');
  if (from && !/[^@\s<]+@[^@\s>]+/.test(from)) fail('MAIL_FROM', `must be an address such as "Twofold <no-reply@example.com>", got "${from}"`);
  return {
    smtpUrl,
    from,
    perAccountPerHour: int(env, 'EMAIL_PER_ACCOUNT_PER_HOUR', 5, 1),
    perIpPerHour: int(env, 'EMAIL_PER_IP_PER_HOUR', 20, 1),
    globalPerHour: int(env, 'EMAIL_BUDGET_GLOBAL_PER_HOUR', 2000, 1),
    verificationTtlSeconds: int(env, 'EMAIL_VERIFICATION_TTL_SECONDS', 86400, 60),
    noticesPerAccountPerHour: int(env, 'EMAIL_NOTICES_PER_ACCOUNT_PER_HOUR', 10, 1),
    securityAlertTtlSeconds: int(env, 'SECURITY_ALERT_TTL_SECONDS', 604800, 3600),
    recoveryDelaySeconds: int(env, 'RECOVERY_DELAY_SECONDS', 259200, 60),
    recoveryLinkTtlSeconds: int(env, 'RECOVERY_LINK_TTL_SECONDS', 3600, 60),
    workerConcurrency: int(env, 'EMAIL_WORKER_CONCURRENCY', 5, 1, 100),
  };
}

function fail(name: string, problem: string): never {
  throw new ConfigError(name, problem);
}
