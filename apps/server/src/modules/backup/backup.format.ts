import { readFile, rename, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import { sha256 } from '../document/document.content.js';

/** Version of the file layout below; a reader refuses a version it does not know. */
export const FORMAT_VERSION = 1;

export interface TableManifest {
  name: string;
  rows: number;
  /** md5 over the sorted md5s of every row's text form: equal for equal contents, in any row order. */
  checksum: string;
  /** The archive part holding the table's rows (COPY text format, gzip'd) and its SHA-256. */
  part: string;
  sha256: string;
}

export interface Manifest {
  format: number;
  /** The last migration applied to the backed-up database: the schema the rows fit. */
  schemaVersion: string;
  createdAt: string;
  postgresVersion: string;
  tables: TableManifest[];
  sequences: { name: string; value: string; isCalled: boolean }[];
  /** Every document's SHA-256, computed from its stored bytes when the backup was taken. */
  documents: { id: string; sha256: string }[];
}

export interface Archive {
  manifest: Manifest;
  parts: Map<string, Buffer>;
}

/** The file is damaged (truncated, a byte changed, parts missing): nothing is restored from it. */
export class BackupDamagedError extends Error {
  constructor(file: string, reason: string) {
    super(`backup file is damaged: ${file}: ${reason}`);
    this.name = 'BackupDamagedError';
  }
}

const MANIFEST = 'manifest.json';
/**
 * The file is a tar archive followed by this trailer with the SHA-256 of every byte before it: a checksum
 * per part alone would miss a flipped byte in tar headers' padding, and the trailer's absence tells a
 * truncated file at once.
 */
const TRAILER_MARK = '\nDOSSIER-BACKUP-SHA256 ';
const TRAILER_LENGTH = TRAILER_MARK.length + 64 + 1;

export async function writeArchive(file: string, manifest: Manifest, parts: Map<string, Buffer>) {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (chunk) => chunks.push(chunk as Buffer));
  const ended = new Promise<void>((resolve, reject) => {
    pack.on('end', resolve);
    pack.on('error', reject);
  });
  const mtime = new Date(manifest.createdAt);
  pack.entry({ name: MANIFEST, mtime }, `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [name, bytes] of parts) pack.entry({ name, mtime }, bytes);
  pack.finalize();
  await ended;
  const body = Buffer.concat(chunks);
  const trailer = Buffer.from(`${TRAILER_MARK}${sha256(body)}\n`);
  // Written beside and renamed: a backup cut short by a crash never looks like a finished one.
  const partial = `${file}.partial`;
  await writeFile(partial, Buffer.concat([body, trailer]), { mode: 0o600 });
  await rename(partial, file);
  return body.length + trailer.length;
}

async function untar(body: Buffer): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk) => chunks.push(chunk as Buffer));
    stream.on('end', () => {
      entries.set(header.name, Buffer.concat(chunks));
      next();
    });
    stream.resume();
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    Readable.from([body]).pipe(extract);
  });
  return entries;
}

function parseManifest(file: string, text: Buffer | undefined): Manifest {
  if (!text) throw new BackupDamagedError(file, `${MANIFEST} is missing`);
  const manifest = JSON.parse(text.toString('utf8')) as Manifest;
  if (manifest.format !== FORMAT_VERSION) {
    throw new BackupDamagedError(
      file,
      `format ${manifest.format} is not one this Dossier reads (${FORMAT_VERSION})`,
    );
  }
  return manifest;
}

/** Reads a backup and checks every byte of it before anything is restored. */
export async function readArchive(file: string): Promise<Archive> {
  const bytes = await readFile(file);
  const trailer = bytes.subarray(bytes.length - TRAILER_LENGTH).toString('latin1');
  if (bytes.length < TRAILER_LENGTH || !trailer.startsWith(TRAILER_MARK) || !trailer.endsWith('\n')) {
    throw new BackupDamagedError(
      file,
      'its end marker is missing: the file is truncated or not a Dossier backup',
    );
  }
  const body = bytes.subarray(0, bytes.length - TRAILER_LENGTH);
  const expected = trailer.slice(TRAILER_MARK.length, -1);
  const actual = sha256(body);
  if (actual !== expected) {
    throw new BackupDamagedError(
      file,
      `its SHA-256 is ${actual}, the backup recorded ${expected}: bytes changed`,
    );
  }
  const entries = await untar(body).catch((error: Error) => {
    throw new BackupDamagedError(file, `the archive cannot be read (${error.message})`);
  });
  const manifest = parseManifest(file, entries.get(MANIFEST));
  const parts = new Map<string, Buffer>();
  for (const table of manifest.tables) {
    const part = entries.get(table.part);
    if (!part) throw new BackupDamagedError(file, `part ${table.part} is missing`);
    if (sha256(part) !== table.sha256) {
      throw new BackupDamagedError(file, `part ${table.part} does not match its SHA-256 in the manifest`);
    }
    parts.set(table.part, part);
  }
  return { manifest, parts };
}
