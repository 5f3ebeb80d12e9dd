import type { MikroORM } from '@mikro-orm/postgresql';
import type { ScheduledJob } from '../src/core/jobs/scheduled-job.js';

/**
 * Scheduled jobs for tests of the job runner: each run is recorded in `probe_run` (job, slot, who ran it),
 * so a test counts how often each slot really ran, whichever instance ran it.
 */
export async function createProbeTable(orm: MikroORM): Promise<void> {
  await orm.em
    .fork()
    .execute(
      'create table if not exists probe_run (id bigint generated always as identity, job text not null, slot timestamptz not null, runner text not null)',
    );
}

export interface ProbeOptions {
  catchUp?: ScheduledJob['catchUp'];
  /** Who runs it (two runners in one test hold their own job objects of one name). */
  runner?: string;
  /** Milliseconds each run takes, so racing runners interleave. */
  takes?: number;
  /** Throws instead of recording while this says so. */
  fails?: () => boolean;
}

export function probeJob(name: string, cron: string, options: ProbeOptions = {}): ScheduledJob {
  const { catchUp = 'latest', runner = 'test', takes = 0, fails = () => false } = options;
  return {
    name,
    cron,
    catchUp,
    async run(orm, slot) {
      if (takes > 0) await new Promise((resolve) => setTimeout(resolve, takes));
      if (fails()) throw new Error(`${name} could not reach the mail server\n    at the second line`);
      await orm.em
        .fork()
        .execute('insert into probe_run (job, slot, runner) values (?, ?, ?)', [name, slot, runner]);
    },
  };
}

/** The runs recorded for `job`, oldest slot first: the slot as ISO time and the runner. */
export async function probeRuns(
  orm: MikroORM,
  job: string,
): Promise<Array<{ slot: string; runner: string }>> {
  const rows = await orm.em
    .fork()
    .execute<Array<{ slot: Date; runner: string }>>(
      'select slot, runner from probe_run where job = ? order by slot, id',
      [job],
    );
  return rows.map((row) => ({ slot: new Date(row.slot).toISOString(), runner: row.runner }));
}
