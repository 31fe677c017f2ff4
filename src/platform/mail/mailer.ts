import type { Transporter } from 'nodemailer';

/** One plain-text e-mail (reminders carry no HTML and no attachments). */
export type MailMessage = { to: string; subject: string; text: string };

/** Sends e-mail; rejects when the server refuses or cannot be reached (the caller keeps what it could not send). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * A mailer over the SMTP server of GONGKAI_SMTP_URL (docs/operations.md), with timeouts so that a
 * mail server that hangs does not hold a background job for long.
 */
export function smtpMailer(smtp: { url: string; from: string }): Mailer {
  const u = new URL(smtp.url);
  const secure = u.protocol === 'smtps:';
  // nodemailer is loaded with the first e-mail, not at start (about 12 MB; docs/performance.md "RSS").
  let transport: Promise<Transporter> | null = null;
  const open = async () => (await import('nodemailer')).default.createTransport({
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 25,
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      transport ??= open();
      await (await transport).sendMail({ ...message, from: smtp.from });
    },
  };
}
