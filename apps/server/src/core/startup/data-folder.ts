import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StartupProblem } from './startup-problem.js';

/**
 * Creates the embedded PostgreSQL's data folder (or its parent, before the first start) and writes a file
 * into it: a folder this user cannot write fails here in one sentence, not deep inside initdb.
 */
export async function assertWritableFolder(dataDir: string): Promise<void> {
  const probe = path.join(dataDir, `.dossier-write-test-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    throw new StartupProblem(
      `The data folder ${dataDir} cannot be written (${code}): give this user write access to it, or set DOSSIER_DATA_DIR to a writable folder.`,
    );
  }
}
