import type { ScheduledJob } from './core/jobs/scheduled-job.js';
import { archiveInspectionJob } from './modules/archive-inspection/archive-inspection.job.js';

/**
 * Every scheduled job the server runs (core/jobs/job-runner.ts): each slot once across the instances
 * sharing the database, caught up after downtime. A feature exports its ScheduledJob and is listed here;
 * the `name` is the job's key in the ledger (job_run) and its `job` label in the metrics, so it never
 * changes once released.
 */
export const scheduledJobs: readonly ScheduledJob[] = [archiveInspectionJob];
