import { pino } from 'pino';
import { build as prettyStream } from 'pino-pretty';
import type { Env } from './env.js';

export type Logger = pino.Logger;

/** Credentials and personal data never reach the log, whatever a caller passes. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  'variables',
];

/** The fields of requestLogging's line, which the pretty format writes as `GET /graphql 200 12 ms`. */
const REQUEST_FIELDS = ['method', 'path', 'status', 'ms'] as const;

/** A request as one short line; any other record keeps its message, and its duration when it has one. */
export function prettyMessage(log: Record<string, unknown>, messageKey: string): string {
  const ms = typeof log.ms === 'number' ? `${Math.round(log.ms)} ms` : null;
  if (log[messageKey] === 'request' && REQUEST_FIELDS.every((field) => field in log)) {
    return `${log.method} ${log.path} ${log.status} ${ms}`;
  }
  return `${String(log[messageKey] ?? '')}${ms ? ` (${ms})` : ''}`;
}

/**
 * Pretty, coloured, one line per record for a person at a terminal: never in production, and only when
 * stdout is a TTY (a pipe to a log collector gets JSON, one object per line).
 */
export function wantsPrettyLogs(env: Pick<Env, 'NODE_ENV'>, stdout: { isTTY?: boolean } = process.stdout) {
  return env.NODE_ENV === 'development' && stdout.isTTY === true;
}

/** `destination`: where JSON lines go (stdout unless a test captures them); `pretty`: for a terminal. */
export function createLogger(
  env: Pick<Env, 'LOG_LEVEL' | 'NODE_ENV'>,
  {
    pretty = wantsPrettyLogs(env),
    destination,
  }: { pretty?: boolean; destination?: pino.DestinationStream } = {},
): Logger {
  const options: pino.LoggerOptions = {
    level: env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'dossier' },
  };
  if (!pretty) return destination ? pino(options, destination) : pino(options);
  return pino(
    options,
    prettyStream({
      colorize: destination === undefined,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: ['pid', 'hostname', 'service', 'requestId', ...REQUEST_FIELDS].join(','),
      messageFormat: prettyMessage,
      destination: destination ?? 1,
      sync: true,
    }),
  );
}
