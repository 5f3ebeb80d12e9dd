import type { MikroORM } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.js';

/**
 * A background job of the job runner (core/jobs, issue 14): it runs once per slot of its cron pattern
 * (read in the business time zone) across all instances sharing the database, survives restarts through
 * the job ledger, and catches up the slots missed while no instance was running.
 */
export interface ScheduledJob {
  /** The ledger's key, stable across releases: e.g. 'reminders', 'monthly_report'. */
  name: string;
  /** A croner pattern in the business time zone, e.g. '0 7 * * *' or '0 6 1-5 * *'. */
  cron: string;
  /**
   * After downtime: 'latest' runs only the newest missed slot (a reminder sweep covers what the older ones
   * would have found); 'all' runs every missed slot in order (each month's report is its own product).
   */
  catchUp: 'latest' | 'all';
  /** Does the slot's work; throwing marks the slot failed (metrics, the admins' inbox) and it is retried. */
  run(orm: MikroORM, slot: Date, clock: Clock): Promise<void>;
}
