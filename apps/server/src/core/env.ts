import { DEFAULT_RISK_THRESHOLDS } from '@dossier/domain';
import { Cron } from 'croner';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from './clock/clock.js';
import { parseTrustProxy, type TrustProxy } from './http/trust-proxy.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

function isCronPattern(pattern: string | undefined): boolean {
  if (pattern === undefined) return true;
  try {
    new Cron(pattern, { paused: true });
    return true;
  } catch {
    return false;
  }
}

function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A bare address, or a display name with the address in angle brackets. */
const MAIL_SENDER = /^(?:[^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: optionalText,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
    ),
    // Read replicas of DATABASE_URL's database, comma-separated; analytics and the customer list read there.
    DATABASE_REPLICA_URLS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((url) => url.trim())
          .filter((url) => url !== ''),
      )
      .pipe(
        z.array(z.string().regex(/^postgres(ql)?:\/\//, 'each must be a postgres:// or postgresql:// URL')),
      ),
    // The address people open, e.g. https://dossier.example.com/ behind a TLS proxy: an https one makes the
    // session cookie Secure and turns on HSTS whatever the hop from the proxy to us was.
    DOSSIER_PUBLIC_URL: optionalText.pipe(
      z
        .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
        .transform((url) => new URL(url))
        .optional(),
    ),
    // Which peers may tell us the client's address and scheme (X-Forwarded-For/-Proto): a hop count, or
    // addresses / CIDRs, comma-separated. Unset: only a proxy on this machine (loopback).
    DOSSIER_TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx): TrustProxy => {
        const parsed = parseTrustProxy(value);
        if (parsed !== undefined) return parsed;
        ctx.addIssue({
          code: 'custom',
          message:
            'must be a number of proxies (e.g. 1) or addresses / CIDRs, comma-separated (e.g. 10.0.0.5,10.1.0.0/16)',
        });
        return z.NEVER;
      }),
    DOSSIER_DATA_DIR: optionalText,
    // Where `pnpm dossier backup` writes when given no file (default <project>/backups).
    DOSSIER_BACKUP_DIR: optionalText,
    // Scheduled backups (docs/backup.md): a cron pattern in DOSSIER_TIME_ZONE, e.g. "0 2 * * *"; unset: none.
    DOSSIER_BACKUP_CRON: optionalText.refine(isCronPattern, 'must be a cron pattern such as "0 2 * * *"'),
    // How many of the newest backup files the backup folder keeps.
    DOSSIER_BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
    DOSSIER_SEED: z.enum(['demo', 'none']).default('demo'),
    // Whether this instance runs the scheduled jobs (reminders, reports, inspections; once across the
    // instances in any case). Unset: on, except under NODE_ENV=test, where a test runs the jobs it means to
    // on its own clock rather than every job at today's date behind every server it starts.
    DOSSIER_JOBS: z.enum(['on', 'off']).optional(),
    DOSSIER_WEB_DIST: optionalText,
    // The business calendar's zone: what "today", a period's bounds and an age in days mean.
    DOSSIER_TIME_ZONE: optionalText.pipe(
      z
        .string()
        .refine(isTimeZone, 'must be an IANA time zone name such as Asia/Shanghai')
        .default(DEFAULT_TIME_ZONE),
    ),
    // Thresholds of the risk rules (DOMAIN.md: settings, not constants).
    DOSSIER_RISK_OVERDUE_HIGH_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_RISK_THRESHOLDS.overdueHighDays),
    DOSSIER_RISK_REVENUE_DECLINE_PERCENT: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(DEFAULT_RISK_THRESHOLDS.revenueDeclinePercent),
    DOSSIER_REVIEW_INTERVAL_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_RISK_THRESHOLDS.reviewIntervalDays),
    DOSSIER_RISK_COMPLAINT_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_RISK_THRESHOLDS.complaintMaxAgeDays),
    // Relationship care (亲情化管理): birthdays, festivals and founding anniversaries reach the inbox this
    // many days ahead.
    DOSSIER_CARE_LEAD_DAYS: z.coerce.number().int().min(0).max(60).default(3),
    // After a handover, the new owner is reminded to introduce themselves for this many days.
    DOSSIER_HANDOVER_INTRO_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    // What one request may ask of the API (README "API limits"); every web and GraphiQL operation fits.
    DOSSIER_MAX_DEPTH: z.coerce.number().int().min(1).default(10),
    DOSSIER_MAX_ALIASES: z.coerce.number().int().min(0).default(30),
    DOSSIER_MAX_COST: z.coerce.number().int().min(1).default(50_000),
    DOSSIER_MAX_TOKENS: z.coerce.number().int().min(100).default(5_000),
    DOSSIER_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    // A GraphQL request unanswered (or its body not yet received) after this is answered TIMEOUT (503).
    DOSSIER_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    // How long a document upload's body may take to arrive: 25 MB over a slow tablet link needs minutes.
    // Node stops receiving any request after the longer of the two (408).
    DOSSIER_UPLOAD_TIMEOUT_MS: z.coerce.number().int().min(100).default(600_000),
    // PostgreSQL cancels any one statement of the server's after this (statement_timeout on every connection).
    DOSSIER_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    // Fail fast when PostgreSQL is away (issue 12): a new connection gives up after CONNECT, a request
    // waiting for a pooled one after ACQUIRE; either is answered SERVICE_UNAVAILABLE (503), not a hang.
    DOSSIER_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
    DOSSIER_DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    // On SIGTERM/SIGINT, in-flight requests get this long to finish before their connections are closed.
    DOSSIER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(20_000),
    // Requests per token (per address when signed out) in a window, counted in PostgreSQL for every instance.
    DOSSIER_RATE_LIMIT: z.coerce.number().int().min(1).default(1_200),
    DOSSIER_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    // /metrics answers only `Authorization: Bearer <this>`; unset, it is a 404. Long enough not to be guessed.
    DOSSIER_METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    // A GraphQL operation slower than this is logged (warn) with its name, duration and request id.
    DOSSIER_SLOW_OPERATION_MS: z.coerce.number().int().min(0).default(1_000),
    // Optional e-mail of the inbox's reminders (issue 14): smtp://user:pass@host:port (smtps:// for TLS from
    // the first byte); unset, the inbox in the app is the only channel. FROM is the sender shown.
    DOSSIER_SMTP_URL: optionalText.pipe(
      z
        .string()
        .refine(
          isSmtpUrl,
          'must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587',
        )
        .optional(),
    ),
    DOSSIER_SMTP_FROM: optionalText.pipe(
      z
        .string()
        .regex(
          MAIL_SENDER,
          'must be an address such as dossier@example.com or "Dossier <dossier@example.com>"',
        )
        .optional(),
    ),
  })
  .refine((env) => !env.DOSSIER_SMTP_URL || env.DOSSIER_SMTP_FROM, {
    path: ['DOSSIER_SMTP_FROM'],
    message: 'is needed with DOSSIER_SMTP_URL: the address the reminders are sent from',
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Validates the whole environment at once so that a misconfigured start lists every problem. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return parsed.data;
}
