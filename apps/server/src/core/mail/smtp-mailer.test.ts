import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../database/free-port.js';
import { createMailer } from './smtp-mailer.js';

interface Received {
  from: string;
  to: string[];
  login: string | undefined;
  raw: Buffer;
}

const received: Received[] = [];
// A local SMTP sink on a loopback port: it asks for the password the URL carries and keeps every message.
const sink = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  allowInsecureAuth: true,
  logger: false,
  onAuth(auth, _session, callback) {
    if (auth.username === 'dossier' && auth.password === 's3cret') callback(null, { user: auth.username });
    else callback(new Error('wrong password'));
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        login: session.user as string | undefined,
        raw: Buffer.concat(chunks),
      });
      callback();
    });
  },
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  port = (sink.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => sink.close(resolve)));

describe('the SMTP mailer', () => {
  it('is absent when no SMTP server is configured', () => {
    expect(createMailer({ DOSSIER_SMTP_URL: undefined, DOSSIER_SMTP_FROM: undefined })).toBeNull();
  });

  it('sends a plain mail in UTF-8 through the configured server, signed in', async () => {
    const mailer = createMailer({
      DOSSIER_SMTP_URL: `smtp://dossier:s3cret@127.0.0.1:${port}`,
      DOSSIER_SMTP_FROM: '客户档案 <dossier@example.com>',
    });
    await mailer?.send({
      to: 'zhang.wei@example.com',
      subject: '提醒：华东机电（A 类）档案需复核',
      text: '张伟，您好：\n华东机电的档案已 60 天未复核，请在收件箱中处理。',
    });
    expect(received).toHaveLength(1);
    const [mail] = received as [Received];
    expect([mail.from, mail.to, mail.login]).toEqual([
      'dossier@example.com',
      ['zhang.wei@example.com'],
      'dossier',
    ]);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.subject).toBe('提醒：华东机电（A 类）档案需复核');
    expect(parsed.text).toBe('张伟，您好：\n华东机电的档案已 60 天未复核，请在收件箱中处理。');
    expect(parsed.from?.value).toEqual([{ address: 'dossier@example.com', name: '客户档案' }]);
  });

  it('rejects a send the server refused, naming the server and not the password', async () => {
    const closed = await findFreePort();
    const mailer = createMailer({
      DOSSIER_SMTP_URL: `smtp://dossier:s3cret@127.0.0.1:${closed}`,
      DOSSIER_SMTP_FROM: 'dossier@example.com',
    });
    const sending = mailer?.send({ to: 'zhang.wei@example.com', subject: 'x', text: 'y' });
    await expect(sending).rejects.toThrow(
      `the mail was not sent: the SMTP server 127.0.0.1:${closed} refused the connection`,
    );
    await expect(sending).rejects.not.toThrow(/s3cret/);
  });
});
