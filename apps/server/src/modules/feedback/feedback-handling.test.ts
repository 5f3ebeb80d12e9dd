import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';

const db = await testDatabase({ clock: fixedClock('2026-11-22T04:00:00Z') });
const build = builders(db.orm);
const gid = (type: string, entity: { id: string }) => toGlobalId(type, entity.id);

let rep: Staff;
let otherRep: Staff;
let handler: Staff;
let leaver: Staff;
let customer: Customer;
beforeAll(async () => {
  rep = await build.staff({ name: '王销售' });
  otherRep = await build.staff({ name: '赵销售' });
  handler = await build.staff({ name: '客服李' });
  leaver = await build.staff({ name: '已离职', active: false });
  customer = await build.customer({ owner: build.ref(Staff, rep) });
});

type Errors = ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined;
const codes = (errors: Errors) => (errors ?? []).map((e) => [e.extensions?.code, e.extensions?.field]);

const RECORD = `mutation ($input: RecordFeedbackInput!) { recordFeedback(input: $input) {
  id version status kind channel category severity receivedAt description keyPerson { name } recordedBy { name }
} }`;

const input = (extra: Record<string, unknown> = {}) => ({
  customerId: gid('Customer', customer),
  kind: 'OPINION',
  channel: 'WECHAT',
  category: 'PRICE',
  severity: 'LOW',
  receivedAt: '2026-11-20T02:00:00Z',
  description: '  希望年度框架协议有阶梯价  ',
  ...extra,
});

async function recordOne(extra: Record<string, unknown> = {}, viewer = rep) {
  const result = await db.execute<{ recordFeedback: { id: string; version: number } }>(
    RECORD,
    { input: input(extra) },
    { viewer },
  );
  return result;
}

describe('recording feedback', () => {
  it('records who raised it, trimmed, open, by the viewer', async () => {
    const person = await build.keyPerson(customer, { name: '采购部刘经理' });
    const result = await recordOne({ keyPersonId: gid('KeyPerson', person) });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordFeedback).toMatchObject({
      version: 1,
      status: 'OPEN',
      kind: 'OPINION',
      channel: 'WECHAT',
      category: 'PRICE',
      severity: 'LOW',
      receivedAt: '2026-11-20T02:00:00.000Z',
      description: '希望年度框架协议有阶梯价',
      keyPerson: { name: '采购部刘经理' },
      recordedBy: { name: '王销售' },
    });
  });

  it.each([
    ['a key person of another customer', 'keyPerson', ['NOT_FOUND', 'input.keyPersonId']],
    ['a time in the future', 'future', ['BAD_USER_INPUT', 'input.receivedAt']],
    ['a blank description', 'blank', ['BAD_USER_INPUT', 'input.description']],
    ['a customer outside the book', 'outside', ['NOT_FOUND', 'input.customerId']],
  ])('refuses %s and changes nothing', async (_name, what, expected) => {
    const elsewhere = await build.customer();
    const stranger = await build.keyPerson(elsewhere);
    const extra: Record<string, Record<string, unknown>> = {
      keyPerson: { keyPersonId: gid('KeyPerson', stranger) },
      future: { receivedAt: '2026-11-22T05:00:00Z' },
      blank: { description: '   ' },
      outside: { customerId: gid('Customer', elsewhere) },
    };
    const before = await tableCounts(db.orm);
    const result = await recordOne(extra[what]);
    expect(codes(result.errors)).toEqual([expected]);
    expect(await tableCounts(db.orm)).toEqual(before);
  });
});

describe('handling a complaint, every step versioned and in the history', () => {
  it('assign, plan, result, close, reopen', async () => {
    const recorded = await recordOne({ kind: 'COMPLAINT' });
    const id = recorded.data?.recordFeedback.id as string;
    const step = async <T>(mutation: string, variables: Record<string, unknown>) => {
      const result = await db.execute<T>(mutation, { id, ...variables }, { viewer: rep });
      expect(result.errors).toBeUndefined();
      return result.data as T;
    };
    const assigned = await step<{ assignFeedbackHandler: { version: number; handler: { name: string } } }>(
      'mutation ($id: ID!, $h: ID!) { assignFeedbackHandler(id: $id, expectedVersion: 1, handlerId: $h) { version handler { name } } }',
      { h: gid('Staff', handler) },
    );
    expect(assigned.assignFeedbackHandler).toEqual({ version: 2, handler: { name: '客服李' } });
    const planned = await step<{ updateFeedbackHandling: { version: number; handlingPlan: string } }>(
      'mutation ($id: ID!) { updateFeedbackHandling(id: $id, expectedVersion: 2, input: { handlingPlan: "下周上门沟通" }) { version handlingPlan } }',
      {},
    );
    expect(planned.updateFeedbackHandling).toEqual({ version: 3, handlingPlan: '下周上门沟通' });
    await step(
      'mutation ($id: ID!) { closeFeedback(id: $id, expectedVersion: 3, result: "已给予九五折") { id } }',
      {},
    );
    await step('mutation ($id: ID!) { reopenFeedback(id: $id, expectedVersion: 4) { id } }', {});

    const history = await db.execute<{
      customer: {
        history: {
          nodes: Array<{ action: string; changes: Array<{ field: string; after: string | null }> }>;
        };
      };
    }>(
      `query ($c: ID!) { customer(id: $c) { history(first: 50, sections: [FEEDBACK]) { nodes {
        action changes { field after } } } } }`,
      { c: gid('Customer', customer) },
      { viewer: rep },
    );
    const nodes = history.data?.customer.history.nodes ?? [];
    // Newest first: reopen, close, plan, handler, record.
    expect(nodes.slice(0, 4).map((n) => n.changes.map((c) => [c.field, c.after]))).toEqual([
      [
        ['closedAt', null],
        ['status', 'OPEN'],
      ],
      [
        ['closedAt', '2026-11-22T04:00:00.000Z'],
        ['result', '已给予九五折'],
        ['status', 'CLOSED'],
      ],
      [['handlingPlan', '下周上门沟通']],
      [['handlerId', gid('Staff', handler)]],
    ]);
    expect(nodes[4]?.action).toBe('CREATE');
  });

  it.each([
    ['a stale version', 'stale', ['VERSION_CONFLICT', undefined]],
    ['a handler who left', 'leaver', ['BAD_USER_INPUT', 'handlerId']],
    ['closing without a result', 'noResult', ['BAD_USER_INPUT', 'result']],
    ['reopening an open one', 'reopenOpen', ['BAD_USER_INPUT', 'id']],
    ['another rep, outside the book', 'outsider', ['NOT_FOUND', 'id']],
  ])('refuses %s', async (_name, what, expected) => {
    const recorded = await recordOne({ kind: 'COMPLAINT' });
    const id = recorded.data?.recordFeedback.id as string;
    const mutations: Record<string, [string, Record<string, unknown>, Staff]> = {
      stale: ['mutation ($id: ID!) { reopenFeedback(id: $id, expectedVersion: 7) { id } }', {}, rep],
      leaver: [
        'mutation ($id: ID!, $h: ID!) { assignFeedbackHandler(id: $id, expectedVersion: 1, handlerId: $h) { id } }',
        { h: gid('Staff', leaver) },
        rep,
      ],
      noResult: [
        'mutation ($id: ID!) { closeFeedback(id: $id, expectedVersion: 1, result: " ") { id } }',
        {},
        rep,
      ],
      reopenOpen: ['mutation ($id: ID!) { reopenFeedback(id: $id, expectedVersion: 1) { id } }', {}, rep],
      outsider: [
        'mutation ($id: ID!) { closeFeedback(id: $id, expectedVersion: 1, result: "x") { id } }',
        {},
        otherRep,
      ],
    };
    const [mutation, variables, viewer] = mutations[what] as [string, Record<string, unknown>, Staff];
    const before = await tableCounts(db.orm);
    const result = await db.execute(mutation, { id, ...variables }, { viewer });
    expect(codes(result.errors)).toEqual([expected]);
    expect(await tableCounts(db.orm)).toEqual(before);
  });
});

describe('Customer.feedback', () => {
  it('pages newest received first, filtered by status', async () => {
    const own = await build.customer({ owner: build.ref(Staff, rep) });
    const ids: string[] = [];
    for (const day of ['2026-11-01', '2026-11-03', '2026-11-02']) {
      const r = await recordOne({
        customerId: gid('Customer', own),
        receivedAt: `${day}T02:00:00Z`,
        description: day,
      });
      ids.push(r.data?.recordFeedback.id as string);
    }
    await db.execute(
      'mutation ($id: ID!) { closeFeedback(id: $id, expectedVersion: 1, result: "好") { id } }',
      { id: ids[1] },
      { viewer: rep },
    );
    const read = async (args: string) => {
      const result = await db.execute<{
        customer: {
          feedback: {
            totalCount: number;
            nodes: Array<{ description: string }>;
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        };
      }>(
        `query ($c: ID!) { customer(id: $c) { feedback(${args}) { totalCount nodes { description } pageInfo { hasNextPage endCursor } } } }`,
        { c: gid('Customer', own) },
        { viewer: rep },
      );
      expect(result.errors).toBeUndefined();
      return result.data?.customer.feedback;
    };
    const first = await read('first: 2');
    expect(first?.nodes.map((n) => n.description)).toEqual(['2026-11-03', '2026-11-02']);
    expect([first?.totalCount, first?.pageInfo.hasNextPage]).toEqual([3, true]);
    const next = await read(`first: 2, after: "${first?.pageInfo.endCursor}"`);
    expect(next?.nodes.map((n) => n.description)).toEqual(['2026-11-01']);
    const open = await read('status: OPEN');
    expect([open?.totalCount, open?.nodes.map((n) => n.description)]).toEqual([
      2,
      ['2026-11-02', '2026-11-01'],
    ]);
    const closed = await read('status: CLOSED');
    expect(closed?.nodes.map((n) => n.description)).toEqual(['2026-11-03']);
  });
});
