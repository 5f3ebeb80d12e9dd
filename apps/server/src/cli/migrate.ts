import { migrate } from '../core/database/migrate.js';
import { runOnDatabase } from './database.js';

// `pnpm db:migrate`: applies pending migrations, as the server does on start.
await runOnDatabase(async (orm, _env, log) => {
  await migrate(orm, log);
  log.info('the database schema is up to date');
  return 0;
});
