/**
 * Sends e-mail when the company configured SMTP (DOSSIER_SMTP_URL); without it Dossier has no mailer and
 * the inbox in the app is the only channel (issue 14).
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message; rejects when it did not. */
  send(mail: Mail): Promise<void>;
}
