import { AbcClass, formatCents, ratio } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { readReplica } from '../../core/database/replicas.js';
import type { Staff } from '../staff/staff.entity.js';
import { type FreshParts, freshStatement, type MoverSpec, type PageSpec } from './abc.fresh.sql.js';
import type { AbcRequest } from './abc.period.js';
import { currentRanking } from './abc.ranking.js';
import { runAnalytics, visibleTo } from './abc.sql.js';
import type { AbcClassSummaryView, AbcGradeView, AbcMovementView, ParetoPointView } from './abc.types.js';

// One classification, computed for whatever its fields ask: the field resolvers of one request run in the
// same tick, so their parts are batched (DataLoader) into ONE statement over the order data. A part asked
// for later (an alias resolved after the others) costs one more statement, never a wrong answer.

type Part =
  | { kind: 'summary' }
  | { kind: 'movements' }
  | { kind: 'pareto'; points: number }
  | { kind: 'page'; spec: PageSpec; previous: boolean }
  | { kind: 'movers'; spec: MoverSpec };

/** Of the customers the viewer sees: every customer for a reader of all, else their book. */
interface Summary {
  total: string;
  net: string;
  positive: number;
  customers: number;
  traded: number;
  a_count: number;
  b_count: number;
  /** cents */
  a_revenue: string;
  b_revenue: string;
}

export interface GradeRow {
  part: number;
  customer_id: string;
  position: number;
  cents: string;
  before: string;
  class: AbcClass;
  previous_class: AbcClass | null;
}

interface Result {
  summary: Summary;
  pages: GradeRow[];
  movements?: Record<string, number>;
  new_idle?: number;
  /** [part, rank, revenue of the customers up to that rank] at the ranks of the Pareto points */
  pareto?: Array<[number, number, string]>;
  mover_rows?: GradeRow[];
  /** [part, customers in that movers list] */
  mover_counts?: Array<[number, number]>;
}

/** A page of ranked customers and how many the whole list holds. */
export interface GradedPage {
  rows: Array<{ id: string; grade: AbcGradeView }>;
  total: number;
}

const CLASSES = [AbcClass.A, AbcClass.B, AbcClass.C];

export class AbcComputation {
  private readonly parts = new DataLoader<Part, unknown, string>((parts) => this.compute(parts), {
    cacheKeyFn: (part) => JSON.stringify(part),
  });
  constructor(
    private readonly em: EntityManager,
    readonly request: AbcRequest,
    /** the request's instant: the asOf of every grade it computes */
    private readonly computedAt: Date,
    private readonly viewer: Staff,
  ) {}

  private async compute(parts: readonly Part[]): Promise<unknown[]> {
    const pareto = parts.flatMap((p) => (p.kind === 'pareto' ? [p.points] : []));
    const pages = parts.flatMap((p) => (p.kind === 'page' ? [p.spec] : []));
    const movers = parts.flatMap((p) => (p.kind === 'movers' ? [p.spec] : []));
    const movements = parts.some((p) => p.kind === 'movements');
    const fresh: FreshParts = {
      movements,
      previous: movements || movers.length > 0 || parts.some((p) => p.kind === 'page' && p.previous),
      pareto,
      pages,
      movers,
      visible: visibleTo(this.viewer, 'c', 'set'),
      // The summary alone (the dashboard's totalRevenue and classes) is what the stored ranking serves.
      stored: parts.every((p) => p.kind === 'summary') ? currentRanking(this.request) : null,
    };
    const [result] = await runAnalytics<Result>(readReplica(this.em), freshStatement(this.request, fresh));
    if (!result) throw new Error('the classification statement returned no row');
    return parts.map((part) => {
      if (part.kind === 'summary') return result.summary;
      if (part.kind === 'movements') return movementsOf(result);
      if (part.kind === 'pareto') return paretoOf(result, pareto.indexOf(part.points), part.points);
      if (part.kind === 'movers') {
        const index = movers.indexOf(part.spec);
        const total = result.mover_counts?.find(([p]) => p === index)?.[1] ?? 0;
        return { rows: (result.mover_rows ?? []).filter((row) => row.part === index), total };
      }
      return result.pages.filter((row) => row.part === pages.indexOf(part.spec));
    });
  }

  private summary() {
    return this.parts.load({ kind: 'summary' }) as Promise<Summary>;
  }

  /** Revenue of the customers the viewer sees. */
  async totalCents(): Promise<bigint> {
    return BigInt((await this.summary()).total);
  }

  /** A, B and C in that order, as summarizeClasses reports them. */
  async classes(): Promise<AbcClassSummaryView[]> {
    const s = await this.summary();
    const total = BigInt(s.total);
    const [a, b] = [BigInt(s.a_revenue), BigInt(s.b_revenue)];
    const rows: Array<[AbcClass, number, bigint, bigint]> = [
      [AbcClass.A, s.a_count, a, a],
      [AbcClass.B, s.b_count, b, b],
      [AbcClass.C, s.customers - s.a_count - s.b_count, BigInt(s.net) - a - b, total - a - b],
    ];
    return rows.map(([cls, customers, revenue, counted]) => ({
      class: cls,
      customers,
      revenue: formatCents(revenue),
      share: ratio(counted, total),
    }));
  }

  /** How many customers each class holds, and how many customers there are: what a page's ranks depend on. */
  async classCounts(): Promise<Record<AbcClass | 'all', number>> {
    const s = await this.summary();
    const c = s.customers - s.a_count - s.b_count;
    return { [AbcClass.A]: s.a_count, [AbcClass.B]: s.b_count, [AbcClass.C]: c, all: s.customers };
  }

  movements(): Promise<AbcMovementView[]> {
    return this.parts.load({ kind: 'movements' }) as Promise<AbcMovementView[]>;
  }

  pareto(points: number): Promise<ParetoPointView[]> {
    return this.parts.load({ kind: 'pareto', points }) as Promise<ParetoPointView[]>;
  }

  async page(spec: PageSpec, previous: boolean): Promise<Array<{ id: string; grade: AbcGradeView }>> {
    const [rows, total] = await Promise.all([
      this.parts.load({ kind: 'page', spec, previous }) as Promise<GradeRow[]>,
      this.totalCents(),
    ]);
    return this.graded(rows, total);
  }

  /** A page of the customers that moved one way, by rank, and how many moved that way in all. */
  async movers(spec: MoverSpec): Promise<GradedPage> {
    const [found, total] = await Promise.all([
      this.parts.load({ kind: 'movers', spec }) as Promise<{ rows: GradeRow[]; total: number }>,
      this.totalCents(),
    ]);
    return { rows: this.graded(found.rows, total), total: found.total };
  }

  private graded(rows: readonly GradeRow[], totalCents: bigint) {
    return rows.map((row) => ({ id: row.customer_id, grade: gradeOf(row, totalCents, this.computedAt) }));
  }
}

/** The grade of one ranked row; shares as classifyAbc computes them, from exact cents. */
export function gradeOf(row: Omit<GradeRow, 'part'>, totalCents: bigint, asOf: Date | null): AbcGradeView {
  const cents = BigInt(row.cents);
  const counted = cents > 0n ? cents : 0n;
  return {
    class: row.class,
    revenue: formatCents(cents),
    share: ratio(counted, totalCents),
    cumulativeShare: ratio(BigInt(row.before) + counted, totalCents),
    rank: Number(row.position),
    previousClass: row.previous_class,
    asOf,
  };
}

function movementsOf(result: Result): AbcMovementView[] {
  const counts = { ...result.movements };
  const add = (from: AbcClass | null, to: AbcClass, n: number) => {
    const key = `${from ?? ''}>${to}`;
    counts[key] = (counts[key] ?? 0) + n;
  };
  const idle = result.summary.customers - result.summary.traded;
  const newIdle = result.new_idle ?? 0;
  add(AbcClass.C, AbcClass.C, idle - newIdle);
  add(null, AbcClass.C, newIdle);
  return [...CLASSES, null].flatMap((from) =>
    CLASSES.flatMap((to) => {
      const customers = Number(counts[`${from ?? ''}>${to}`] ?? 0);
      return customers > 0 ? [{ from, to, customers }] : [];
    }),
  );
}

function paretoOf(result: Result, part: number, points: number): ParetoPointView[] {
  const total = BigInt(result.summary.total);
  const n = result.summary.customers;
  if (n === 0 || total === 0n) return [];
  const through = new Map(
    (result.pareto ?? []).filter(([p]) => p === part).map(([, rank, cents]) => [rank, BigInt(cents)]),
  );
  // The ranks paretoCurve takes; beyond the customers with revenue, the curve is flat at the total.
  const ranks =
    n + 1 <= points
      ? Array.from({ length: n + 1 }, (_, i) => i)
      : Array.from({ length: points }, (_, k) => Math.round((k * n) / (points - 1)));
  return ranks.map((i) => {
    const cumulative = i === 0 ? 0n : i > result.summary.positive ? total : (through.get(i) ?? 0n);
    return { customerShare: i / n, revenueShare: ratio(cumulative, total) };
  });
}
