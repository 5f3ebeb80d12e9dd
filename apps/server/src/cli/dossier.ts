import { migrate } from '../core/database/migrate.js';
import { loadProjectDotenv } from '../core/process-env.js';
import { backupCommand, type DatabaseTask, restoreCommand } from '../modules/backup/backup.cli.js';
import { importCommand, type Task, UsageError } from '../modules/import/import.cli.js';
import { northwindCommand } from '../modules/import/northwind/northwind.cli.js';
import { PASSWORD_VARIABLE, staffCreateCommand } from '../modules/staff/staff.cli.js';
import { runCommand, runOnDatabase } from './database.js';
import { doctor } from './doctor/doctor.js';

const USAGE = `usage: pnpm dossier <command> …

  backup [file]
      Writes a consistent backup of the database (rows, sequences, documents) with a manifest of checksums,
      by default to backups/dossier-<UTC time>.backup. Works while the server runs.
  restore <file> [--force]
      Checks every byte of the backup, then restores it into an empty data folder (DOSSIER_DATA_DIR) or
      database (DATABASE_URL) and verifies the restored checksums. --force replaces data already there.

  import <file.csv|file.xlsx> [--dry-run] [--kind customers|key-persons|orders|order-lines] [--as <staff e-mail>]
      Checks every row; imports all of them in one transaction, or nothing when any row is bad.
      The kind is told from the headers when --kind is left out.
  import:northwind <northwind.sql> [--as <staff e-mail>]
      Loads the Northwind sample (pg_dump) beside the data already there, once.
  doctor
      Checks settings, the database (reachable, version, migrations), the last verified backup, free disk,
      the clock and time zone, and the public URL against the cookie; a table of OK/WARN/FAIL with what to
      do. Exits 1 on any FAIL. Writes nothing.
  staff:create --email <e-mail> --name <name> [--role ADMIN|SALES_MANAGER|SALES_REP|ANALYST|ARCHIVIST]
               [--title <title>] [--department <department>]
      Creates a staff member (default role ADMIN: the first admin of a new install). The password comes
      from ${PASSWORD_VARIABLE}, a pipe (first line of stdin) or a prompt; it is never echoed.`;

/** Commands that open the database themselves (no migration first). */
const DATABASE_COMMANDS: Record<string, (args: string[]) => DatabaseTask> = {
  backup: backupCommand,
  restore: restoreCommand,
};

const COMMANDS: Record<string, (args: string[]) => Task> = {
  import: importCommand,
  'import:northwind': northwindCommand,
  'staff:create': staffCreateCommand,
};

// `pnpm dossier …`: the command-line tasks on the database the server uses (DATABASE_URL or embedded).
const [name = '', ...args] = process.argv.slice(2);
if (name === 'doctor') {
  // Its own settings check: an invalid setting is one of its findings, not a reason to stop.
  loadProjectDotenv();
  const { report, status } = await doctor();
  console.log(report);
  process.exit(status);
}
let task: Task | { database: DatabaseTask };
try {
  const command = COMMANDS[name];
  const databaseCommand = DATABASE_COMMANDS[name];
  if (databaseCommand) task = { database: databaseCommand(args) };
  else if (command) task = command(args);
  else throw new UsageError(name && name !== 'help' ? `unknown command "${name}"` : '');
} catch (error) {
  if (!(error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
    throw error;
  }
  if ((error as Error).message) console.error(`dossier: ${(error as Error).message}`);
  console.error(USAGE);
  process.exit(2);
}
if (typeof task === 'function') {
  const onOrm = task;
  await runOnDatabase(async (orm, _env, log) => {
    await migrate(orm, log);
    try {
      return await onOrm(orm);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(`dossier: ${error.message}`);
      return 2;
    }
  });
} else {
  await runCommand(task.database);
}
