import { RiskLevel as L, RiskCode as R, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Staff } from '../staff/staff.entity.js';
import { tradeFixtures } from '../trade/trade.fixtures.js';
import { ON_TODAY, riskFixtures, riskThroughApi } from './risk.fixtures.js';
import { refreshRiskAssessments } from './risk.refresh.js';

// Pinned: overdue days count from the business day of every refresh, the ones after writes included.
const db = await testDatabase({ clock: ON_TODAY });
const fx = riskFixtures(db.orm);
const trade = tradeFixtures(db.orm);

let viewer: Staff;
beforeAll(async () => {
  viewer = await fx.build.staff({}, StaffRole.ADMIN);
});

const RECEIVABLE = new Set<string>([R.OVERDUE_RECEIVABLE, R.CREDIT_LIMIT_EXCEEDED]);

/** The receivable signals only: the others move with the calendar of the refresh after a write. */
const receivableSignals = async (customer: { id: string }) =>
  (await riskThroughApi(db, viewer, customer))?.signals
    .filter((s) => RECEIVABLE.has(s.code))
    .map((s) => [s.code, s.level, s.message]);

const PAY = `mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { order { openAmount } } }`;
const RETURN = `mutation ($input: RecordReturnInput!) { recordReturn(input: $input) { order { openAmount } } }`;

describe('receivables clear when paid', () => {
  it('OVERDUE_RECEIVABLE shows until a payment of the open amount, the next request no longer', async () => {
    const customer = await fx.build.customer({ creditLimit: '500.00' });
    const product = await trade.product();
    const order = await trade.order(customer, {
      orderedAt: '2025-01-02',
      dueDate: '2025-02-01',
      paidAmount: '200.00',
      lines: [{ product, quantity: 8, unitPrice: '100.00' }],
    });
    await refreshRiskAssessments(db.orm.em.fork(), [customer.id], { clock: ON_TODAY });
    expect(await receivableSignals(customer)).toEqual([
      [R.OVERDUE_RECEIVABLE, L.HIGH, 'Overdue receivables of 600.00, oldest 659 days past due'],
      [R.CREDIT_LIMIT_EXCEEDED, L.HIGH, 'Open amount of 600.00 exceeds the credit limit of 500.00'],
    ]);

    const orderId = toGlobalId('Order', order.id);
    const before = await tableCounts(db.orm);
    const overpaid = await db.execute(
      PAY,
      { input: { orderId, amount: '600.01', paidOn: '2025-03-01' } },
      { viewer },
    );
    expect(overpaid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(await tableCounts(db.orm)).toEqual(before);

    // A discount of 150.00 leaves 450.00 open: within the limit, still overdue.
    const credited = await db.execute(
      RETURN,
      { input: { orderId, amount: '150.00', date: '2025-02-10', reason: '延期交货折价' } },
      { viewer },
    );
    expect(credited.data).toEqual({ recordReturn: { order: { openAmount: '450.00' } } });
    expect((await receivableSignals(customer))?.map(([code]) => code)).toEqual([R.OVERDUE_RECEIVABLE]);

    const paid = await db.execute(
      PAY,
      { input: { orderId, amount: '450.00', paidOn: '2025-03-01' } },
      { viewer },
    );
    expect(paid.data).toEqual({ recordPayment: { order: { openAmount: '0.00' } } });
    expect(await receivableSignals(customer)).toEqual([]);
  });
});
