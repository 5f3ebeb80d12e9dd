import { StaffRole } from '@dossier/domain';
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

type Errors = ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined;
const codes = (errors: Errors) => (errors ?? []).map((e) => [e.extensions?.code, e.extensions?.field]);

let manager: Staff;
let wang: Staff;
let zhao: Staff;
let outsider: Staff;
let admin: Staff;
let east: Customer;
let east2: Customer;
let south: Customer;
let elsewhere: Customer;
beforeAll(async () => {
  manager = await build.staff({ name: '经理' }, StaffRole.SALES_MANAGER);
  wang = await build.staff({ name: '王', manager: build.ref(Staff, manager) });
  zhao = await build.staff({ name: '赵', manager: build.ref(Staff, manager) });
  outsider = await build.staff({ name: '外组' });
  admin = await build.staff({ name: '管理员' }, StaffRole.ADMIN);
  east = await build.customer({ owner: build.ref(Staff, wang), region: '华东' });
  east2 = await build.customer({ owner: build.ref(Staff, zhao), region: '华东' });
  south = await build.customer({ owner: build.ref(Staff, wang), region: '华南' });
  elsewhere = await build.customer({ owner: build.ref(Staff, outsider), region: '华南' });
});

const RECORD = `mutation ($input: RecordSatisfactionSurveyInput!) {
  recordSatisfactionSurvey(input: $input) { id version surveyedOn productScore deliveryScore serviceScore priceScore comment }
}`;

async function survey(customer: Customer, day: string, scores: number[], viewer: Staff, comment?: string) {
  const [productScore, deliveryScore, serviceScore, priceScore] = scores;
  return db.execute<{ recordSatisfactionSurvey: { id: string; version: number } }>(
    RECORD,
    {
      input: {
        customerId: gid('Customer', customer),
        surveyedOn: day,
        productScore,
        deliveryScore,
        serviceScore,
        priceScore,
        comment,
      },
    },
    { viewer },
  );
}

describe('satisfaction surveys', () => {
  it('are recorded, one per customer and day, scores 1–5, and listed oldest first', async () => {
    const later = await survey(east, '2026-11-20', [4, 3, 5, 2], wang, '交期有改善');
    expect(later.errors).toBeUndefined();
    expect(later.data?.recordSatisfactionSurvey).toMatchObject({
      version: 1,
      surveyedOn: '2026-11-20',
      productScore: 4,
      deliveryScore: 3,
      serviceScore: 5,
      priceScore: 2,
      comment: '交期有改善',
    });
    expect((await survey(east, '2026-08-20', [3, 2, 4, 2], wang)).errors).toBeUndefined();

    const before = await tableCounts(db.orm);
    expect(codes((await survey(east, '2026-11-20', [5, 5, 5, 5], wang)).errors)).toEqual([
      ['BAD_USER_INPUT', 'input.surveyedOn'],
    ]);
    expect(codes((await survey(east, '2026-11-21', [5, 6, 5, 5], wang)).errors)).toEqual([
      ['BAD_USER_INPUT', 'input.deliveryScore'],
    ]);
    expect(codes((await survey(east, '2026-11-23', [5, 5, 5, 5], wang)).errors)).toEqual([
      ['BAD_USER_INPUT', 'input.surveyedOn'],
    ]);
    expect(codes((await survey(elsewhere, '2026-11-21', [5, 5, 5, 5], wang)).errors)).toEqual([
      ['NOT_FOUND', 'input.customerId'],
    ]);
    expect(await tableCounts(db.orm)).toEqual(before);

    const trend = await db.execute<{
      customer: { satisfactionSurveys: Array<{ surveyedOn: string; priceScore: number }> };
    }>(
      'query ($c: ID!) { customer(id: $c) { satisfactionSurveys { surveyedOn priceScore } } }',
      { c: gid('Customer', east) },
      { viewer: wang },
    );
    expect(trend.data?.customer.satisfactionSurveys).toEqual([
      { surveyedOn: '2026-08-20', priceScore: 2 },
      { surveyedOn: '2026-11-20', priceScore: 2 },
    ]);
  });

  it('are corrected and deleted with their history', async () => {
    const recorded = await survey(south, '2026-10-10', [2, 2, 2, 2], wang);
    const id = recorded.data?.recordSatisfactionSurvey.id as string;
    const corrected = await db.execute<{ updateSatisfactionSurvey: { version: number; priceScore: number } }>(
      'mutation ($id: ID!) { updateSatisfactionSurvey(id: $id, expectedVersion: 1, input: { priceScore: 4 }) { version priceScore } }',
      { id },
      { viewer: wang },
    );
    expect(corrected.data?.updateSatisfactionSurvey).toEqual({ version: 2, priceScore: 4 });
    const stale = await db.execute(
      'mutation ($id: ID!) { deleteSatisfactionSurvey(id: $id, expectedVersion: 1) }',
      { id },
      { viewer: wang },
    );
    expect(codes(stale.errors)).toEqual([['VERSION_CONFLICT', undefined]]);
    const deleted = await db.execute<{ deleteSatisfactionSurvey: boolean }>(
      'mutation ($id: ID!) { deleteSatisfactionSurvey(id: $id, expectedVersion: 2) }',
      { id },
      { viewer: wang },
    );
    expect(deleted.data?.deleteSatisfactionSurvey).toBe(true);
    const history = await db.execute<{
      customer: {
        history: {
          nodes: Array<{
            entityType: string;
            action: string;
            changes: Array<{ field: string; before: string | null; after: string | null }>;
          }>;
        };
      };
    }>(
      `query ($c: ID!) { customer(id: $c) { history(first: 10, sections: [FEEDBACK]) { nodes {
        entityType action changes { field before after } } } } }`,
      { c: gid('Customer', south) },
      { viewer: wang },
    );
    const nodes = history.data?.customer.history.nodes ?? [];
    expect(nodes.map((n) => [n.entityType, n.action])).toEqual([
      ['SatisfactionSurvey', 'DELETE'],
      ['SatisfactionSurvey', 'UPDATE'],
      ['SatisfactionSurvey', 'CREATE'],
    ]);
    expect(nodes[1]?.changes).toEqual([{ field: 'priceScore', before: '2', after: '4' }]);
  });
});

describe('satisfactionSummary', () => {
  beforeAll(async () => {
    // east: 2026-08-20 [3,2,4,2] and 2026-11-20 [4,3,5,2] (above); more:
    await survey(east2, '2026-11-01', [5, 5, 4, 3], zhao);
    await survey(south, '2026-11-02', [1, 2, 3, 4], wang);
    await survey(elsewhere, '2026-11-02', [5, 5, 5, 5], outsider);
  });

  const summary = async (viewer: Staff, args: string) => {
    const result = await db.execute<{
      satisfactionSummary: Array<{
        owner: { name: string } | null;
        region: string | null;
        surveys: number;
        average: number;
        distribution: number[];
      }>;
    }>(
      `{ satisfactionSummary(${args}) { owner { name } region surveys average distribution } }`,
      {},
      { viewer },
    );
    expect(result.errors).toBeUndefined();
    return result.data?.satisfactionSummary;
  };

  it('gives a manager their line per rep and per region, within the dates', async () => {
    expect(await summary(manager, 'groupBy: OWNER, from: "2026-09-01", to: "2026-11-30"')).toEqual([
      // 王: [4,3,5,2] + [1,2,3,4]; 赵: [5,5,4,3]
      { owner: { name: '王' }, region: null, surveys: 2, average: 3, distribution: [1, 2, 2, 2, 1] },
      { owner: { name: '赵' }, region: null, surveys: 1, average: 4.25, distribution: [0, 0, 1, 1, 2] },
    ]);
    expect(await summary(manager, 'groupBy: REGION')).toEqual([
      { owner: null, region: '华东', surveys: 3, average: 3.5, distribution: [0, 3, 3, 3, 3] },
      { owner: null, region: '华南', surveys: 1, average: 2.5, distribution: [1, 1, 1, 1, 0] },
    ]);
  });

  it('scores one aspect when asked, and gives a rep only their book; an admin everything', async () => {
    expect(await summary(zhao, 'groupBy: OWNER, aspect: PRICE')).toEqual([
      { owner: { name: '赵' }, region: null, surveys: 1, average: 3, distribution: [0, 0, 1, 0, 0] },
    ]);
    const all = await summary(admin, 'groupBy: REGION, from: "2026-11-02", to: "2026-11-02"');
    expect(all).toEqual([
      { owner: null, region: '华南', surveys: 2, average: 3.75, distribution: [1, 1, 1, 1, 4] },
    ]);
  });

  it('refuses a reversed range', async () => {
    const result = await db.execute(
      '{ satisfactionSummary(groupBy: OWNER, from: "2026-11-02", to: "2026-11-01") { surveys } }',
      {},
      { viewer: manager },
    );
    expect(codes(result.errors)).toEqual([['BAD_USER_INPUT', 'to']]);
  });
});

describe('reading many dossiers’ feedback', () => {
  it('takes a fixed number of statements however many customers', async () => {
    for (const customer of [east, east2, south]) {
      await db.execute(
        `mutation ($input: RecordFeedbackInput!) { recordFeedback(input: $input) { id } }`,
        {
          input: {
            customerId: gid('Customer', customer),
            kind: 'COMPLAINT',
            channel: 'VISIT',
            category: 'SERVICE',
            severity: 'MEDIUM',
            receivedAt: '2026-11-10T02:00:00Z',
            description: '售后响应慢',
            keyPersonId: gid('KeyPerson', await build.keyPerson(customer)),
          },
        },
        { viewer: admin },
      );
    }
    const query = `{ customers(first: 50) { nodes { name
      feedback(first: 5) { totalCount nodes { description handler { name } recordedBy { name } keyPerson { name } } }
      satisfactionSurveys { surveyedOn recordedBy { name } } } } }`;
    let answer: unknown;
    const statements = await db.captureSql(async () => {
      answer = await db.execute(query, {}, { viewer: admin });
    });
    expect((answer as { errors?: unknown }).errors).toBeUndefined();
    // customers + count, feedback pages, feedback counts, surveys, staff, key persons (with their customers)
    expect(statements.length).toBeLessThanOrEqual(8);
    const feedbackReads = statements.filter((s) => /from "?feedback"? /.test(s));
    expect(feedbackReads.length).toBe(2);
  });
});
