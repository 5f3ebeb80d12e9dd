import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { dropDatabase, ensureDatabase, withDatabase } from '../../core/database/database-url.js';
import { ormConfig } from '../../core/database/orm.js';
import { documentHashes, quoteIdent, schemaVersion, tableChecksum, tableNames } from './backup.contents.js';
import { type Archive, readArchive } from './backup.format.js';

/** The restore was not attempted: the target or the backup does not allow it. Nothing was written. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  documents: number;
  ms: number;
}

/** Tables the migrations fill by themselves: rows there do not make a target hold data. */
const FILLED_BY_MIGRATIONS = new Set(['revenue_version']);

async function tablesHoldingRows(client: pg.ClientBase): Promise<string[]> {
  const held: string[] = [];
  for (const name of await tableNames(client)) {
    if (FILLED_BY_MIGRATIONS.has(name)) continue;
    const { rows } = await client.query(`select 1 from ${quoteIdent(name)} limit 1`);
    if (rows.length > 0) held.push(name);
  }
  return held;
}

/**
 * Brings the target to exactly the backup's schema version, so that the rows fit column for column. A
 * target already past that version (a newer Dossier ran on it) is emptied of its schema first.
 */
async function migrateTo(client: pg.ClientBase, url: string, version: string): Promise<void> {
  const current = await schemaVersion(client);
  const orm = await MikroORM.init(ormConfig(url));
  try {
    const known = [
      ...(await orm.migrator.getExecutedMigrations()).map((migration) => migration.name),
      ...(await orm.migrator.getPendingMigrations()).map((migration) => migration.name),
    ];
    if (!known.includes(version)) {
      throw new RestoreRefusedError(
        `the backup's schema version ${version} is unknown to this Dossier (latest ${known.at(-1)}): ` +
          'restore it with the Dossier release that made it, or a newer one',
      );
    }
    if (current && current > version) {
      await client.query(
        'drop schema public cascade; create schema public authorization pg_database_owner; grant usage on schema public to public',
      );
    }
    const pending = (await orm.migrator.getPendingMigrations()).map((migration) => migration.name);
    if (pending.includes(version)) await orm.migrator.up({ to: version });
  } finally {
    await orm.close();
  }
}

async function load(client: pg.ClientBase, archive: Archive): Promise<void> {
  const { manifest, parts } = archive;
  const names = await tableNames(client);
  const expected = manifest.tables.map((table) => table.name);
  if (names.join() !== expected.join()) {
    throw new Error(
      `the target's tables (${names.join(', ')}) differ from the backup's (${expected.join(', ')})`,
    );
  }
  // Triggers (the customer book, day revenues, rankings) stay quiet: their tables come back as they were,
  // and foreign keys are not checked row by row while the tables fill in alphabetical order.
  await client.query('set local session_replication_role = replica');
  await client.query(`truncate ${names.map(quoteIdent).join(', ')}`);
  for (const table of manifest.tables) {
    await pipeline(
      Readable.from([parts.get(table.part) as Buffer]),
      createGunzip(),
      client.query(copyFrom(`copy ${quoteIdent(table.name)} from stdin`)),
    );
  }
  for (const sequence of manifest.sequences) {
    await client.query('select setval($1::regclass, $2::bigint, $3)', [
      quoteIdent(sequence.name),
      sequence.value,
      sequence.isCalled,
    ]);
  }
}

/** Recomputes every table's checksum and every document's SHA-256 on the target; the first difference. */
async function difference(client: pg.ClientBase, archive: Archive): Promise<string | null> {
  for (const table of archive.manifest.tables) {
    const restored = await tableChecksum(client, table.name);
    if (restored.rows !== table.rows || restored.checksum !== table.checksum) {
      return `table ${table.name}: ${restored.rows} rows with checksum ${restored.checksum}, the backup had ${table.rows} with ${table.checksum}`;
    }
  }
  const restored = new Map((await documentHashes(client)).map((document) => [document.id, document.sha256]));
  if (restored.size !== archive.manifest.documents.length) {
    return `${restored.size} documents restored, the backup had ${archive.manifest.documents.length}`;
  }
  for (const document of archive.manifest.documents) {
    if (restored.get(document.id) !== document.sha256) return `document ${document.id}: SHA-256 differs`;
  }
  return null;
}

/**
 * Restores a checked archive into the database at `url`: refuses a target holding Dossier data unless
 * `force`, migrates it to the backup's schema version, loads every table and the sequences, and commits
 * only when the restored checksums and document hashes equal the manifest's.
 */
export async function restoreArchive(
  archive: Archive,
  url: string,
  options: { force: boolean },
): Promise<RestoreSummary> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const held = await tablesHoldingRows(client);
    if (held.length > 0 && !options.force) {
      throw new RestoreRefusedError(
        `the target holds Dossier data (rows in ${held.slice(0, 5).join(', ')}${held.length > 5 ? ', …' : ''}): ` +
          'restore into an empty data folder or database, or pass --force to replace that data',
      );
    }
    await migrateTo(client, url, archive.manifest.schemaVersion);
    await client.query('begin');
    try {
      await load(client, archive);
      const differs = await difference(client, archive);
      if (differs) throw new Error(`the restored data does not match the backup's manifest: ${differs}`);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
    return {
      tables: archive.manifest.tables.length,
      rows: archive.manifest.tables.reduce((sum, table) => sum + table.rows, 0),
      documents: archive.manifest.documents.length,
      ms: Date.now() - started,
    };
  } finally {
    await client.end();
  }
}

export type Verification = RestoreSummary & { verified: boolean; error?: string };

/**
 * Proves a backup by restoring it into a scratch database on the server of `adminUrl` (which needs the
 * right to create databases) and comparing it with its manifest; the scratch database is dropped after.
 */
export async function verifyBackup(file: string, adminUrl: string): Promise<Verification> {
  const started = Date.now();
  const database = `dossier_backup_verify_${randomBytes(6).toString('hex')}`;
  try {
    const archive = await readArchive(file);
    await ensureDatabase(adminUrl, database);
    const summary = await restoreArchive(archive, withDatabase(adminUrl, database), { force: false });
    return { ...summary, verified: true, ms: Date.now() - started };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { tables: 0, rows: 0, documents: 0, ms: Date.now() - started, verified: false, error: message };
  } finally {
    await dropDatabase(adminUrl, database);
  }
}
