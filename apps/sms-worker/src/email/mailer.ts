import { createTransport, type Transporter } from 'nodemailer';
import type { RenderedEmail } from './email-templates';

/** The SMTP server refused the message for good (5xx): no retry. */
export class PermanentMailError extends Error {
  override readonly name = 'PermanentMailError';
}

/** A failure worth retrying: connection, timeout, 4xx. */
export class TransientMailError extends Error {
  override readonly name = 'TransientMailError';
}

export interface Mailer {
  /** Answers the Message-ID the server accepted. Errors name the SMTP code, never the address or the body. */
  send(messageId: string, to: string, mail: RenderedEmail): Promise<string>;
  close(): void;
}

/** nodemailer over SMTP_URL (smtp:// with STARTTLS when offered, smtps:// for implicit TLS). */
export function createSmtpMailer(smtpUrl: string, from: string, timeoutMs: number, host = 'twofold'): Mailer {
  const transport: Transporter = createTransport({
    url: smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(messageId, to, mail) {
      try {
        const info = await transport.sendMail({
          from,
          to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: `<${messageId}@${host}>`,
          headers: { 'X-Twofold-Message-Id': messageId },
        });
        return String(info.messageId);
      } catch (err) {
        const e = err as { responseCode?: number; code?: string };
        const what = e.responseCode ? `smtp ${e.responseCode}` : `smtp ${e.code ?? 'error'}`;
        if (e.responseCode && e.responseCode >= 500 && e.responseCode < 600) throw new PermanentMailError(`${what}: refused`);
        throw new TransientMailError(`${what}: try again`);
      }
    },
    close() {
      transport.close();
    },
  };
}
