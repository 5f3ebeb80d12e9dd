import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from './env.js';

describe('loadEnv', () => {
  it('applies the documented defaults', () => {
    expect(loadEnv({})).toEqual({
      NODE_ENV: 'development',
      PORT: 4000,
      LOG_LEVEL: 'info',
      DATABASE_REPLICA_URLS: [],
      DOSSIER_BACKUP_KEEP: 7,
      DOSSIER_SEED: 'demo',
      DOSSIER_TIME_ZONE: 'Asia/Shanghai',
      DOSSIER_RISK_OVERDUE_HIGH_DAYS: 90,
      DOSSIER_RISK_REVENUE_DECLINE_PERCENT: 30,
      DOSSIER_REVIEW_INTERVAL_DAYS: 60,
      DOSSIER_RISK_COMPLAINT_DAYS: 7,
      DOSSIER_CARE_LEAD_DAYS: 3,
      DOSSIER_HANDOVER_INTRO_DAYS: 30,
      DOSSIER_MAX_DEPTH: 10,
      DOSSIER_MAX_ALIASES: 30,
      DOSSIER_MAX_COST: 50_000,
      DOSSIER_MAX_TOKENS: 5_000,
      DOSSIER_MAX_BODY_BYTES: 1_048_576,
      DOSSIER_REQUEST_TIMEOUT_MS: 30_000,
      DOSSIER_UPLOAD_TIMEOUT_MS: 600_000,
      DOSSIER_STATEMENT_TIMEOUT_MS: 30_000,
      DOSSIER_DB_CONNECT_TIMEOUT_MS: 5_000,
      DOSSIER_DB_ACQUIRE_TIMEOUT_MS: 10_000,
      DOSSIER_SHUTDOWN_TIMEOUT_MS: 20_000,
      DOSSIER_RATE_LIMIT: 1_200,
      DOSSIER_RATE_LIMIT_WINDOW_SECONDS: 60,
      DOSSIER_SLOW_OPERATION_MS: 1_000,
      DOSSIER_TRUST_PROXY: ['loopback'],
    });
  });

  it('treats empty strings as unset', () => {
    expect(loadEnv({ DATABASE_URL: '', HOST: ' ' }).DATABASE_URL).toBeUndefined();
  });

  it('reads the replicas as a comma-separated list of PostgreSQL URLs', () => {
    expect(
      loadEnv({ DATABASE_REPLICA_URLS: ' postgresql://r1/dossier, ,postgres://r2/dossier ' })
        .DATABASE_REPLICA_URLS,
    ).toEqual(['postgresql://r1/dossier', 'postgres://r2/dossier']);
    expect(() => loadEnv({ DATABASE_REPLICA_URLS: 'postgresql://r1/dossier,r2:5432' })).toThrow(
      /DATABASE_REPLICA_URLS.*postgres:\/\//,
    );
  });

  it('takes any IANA time zone for the business calendar', () => {
    expect(loadEnv({ DOSSIER_TIME_ZONE: 'Europe/Berlin' }).DOSSIER_TIME_ZONE).toBe('Europe/Berlin');
  });

  it('takes an optional SMTP server with its sender, and refuses one without a sender', () => {
    const env = loadEnv({
      DOSSIER_SMTP_URL: 'smtp://dossier:secret@mail.example.com:587',
      DOSSIER_SMTP_FROM: '客户档案 <dossier@example.com>',
    });
    expect([env.DOSSIER_SMTP_URL, env.DOSSIER_SMTP_FROM]).toEqual([
      'smtp://dossier:secret@mail.example.com:587',
      '客户档案 <dossier@example.com>',
    ]);
    expect(loadEnv({}).DOSSIER_SMTP_URL).toBeUndefined();
    expect(() => loadEnv({ DOSSIER_SMTP_URL: 'http://mail.example.com' })).toThrow(
      /DOSSIER_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => loadEnv({ DOSSIER_SMTP_URL: 'smtp://mail.example.com' })).toThrow(
      /DOSSIER_SMTP_FROM: is needed with DOSSIER_SMTP_URL/,
    );
    expect(() =>
      loadEnv({ DOSSIER_SMTP_URL: 'smtp://mail.example.com', DOSSIER_SMTP_FROM: 'dossier' }),
    ).toThrow(/DOSSIER_SMTP_FROM: must be an address/);
  });

  it('takes a cron pattern for scheduled backups and refuses anything else', () => {
    expect(loadEnv({ DOSSIER_BACKUP_CRON: '0 2 * * *' }).DOSSIER_BACKUP_CRON).toBe('0 2 * * *');
    expect(() => loadEnv({ DOSSIER_BACKUP_CRON: 'every night' })).toThrow(
      /DOSSIER_BACKUP_CRON.*cron pattern/,
    );
    expect(() => loadEnv({ DOSSIER_BACKUP_KEEP: '0' })).toThrow(/DOSSIER_BACKUP_KEEP/);
  });

  it('takes the public URL and which proxies to trust, and refuses what Express could not use', () => {
    const env = loadEnv({ DOSSIER_PUBLIC_URL: 'https://dossier.example.com/', DOSSIER_TRUST_PROXY: '1' });
    expect(env.DOSSIER_PUBLIC_URL?.href).toBe('https://dossier.example.com/');
    expect(env.DOSSIER_TRUST_PROXY).toBe(1);
    expect(loadEnv({ DOSSIER_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).DOSSIER_TRUST_PROXY).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
    ]);
    expect(() => loadEnv({ DOSSIER_PUBLIC_URL: 'dossier.example.com' })).toThrow(
      /DOSSIER_PUBLIC_URL: must be an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => loadEnv({ DOSSIER_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/DOSSIER_TRUST_PROXY/);
    expect(() => loadEnv({ DOSSIER_TRUST_PROXY: 'the proxy' })).toThrow(/DOSSIER_TRUST_PROXY/);
  });

  it('lists every problem at once', () => {
    let caught: unknown;
    try {
      loadEnv({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        DOSSIER_SEED: 'all',
        DOSSIER_TIME_ZONE: 'Asia/Beijing',
        DOSSIER_RISK_REVENUE_DECLINE_PERCENT: '120',
        DOSSIER_REVIEW_INTERVAL_DAYS: '0',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    expect((caught as EnvError).problems.map((p) => p.split(':')[0])).toEqual([
      'PORT',
      'DATABASE_URL',
      'DOSSIER_SEED',
      'DOSSIER_TIME_ZONE',
      'DOSSIER_RISK_REVENUE_DECLINE_PERCENT',
      'DOSSIER_REVIEW_INTERVAL_DAYS',
    ]);
  });
});
