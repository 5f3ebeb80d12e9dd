import { ReminderKind } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { idOf, toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { deliverReminders } from './inbox.sweep.js';
import type { ReminderDraft } from './reminder-source.js';

// The inbox API: the viewer's own items only, not those about customers they no longer read; counts for
// the header; done, snooze and reopen as versioned writes kept in the history.
const db = await testDatabase({ clock: fixedClock('2027-03-03T02:00:00Z') });
const build = builders(db.orm);

let rep: Staff;
let colleague: Staff;
let mine: Customer;
let handedOver: Customer;

const draft = (
  recipient: Staff,
  kind: ReminderKind,
  customer: Customer | null,
  key: string,
): ReminderDraft => ({
  kind,
  recipientId: recipient.id,
  key,
  customerId: customer?.id ?? null,
  dueOn: '2027-03-03',
  params: { customer: customer?.name ?? '', days: 3 },
  link: '/customers',
});

async function deliver(drafts: ReminderDraft[]) {
  for (const kind of new Set(drafts.map((d) => d.kind))) {
    const list = drafts.filter((d) => d.kind === kind);
    await db.orm.em
      .fork()
      .transactional((em) =>
        deliverReminders(em, { kind, settles: false, collect: async () => [] }, list, '2027-03-03'),
      );
  }
}

beforeAll(async () => {
  rep = await build.staff({ name: '王销售' });
  colleague = await build.staff({ name: '赵销售' });
  mine = await build.customer({ name: '我的客户', owner: build.ref(Staff, rep) });
  handedOver = await build.customer({ name: '已移交客户', owner: build.ref(Staff, rep) });
  await deliver([
    draft(rep, ReminderKind.REVIEW_DUE, mine, 'a'),
    draft(rep, ReminderKind.CREDIT_REPORT_EXPIRED, mine, 'b'),
    draft(rep, ReminderKind.REVIEW_DUE, handedOver, 'c'),
    draft(colleague, ReminderKind.REVIEW_DUE, handedOver, 'd'),
    draft(colleague, ReminderKind.COVERAGE_GAP, mine, 'e'),
  ]);
  // the handover: the customer leaves the rep's book, the reminder about it with it
  await db.orm.em
    .fork()
    .execute('update customer set owner_id = ? where id = ?', [colleague.id, handedOver.id]);
});

const LIST = `query ($state: InboxItemState, $kind: ReminderKind) {
  inbox(first: 10, state: $state, kind: $kind) { totalCount nodes { id version kind state dueOn params link snoozedUntil } }
  inboxCounts { open byKind { kind count } }
}`;

interface Item {
  id: string;
  version: number;
  kind: string;
  state: string;
  snoozedUntil: string | null;
}
type ListAnswer = {
  inbox: { totalCount: number; nodes: Item[] };
  inboxCounts: { open: number; byKind: Array<{ kind: string; count: number }> };
};

const list = (variables: Record<string, unknown> = {}, viewer = rep) =>
  db.execute<ListAnswer>(LIST, variables, { viewer });

const codes = (errors: ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined) =>
  (errors ?? []).map((e) => [e.extensions?.code, e.extensions?.field]);

describe('the inbox', () => {
  it('lists my own items about customers I read, with counts per kind', async () => {
    const { data, errors } = await list();
    expect(errors).toBeUndefined();
    expect(data?.inbox.nodes.map((n) => [n.kind, n.state]).sort()).toEqual([
      ['CREDIT_REPORT_EXPIRED', 'OPEN'],
      ['REVIEW_DUE', 'OPEN'],
    ]);
    expect(data?.inbox.totalCount).toBe(2);
    expect(data?.inboxCounts).toEqual({
      open: 2,
      byKind: [
        { kind: 'CREDIT_REPORT_EXPIRED', count: 1 },
        { kind: 'REVIEW_DUE', count: 1 },
      ],
    });
    const colleagues = await list({}, colleague);
    // the colleague's own item about the customer now theirs; not theirs about the rep's customer
    expect(colleagues.data?.inbox.nodes.map((n) => n.kind)).toEqual(['REVIEW_DUE']);
    expect(colleagues.data?.inboxCounts.open).toBe(1);
  });

  it('filters by kind and state', async () => {
    const { data } = await list({ kind: 'REVIEW_DUE' });
    expect(data?.inbox.nodes.map((n) => n.kind)).toEqual(['REVIEW_DUE']);
    expect((await list({ state: 'DONE' })).data?.inbox.nodes).toEqual([]);
  });

  it('marks done, snoozes and reopens with versions, recorded in the history', async () => {
    const item = (await list({ kind: 'REVIEW_DUE' })).data?.inbox.nodes[0] as Item;
    const done = await db.execute<{ markInboxItemDone: Item }>(
      'mutation ($id: ID!, $v: Int!) { markInboxItemDone(id: $id, expectedVersion: $v) { version state } }',
      { id: item.id, v: item.version },
      { viewer: rep },
    );
    expect(done.data?.markInboxItemDone).toEqual({ version: 2, state: 'DONE' });
    expect((await list()).data?.inboxCounts.open).toBe(1);

    const stale = await db.execute(
      'mutation ($id: ID!, $v: Int!) { reopenInboxItem(id: $id, expectedVersion: $v) { state } }',
      { id: item.id, v: 1 },
      { viewer: rep },
    );
    expect(codes(stale.errors)).toEqual([['VERSION_CONFLICT', undefined]]);

    const reopened = await db.execute<{ reopenInboxItem: Item }>(
      'mutation ($id: ID!, $v: Int!) { reopenInboxItem(id: $id, expectedVersion: $v) { version state } }',
      { id: item.id, v: 2 },
      { viewer: rep },
    );
    expect(reopened.data?.reopenInboxItem).toEqual({ version: 3, state: 'OPEN' });

    const SNOOZE = `mutation ($id: ID!, $v: Int!, $until: LocalDate!) {
      snoozeInboxItem(id: $id, expectedVersion: $v, until: $until) { version state snoozedUntil } }`;
    const today = await db.execute(SNOOZE, { id: item.id, v: 3, until: '2027-03-03' }, { viewer: rep });
    expect(codes(today.errors)).toEqual([['BAD_USER_INPUT', 'until']]);
    const snoozed = await db.execute<{ snoozeInboxItem: Item }>(
      SNOOZE,
      { id: item.id, v: 3, until: '2027-03-06' },
      { viewer: rep },
    );
    expect(snoozed.data?.snoozeInboxItem).toEqual({
      version: 4,
      state: 'SNOOZED',
      snoozedUntil: '2027-03-06',
    });

    const history = await db.orm.em
      .fork()
      .execute<Array<{ action: string; field: string; before: string; after: string }>>(
        `select c.action, f.field, f.before, f.after from change c join field_change f on f.change_id = c.id
       where c.entity_type = 'InboxItem' and c.entity_id = ? and f.field = 'state'
       order by c.action, c.at, c.id`,
        [idOf(item.id, 'InboxItem', 'id')],
      );
    // The sweep's creation, and the person's three changes in their order.
    expect(history.map((h) => [h.action, h.before, h.after])).toEqual([
      ['CREATE', null, 'OPEN'],
      ['UPDATE', 'OPEN', 'DONE'],
      ['UPDATE', 'DONE', 'OPEN'],
      ['UPDATE', 'OPEN', 'SNOOZED'],
    ]);
  });

  it('answers NOT_FOUND for someone else’s item and one about a customer I no longer read', async () => {
    const theirs = (await list({}, colleague)).data?.inbox.nodes[0] as Item;
    const attempt = await db.execute(
      'mutation ($id: ID!, $v: Int!) { markInboxItemDone(id: $id, expectedVersion: $v) { state } }',
      { id: theirs.id, v: theirs.version },
      { viewer: rep },
    );
    expect(codes(attempt.errors)).toEqual([['NOT_FOUND', 'id']]);
    const [handed] = await db.orm.em
      .fork()
      .execute<Array<{ id: string }>>('select id from inbox_item where key = ?', ['c']);
    const hidden = await db.execute(
      'mutation ($id: ID!) { markInboxItemDone(id: $id, expectedVersion: 1) { state } }',
      { id: toGlobalId('InboxItem', handed?.id as string) },
      { viewer: rep },
    );
    expect(codes(hidden.errors)).toEqual([['NOT_FOUND', 'id']]);
  });

  it('reads an item back by node(id) for its recipient only, while they read its customer', async () => {
    const NODE = 'query ($id: ID!) { node(id: $id) { ... on InboxItem { kind state } } }';
    const [own] = (await list()).data?.inbox.nodes ?? [];
    const node = async (id: string, viewer: Staff) => (await db.execute(NODE, { id }, { viewer })).data;
    expect(await node(own?.id as string, rep)).toEqual({ node: { kind: own?.kind, state: own?.state } });
    expect(await node(own?.id as string, colleague)).toEqual({ node: null });
    const [handed] = await db.orm.em
      .fork()
      .execute<Array<{ id: string }>>('select id from inbox_item where key = ?', ['c']);
    expect(await node(toGlobalId('InboxItem', handed?.id as string), rep)).toEqual({ node: null });
  });

  it('reads a page with its counts in a fixed number of statements', async () => {
    const statements = await db.captureSql(() => list());
    // the page, its total, the counts
    expect(statements).toHaveLength(3);
  });

  it('refuses signed-out callers', async () => {
    const { errors } = await db.execute('{ inboxCounts { open } }', {}, { viewer: null });
    expect(codes(errors)).toEqual([['UNAUTHENTICATED', undefined]]);
  });
});
