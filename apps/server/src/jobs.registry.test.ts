import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './core/env.js';
import { scheduledJobsFor } from './jobs.registry.js';

const log = pino({ level: 'silent' });
const namesFor = (settings: Record<string, string>) =>
  scheduledJobsFor(loadEnv({ DATABASE_URL: 'postgres://localhost/dossier', ...settings }), log).map(
    (job) => job.name,
  );
const SMTP = { DOSSIER_SMTP_URL: 'smtp://127.0.0.1:2525', DOSSIER_SMTP_FROM: 'dossier@example.com' };

describe('the scheduled jobs of a server', () => {
  it.each([
    ['production', { NODE_ENV: 'production' }, ['reminders', 'monthly_report', 'archive_inspection']],
    [
      'production with SMTP',
      { NODE_ENV: 'production', ...SMTP },
      ['reminders', 'monthly_report', 'archive_inspection', 'inbox_mail'],
    ],
    ['an API-only instance', { NODE_ENV: 'production', DOSSIER_JOBS: 'off' }, []],
    ['a test server', { NODE_ENV: 'test' }, []],
    [
      'a test server asking for them',
      { NODE_ENV: 'test', DOSSIER_JOBS: 'on' },
      ['reminders', 'monthly_report', 'archive_inspection'],
    ],
  ])('%s', (_name, settings, jobs) => {
    expect(namesFor(settings)).toEqual(jobs);
  });
});
