import { migrate } from '../core/database/migrate.js';
import { seedDemoCompany } from '../seed/demo-company.js';
import { DEMO_READY } from '../seed/first-start.js';
import { runOnDatabase } from './database.js';

// `pnpm db:seed`: creates the demo company in an empty database (the server does it on its first start).
await runOnDatabase(async (orm, env, log, clock) => {
  if (env.NODE_ENV === 'production') {
    console.error('db:seed: refused with NODE_ENV=production; demo logins do not work there anyway.');
    return 1;
  }
  await migrate(orm, log);
  const rows = await seedDemoCompany(orm.em.fork(), clock);
  if (!rows) {
    console.error(
      'db:seed: the database already has staff; the demo company only goes into an empty database. ' +
        'Point DATABASE_URL (or DOSSIER_DATA_DIR) at an empty one.',
    );
    return 1;
  }
  log.info({ rows }, DEMO_READY);
  return 0;
});
