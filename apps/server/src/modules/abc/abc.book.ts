import { AbcClass, classifiedRevenue, formatCents, paretoCurve, ratio } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { readsAllCustomers } from '../../core/access/scope.js';
import type { Staff } from '../staff/staff.entity.js';
import type { AbcComputation, GradeRow } from './abc.computation.js';
import { visibleIds } from './abc.scope.js';
import type { AbcClassSummaryView, AbcGradeView, AbcMovementView, ParetoPointView } from './abc.types.js';

const CLASSES = [AbcClass.A, AbcClass.B, AbcClass.C];

/**
 * A classification's totals over the customers of one viewer's book: a rep or manager keeps the company-wide
 * class and rank of each of their customers, but the total revenue, the class sums, the Pareto curve and the
 * movements count their book only, so no sum tells them the revenue of customers they may not see.
 */
export class BookAbc {
  private readonly total: bigint;

  constructor(private readonly rows: readonly GradeRow[]) {
    this.total = rows.reduce((sum, row) => sum + classifiedRevenue(BigInt(row.cents)), 0n);
  }

  totalCents(): bigint {
    return this.total;
  }

  /**
   * A visible customer's grade with its shares of the book's revenue (its class and rank stay the
   * company's): a share of the company's total would tell that total, the revenue of every customer.
   */
  regrade(customerId: string, grade: AbcGradeView): AbcGradeView {
    let before = 0n;
    for (const row of this.rows) {
      const counted = classifiedRevenue(BigInt(row.cents));
      if (row.customer_id === customerId) {
        return {
          ...grade,
          share: ratio(counted, this.total),
          cumulativeShare: ratio(before + counted, this.total),
        };
      }
      before += counted;
    }
    return grade;
  }

  classes(): AbcClassSummaryView[] {
    return CLASSES.map((cls) => {
      const members = this.rows.filter((row) => row.class === cls);
      const net = members.reduce((sum, row) => sum + BigInt(row.cents), 0n);
      const counted = members.reduce((sum, row) => sum + classifiedRevenue(BigInt(row.cents)), 0n);
      return {
        class: cls,
        customers: members.length,
        revenue: formatCents(net),
        share: ratio(counted, this.total),
      };
    });
  }

  pareto(points: number): ParetoPointView[] {
    return paretoCurve(
      this.rows.map((row) => BigInt(row.cents)),
      points,
    );
  }

  movements(): AbcMovementView[] {
    return [...CLASSES, null].flatMap((from) =>
      CLASSES.flatMap((to) => {
        const customers = this.rows.filter((row) => row.previous_class === from && row.class === to).length;
        return customers > 0 ? [{ from, to, customers }] : [];
      }),
    );
  }
}

/** The book's totals for a viewer who reads only a book; null for those who read every customer. */
export async function bookAbc(
  em: EntityManager,
  viewer: Staff | null,
  computation: AbcComputation,
): Promise<BookAbc | null> {
  if (viewer && readsAllCustomers(viewer)) return null;
  if (!viewer) return new BookAbc([]);
  const rows = await computation.everyRow();
  const visible = await visibleIds(
    em,
    viewer,
    rows.map((row) => row.customer_id),
  );
  return new BookAbc(rows.filter((row) => visible.has(row.customer_id)));
}
