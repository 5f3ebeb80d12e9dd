import type { MikroORM } from '@mikro-orm/postgresql';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from '../logger.js';
import { OperationLabels } from './operation-labels.js';

/**
 * The background jobs that report their runs (label `job`): the built-in schedules, and each scheduled job
 * of the job runner by its ledger name (jobs.registry.ts), a fixed list too, so the label stays bounded.
 */
export type JobName = 'abc_snapshot' | 'abc_ranking' | 'risk_refresh' | 'backup' | (string & {});

/** What a background job's schedule records: its own runs, timed, failures counted. */
export interface JobRuns {
  /** Runs `step`, counting the run and its duration; a failure is counted and thrown on. */
  track(job: JobName, step: () => Promise<unknown>): Promise<void>;
}

/** Where a reminder mail the SMTP server refused is counted (the mail job retries it on its next run). */
export interface MailFailures {
  countMailFailure(): void;
}

/** The part of knex's tarn pool that says how busy it is. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

export interface MetricsOptions {
  /** Distinct operation names that get a label of their own (operation-labels.ts). */
  operationNames?: number;
}

/** A GraphQL name longer than this is no hand-written operation: it counts as other. */
const MAX_OPERATION_NAME = 100;
/** Seconds; the top bucket is the default request timeout (DOSSIER_REQUEST_TIMEOUT_MS). */
const OPERATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds; a snapshot of a million customers takes minutes. */
const JOB_BUCKETS = [0.1, 0.5, 1, 5, 15, 60, 300, 900];

/**
 * The process's metrics in a registry of its own rather than prom-client's global one: two servers in one
 * process (tests, the two-instance checks) each count their own requests and never register a name twice.
 * Request-path recording is a Map lookup and an observe on a cached labelled child; the database pool,
 * the event loop and the backup age are read only when /metrics is scraped.
 */
export class DossierMetrics implements JobRuns, MailFailures {
  readonly registry = new Registry();
  private processMetrics = false;
  private readonly operations: OperationLabels<Histogram.Internal<'operation'>>;
  private readonly errors: Counter<'code'>;
  private readonly errorsByCode = new Map<string, Counter.Internal>();
  private readonly jobRuns: Counter<'job'>;
  private readonly jobFailures: Counter<'job'>;
  private readonly jobDuration: Histogram<'job'>;
  private readonly mailFailures: Counter;
  private backupAgeSource: (() => Promise<number | null>) | null = null;

  constructor(
    orm: MikroORM,
    private readonly log: Logger,
    { operationNames = 200 }: MetricsOptions = {},
  ) {
    const registers = [this.registry];
    const duration = new Histogram({
      name: 'dossier_graphql_operation_duration_seconds',
      help: 'GraphQL operations by operation name (_count: requests), from receipt to the response sent',
      labelNames: ['operation'],
      buckets: OPERATION_BUCKETS,
      registers,
    });
    this.operations = new OperationLabels(operationNames, MAX_OPERATION_NAME, (name) =>
      duration.labels(name),
    );
    this.errors = new Counter({
      name: 'dossier_graphql_errors_total',
      help: 'Errors in GraphQL responses by extensions.code',
      labelNames: ['code'],
      registers,
    });
    new Gauge({
      name: 'dossier_db_pool_connections',
      help: 'The primary database pool: connections used and free, acquires and creates waiting',
      labelNames: ['state'],
      registers,
      collect() {
        const pool: TarnPool | undefined = orm.em.getConnection().getKnex().client.pool;
        if (!pool) return;
        this.set({ state: 'used' }, pool.numUsed());
        this.set({ state: 'free' }, pool.numFree());
        this.set({ state: 'pending_acquires' }, pool.numPendingAcquires());
        this.set({ state: 'pending_creates' }, pool.numPendingCreates());
      },
    });
    this.jobRuns = new Counter({
      name: 'dossier_job_runs_total',
      help: 'Background job runs, failed ones included',
      labelNames: ['job'],
      registers,
    });
    this.jobFailures = new Counter({
      name: 'dossier_job_failures_total',
      help: 'Background job runs that failed (the log has the error)',
      labelNames: ['job'],
      registers,
    });
    this.jobDuration = new Histogram({
      name: 'dossier_job_duration_seconds',
      help: 'Background job run time',
      labelNames: ['job'],
      buckets: JOB_BUCKETS,
      registers,
    });
    this.mailFailures = new Counter({
      name: 'dossier_mail_failures_total',
      help: 'Reminder mails the SMTP server refused, each retried on the next run (the log has the error)',
      registers,
    });
  }

  countMailFailure(): void {
    this.mailFailures.inc();
  }

  /** One GraphQL operation answered in `seconds`; `label`: its name, or ANONYMOUS or UNRESOLVED. */
  observeOperation(label: string, seconds: number): void {
    this.operations.of(label).observe(seconds);
  }

  /** One error in a response. Codes are the server's own (formatError lets no other through): no cap needed. */
  countError(code: string): void {
    let counter = this.errorsByCode.get(code);
    if (counter === undefined) {
      counter = this.errors.labels(code);
      this.errorsByCode.set(code, counter);
    }
    counter.inc();
  }

  async track(job: JobName, step: () => Promise<unknown>): Promise<void> {
    const started = performance.now();
    try {
      await step();
    } catch (error) {
      this.jobFailures.inc({ job });
      throw error;
    } finally {
      this.jobRuns.inc({ job });
      this.jobDuration.observe({ job }, (performance.now() - started) / 1000);
    }
  }

  /**
   * The text Prometheus reads. The process series (event-loop lag, heap, GC, CPU, handles) start with the
   * first scrape: they keep an event-loop monitor and a GC observer running for good, which only a process
   * that is scraped needs (tests build an app per file, and a worker runs many files).
   */
  scrape(): Promise<string> {
    if (!this.processMetrics) {
      this.processMetrics = true;
      collectDefaultMetrics({ register: this.registry });
    }
    return this.registry.metrics();
  }

  /**
   * Where `dossier_backup_last_verified_age_seconds` comes from: seconds since the last backup whose restore
   * was verified, or null when none ever was (reported +Inf, so that an "older than a day" alert fires).
   * The gauge is absent until a source is set: no backup schedule, no claim about backups.
   */
  setBackupAgeSource(source: () => Promise<number | null>): void {
    if (this.backupAgeSource === null) {
      const metrics = this;
      new Gauge({
        name: 'dossier_backup_last_verified_age_seconds',
        help: 'Seconds since the last backup verified by a restore (+Inf: none yet, NaN: unknown)',
        registers: [this.registry],
        async collect() {
          this.set(await metrics.backupAge());
        },
      });
    }
    this.backupAgeSource = source;
  }

  private async backupAge(): Promise<number> {
    try {
      return (await this.backupAgeSource?.()) ?? Number.POSITIVE_INFINITY;
    } catch (error) {
      // A scrape while the database is away still answers the rest; the age is unknown, not zero.
      this.log.warn({ err: error }, 'metrics: the last verified backup could not be read');
      return Number.NaN;
    }
  }
}
