import { existsSync } from 'node:fs';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { defaultDataDir, openDatabaseOrLive } from '../../core/database/connect.js';
import { ormConfig } from '../../core/database/orm.js';
import { type Env, EnvError, loadEnv } from '../../core/env.js';
import { createLogger } from '../../core/logger.js';
import { backupFolder } from '../../modules/backup/backup.write.js';
import {
  checkBackup,
  checkClock,
  checkDatabaseReachable,
  checkDisk,
  checkMigrations,
  checkPublicUrl,
  type Finding,
  fromSentence,
} from './checks.js';

/** The findings as a table, each problem followed by what to do. */
export function formatFindings(findings: Finding[]): string {
  const width = Math.max(...findings.map((finding) => finding.check.length), 'CHECK'.length);
  const lines = [`${'STATUS'.padEnd(6)}  ${'CHECK'.padEnd(width)}  FINDING`];
  for (const { status, check, found, todo } of findings) {
    lines.push(`${status.padEnd(6)}  ${check.padEnd(width)}  ${found}`);
    if (todo) lines.push(`${''.padEnd(6)}  ${''.padEnd(width)}  → ${todo}`);
  }
  const failed = findings.filter((finding) => finding.status === 'FAIL').length;
  const warned = findings.filter((finding) => finding.status === 'WARN').length;
  lines.push(
    '',
    failed
      ? `${failed} FAIL, ${warned} WARN: fix the FAIL lines before starting.`
      : `No FAIL, ${warned} WARN.`,
  );
  return lines.join('\n');
}

/** Everything that needs the database, on a database that answered. */
async function databaseFindings(env: Env, url: string): Promise<Finding[]> {
  const { finding, facts } = await checkDatabaseReachable(url, env);
  if (!facts || finding.status === 'FAIL') return [finding];
  const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
  try {
    const findings = [finding, await checkMigrations(orm, facts)];
    if (facts.migrated) findings.push(await checkBackup(orm, env, new Date()));
    findings.push(await checkClock(orm, env, () => new Date()));
    return findings;
  } finally {
    await orm.close();
  }
}

/**
 * `pnpm dossier doctor`: the checks an IT person runs before (and after) putting Dossier on a server.
 * Read-only: it migrates nothing and writes no data. Exit 1 when any check FAILs.
 */
export async function doctor(
  source: NodeJS.ProcessEnv = process.env,
): Promise<{ report: string; status: number }> {
  let env: Env;
  try {
    env = loadEnv(source);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    const finding: Finding = {
      check: 'settings',
      status: 'FAIL',
      found: error.problems.join('; '),
      todo: 'correct them (see .env.example); the other checks need valid settings',
    };
    return { report: formatFindings([finding]), status: 1 };
  }
  const findings: Finding[] = [
    { check: 'settings', status: 'OK', found: `valid (NODE_ENV=${env.NODE_ENV})` },
  ];
  const log = createLogger({ NODE_ENV: env.NODE_ENV, LOG_LEVEL: 'silent' });
  let database: Awaited<ReturnType<typeof openDatabaseOrLive>> | null = null;
  try {
    if (!env.DATABASE_URL && !existsSync(path.join(defaultDataDir(env), 'PG_VERSION'))) {
      // Starting the embedded PostgreSQL would create it: the doctor writes nothing.
      findings.push({
        check: 'database',
        status: 'WARN',
        found: `no embedded PostgreSQL in ${defaultDataDir(env)} yet`,
        todo: 'the first start creates it there; or set DATABASE_URL for an external PostgreSQL',
      });
    } else {
      database = await openDatabaseOrLive(env, log);
      findings.push(...(await databaseFindings(env, database.url)));
    }
  } catch (error) {
    findings.push(fromSentence('database', 'FAIL', (error as Error).message.split('\n')[0] ?? ''));
  } finally {
    await database?.stop();
  }
  if (!env.DATABASE_URL) findings.push(await checkDisk('data folder', defaultDataDir(env)));
  findings.push(await checkDisk('backups', backupFolder(env)));
  findings.push(checkPublicUrl(env));
  const status = findings.some((finding) => finding.status === 'FAIL') ? 1 : 0;
  return { report: formatFindings(findings), status };
}
