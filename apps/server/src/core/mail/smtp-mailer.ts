import nodemailer from 'nodemailer';
import type { Env } from '../env.js';
import type { Mail, Mailer } from './mailer.js';

/** Seconds a mail may wait for the SMTP server: a reminder sweep must not hang on a dead mail host. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** A mail the SMTP server did not accept; the message names the server and the reason, never the password. */
export class MailNotSentError extends Error {
  constructor(server: string, cause: unknown) {
    const reason =
      (cause as { code?: string }).code === 'ECONNREFUSED' ||
      /ECONNREFUSED/.test(String((cause as Error)?.message))
        ? 'refused the connection'
        : `answered: ${cause instanceof Error ? cause.message : String(cause)}`;
    super(`the mail was not sent: the SMTP server ${server} ${reason}`, { cause });
    this.name = 'MailNotSentError';
  }
}

/**
 * The mailer of DOSSIER_SMTP_URL, sending from DOSSIER_SMTP_FROM, or null when SMTP is not configured.
 * Plain text in UTF-8 (nodemailer encodes Chinese subjects and bodies for 7-bit servers); one connection
 * per mail, since reminders go out a few dozen a day.
 */
export function createMailer(env: Pick<Env, 'DOSSIER_SMTP_URL' | 'DOSSIER_SMTP_FROM'>): Mailer | null {
  if (!env.DOSSIER_SMTP_URL) return null;
  const url = new URL(env.DOSSIER_SMTP_URL);
  const server = `${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`;
  const transport = nodemailer.createTransport({ url: env.DOSSIER_SMTP_URL, ...TIMEOUTS });
  return {
    async send(mail: Mail) {
      try {
        await transport.sendMail({
          from: env.DOSSIER_SMTP_FROM,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
        });
      } catch (error) {
        throw new MailNotSentError(server, error);
      }
    },
  };
}
