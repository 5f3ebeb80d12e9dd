import { ReminderKind } from '@dossier/domain';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { sample } from '../../../test/metrics-sample.js';
import { fixedClock } from '../../core/clock/clock.js';
import type { Mail, Mailer } from '../../core/mail/mailer.js';
import { DossierMetrics } from '../../core/metrics/metrics.js';
import type { Staff } from '../staff/staff.entity.js';
import { deliverReminders } from './inbox.sweep.js';
import { inboxMailJob } from './inbox-mail.job.js';

const clock = fixedClock('2027-03-03T01:00:00Z');
const db = await testDatabase({ clock });
const build = builders(db.orm);

/** A mailer that keeps what it was given, and refuses one address as an SMTP server would. */
function capturingMailer(refused: string) {
  const sent: Mail[] = [];
  const mailer: Mailer = {
    send: async (mail) => {
      if (mail.to === refused) throw new Error('550 mailbox unavailable');
      sent.push(mail);
    },
  };
  return { sent, mailer };
}

let rep: Staff;
let broken: Staff;
beforeAll(async () => {
  rep = await build.staff({ name: '王销售', email: 'wang@example.com' });
  broken = await build.staff({ name: '赵销售', email: 'zhao@example.com' });
  const drafts = [rep, broken].map((staff) => ({
    kind: ReminderKind.CREDIT_REPORT_EXPIRED,
    recipientId: staff.id,
    key: 'k',
    customerId: null,
    dueOn: '2027-03-01',
    params: { customer: '华东机电', validUntil: '2027-03-01', days: 2 },
    link: '/customers/Q3VzdG9tZXI6MQ/credit',
  }));
  await db.orm.em
    .fork()
    .transactional((em) =>
      deliverReminders(
        em,
        { kind: ReminderKind.CREDIT_REPORT_EXPIRED, settles: false, collect: async () => [] },
        drafts,
        '2027-03-03',
      ),
    );
});

const mailedAt = async () =>
  db.orm.em.fork().execute<Array<{ email: string; mailed: boolean }>>(
    `select s.email, i.mailed_at is not null as mailed from inbox_item i join staff s on s.id = i.recipient_id
       order by s.email`,
  );

describe('the inbox mail job', () => {
  it('mails each open item once, in both languages; a refused one is counted and waits for the next run', async () => {
    const { sent, mailer } = capturingMailer('zhao@example.com');
    const logged: string[] = [];
    const log = pino({ level: 'warn' }, { write: (line: string) => logged.push(line) });
    const metrics = new DossierMetrics(db.orm, log);
    const job = inboxMailJob(mailer, { log, failures: metrics });
    expect([job.name, job.cron, job.catchUp]).toEqual(['inbox_mail', '* * * * *', 'latest']);

    await job.run(db.orm, clock.now(), clock);
    expect(sent).toEqual([
      {
        to: 'wang@example.com',
        subject:
          '【客户档案】华东机电 的资信报告已于 2027-03-01 过期 / The credit report of 华东机电 expired on 2027-03-01',
        text:
          '华东机电 的资信报告已于 2027-03-01 过期\nThe credit report of 华东机电 expired on 2027-03-01\n\n' +
          '请在客户档案系统中处理 / Act on it in Dossier: /customers/Q3VzdG9tZXI6MQ/credit\n',
      },
    ]);
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0] as string).msg).toBe('reminder mail not sent; retried next run');
    expect(sample(await metrics.scrape(), 'dossier_mail_failures_total')).toBe(1);
    expect(await mailedAt()).toEqual([
      { email: 'wang@example.com', mailed: true },
      { email: 'zhao@example.com', mailed: false },
    ]);

    // the next minute: nothing twice; the refused one goes once its mailbox works
    const retry = capturingMailer('nobody@example.com');
    await inboxMailJob(retry.mailer, { log, failures: metrics }).run(db.orm, clock.now(), clock);
    expect(retry.sent.map((m) => m.to)).toEqual(['zhao@example.com']);
    expect((await mailedAt()).every((row) => row.mailed)).toBe(true);
    expect(sample(await metrics.scrape(), 'dossier_mail_failures_total')).toBe(1);
  });
});
