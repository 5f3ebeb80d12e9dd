import { parseArgs } from 'node:util';
import { refreshAnalytics } from '../../analytics/analytics.refresh.js';
import { actorOf, readUserFile, type Task, UsageError } from '../import.cli.js';
import { importNorthwind, NorthwindClash } from './northwind.import.js';

/** `dossier import:northwind <northwind.sql> [--as <e-mail>]` */
export function northwindCommand(args: string[]): Task {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { as: { type: 'string' } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('import:northwind takes exactly one file, the pg_dump');
  return async (orm) => {
    const dump = (await readUserFile(file)).toString('utf8');
    const actorId = await actorOf(orm, values.as);
    const started = performance.now();
    try {
      const counts = await orm.em.fork().transactional((em) => importNorthwind(em, dump, actorId));
      await refreshAnalytics(orm.em.fork());
      const made = Object.entries(counts).map(([kind, n]) => `${n} ${kind}`);
      console.log(
        `imported Northwind: ${made.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof NorthwindClash)) throw error;
      console.error(error.message);
      return 1;
    }
  };
}
