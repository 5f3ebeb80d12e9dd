import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';

// Noon of 22 November 2026 in Beijing: "8 days ago" is 14 November.
const NOW = fixedClock('2026-11-22T04:00:00Z');
const db = await testDatabase({ clock: NOW });
const build = builders(db.orm);

let rep: Staff;
beforeAll(async () => {
  rep = await build.staff({ name: '王销售' });
});

const gid = (type: string, entity: { id: string }) => toGlobalId(type, entity.id);

interface Answer {
  id: string;
  version: number;
  status: string;
  customer: { risk: { level: string; signals: Array<{ code: string; level: string; message: string }> } };
}

const FEEDBACK = `id version status customer { risk { level signals { code level message } } }`;

async function run<T>(query: string, variables: Record<string, unknown>, viewer = rep) {
  const result = await db.execute<T>(query, variables, { viewer });
  return result;
}

async function record(customer: Customer, extra: Record<string, unknown> = {}) {
  const result = await run<{ recordFeedback: Answer }>(
    `mutation ($input: RecordFeedbackInput!) { recordFeedback(input: $input) { ${FEEDBACK} } }`,
    {
      input: {
        customerId: gid('Customer', customer),
        kind: 'COMPLAINT',
        channel: 'PHONE',
        category: 'DELIVERY',
        severity: 'HIGH',
        receivedAt: '2026-11-14T02:00:00Z',
        description: '第三批货晚到两周',
        ...extra,
      },
    },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.recordFeedback as Answer;
}

const CLOSE = `mutation ($id: ID!, $v: Int!, $result: String!) {
  closeFeedback(id: $id, expectedVersion: $v, result: $result) { ${FEEDBACK} result closedAt }
}`;
const REOPEN = `mutation ($id: ID!, $v: Int!) { reopenFeedback(id: $id, expectedVersion: $v) { ${FEEDBACK} closedAt } }`;

describe('COMPLAINT_UNRESOLVED (issue 13 acceptance)', () => {
  it('a complaint opened 8 days ago raises it; closing it clears it in the same mutation response', async () => {
    const customer = await build.customer({ owner: build.ref(Staff, rep) });
    const opened = await record(customer);
    expect(opened.status).toBe('OPEN');
    expect(opened.customer.risk.signals).toEqual([
      { code: 'COMPLAINT_UNRESOLVED', level: 'MEDIUM', message: 'A complaint open for 8 days' },
    ]);
    expect(opened.customer.risk.level).toBe('MEDIUM');

    const closed = await run<{ closeFeedback: Answer & { result: string; closedAt: string } }>(CLOSE, {
      id: opened.id,
      v: opened.version,
      result: '补发并赔偿运费，客户认可',
    });
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.closeFeedback).toMatchObject({
      status: 'CLOSED',
      result: '补发并赔偿运费，客户认可',
      closedAt: '2026-11-22T04:00:00.000Z',
      customer: { risk: { level: 'NONE', signals: [] } },
    });

    // Reopened, it is unresolved again, at once.
    const reopened = await run<{ reopenFeedback: Answer & { closedAt: string | null } }>(REOPEN, {
      id: opened.id,
      v: opened.version + 1,
    });
    expect(reopened.data?.reopenFeedback).toMatchObject({
      status: 'OPEN',
      closedAt: null,
      customer: { risk: { signals: [{ code: 'COMPLAINT_UNRESOLVED', level: 'MEDIUM' }] } },
    });
  });

  it('stays silent for a complaint 7 days old and for an old opinion', async () => {
    const customer = await build.customer({ owner: build.ref(Staff, rep) });
    const week = await record(customer, { receivedAt: '2026-11-15T02:00:00Z' });
    expect(week.customer.risk.signals).toEqual([]);
    const opinion = await record(customer, { kind: 'OPINION', receivedAt: '2026-10-01T02:00:00Z' });
    expect(opinion.customer.risk.signals).toEqual([]);
  });
});
