import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { projectRoot } from '../../core/database/connect.js';
import type { Env } from '../../core/env.js';
import { sha256 } from '../document/document.content.js';
import {
  documentHashes,
  quoteIdent,
  schemaVersion,
  sequenceValues,
  tableChecksum,
  tableNames,
} from './backup.contents.js';
import { FORMAT_VERSION, type Manifest, type TableManifest, writeArchive } from './backup.format.js';

/** Where backups go when no file is named, by hand or on schedule. */
export function backupFolder(env: Pick<Env, 'DOSSIER_BACKUP_DIR'>): string {
  return path.resolve(env.DOSSIER_BACKUP_DIR ?? path.join(projectRoot(), 'backups'));
}

/** <folder>/dossier-2026-11-30T13-12-33Z.backup: sorts by time, safe in every file system. */
export function backupFileIn(folder: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return path.resolve(folder, `dossier-${stamp}.backup`);
}

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  documents: number;
  ms: number;
}

async function copyOut(client: pg.ClientBase, table: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(
    client.query(copyTo(`copy ${quoteIdent(table)} to stdout`)),
    createGzip(),
    async (source) => {
      for await (const chunk of source) chunks.push(chunk as Buffer);
    },
  );
  return Buffer.concat(chunks);
}

/**
 * Writes a logical backup of the database at `url` to `file`. Everything is read in one REPEATABLE READ
 * snapshot, so the backup is consistent while a server keeps writing: rows, checksums and document hashes
 * all describe the same moment.
 */
export async function createBackup(url: string, file: string, now = new Date()): Promise<BackupSummary> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const version = await schemaVersion(client);
    if (!version) throw new Error('the database holds no Dossier schema: nothing to back up');
    const parts = new Map<string, Buffer>();
    const tables: TableManifest[] = [];
    for (const name of await tableNames(client)) {
      const part = `tables/${name}.copy.gz`;
      const bytes = await copyOut(client, name);
      parts.set(part, bytes);
      tables.push({ name, ...(await tableChecksum(client, name)), part, sha256: sha256(bytes) });
    }
    const manifest: Manifest = {
      format: FORMAT_VERSION,
      schemaVersion: version,
      createdAt: now.toISOString(),
      postgresVersion:
        (await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '',
      tables,
      sequences: await sequenceValues(client),
      documents: await documentHashes(client),
    };
    await client.query('commit');
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    const bytes = await writeArchive(file, manifest, parts);
    return {
      file: path.resolve(file),
      bytes,
      tables: tables.length,
      rows: tables.reduce((sum, table) => sum + table.rows, 0),
      documents: manifest.documents.length,
      ms: Date.now() - started,
    };
  } finally {
    await client.end();
  }
}
