import { addMonths, CreditRating, CustomerNature, StaffRole } from '@dossier/domain';
import { ref } from '@mikro-orm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { runAs } from '../../core/audit/actor.js';
import { CreditReport } from '../credit-report/credit-report.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { Project } from '../project/project.entity.js';
import { ProjectEvent } from '../project/project-event.entity.js';
import { Staff } from '../staff/staff.entity.js';

// captureSql recognises MikroORM's query lines by their uncoloured "[query] " prefix.
const db = await testDatabase();
let viewer: Staff;

/**
 * 120 customers with 4 projects of 2 events each and 2 credit reports, written in one flush on behalf of
 * a few staff members, so every customer has history with actors and field values.
 */
beforeAll(async () => {
  const em = db.orm.em.fork();
  const staff = [1, 2, 3].map((i) => new Staff(`员工${i}`, `staff${i}@example.com`, StaffRole.SALES_REP));
  viewer = staff[0] as Staff;
  em.persist(staff);
  await em.flush();
  for (let c = 0; c < 120; c += 1) {
    const author = staff[c % 3] as Staff;
    const customer = new Customer(`B${c}`, `客户${String(c).padStart(3, '0')}`, CustomerNature.COMPANY);
    em.persist(customer);
    for (let p = 0; p < 4; p += 1) {
      const project = new Project(ref(customer), `项目${c}-${p}`);
      project.owner = ref(staff[p % 3] as Staff);
      project.createdAt = new Date(Date.UTC(2026, 0, 1 + p));
      em.persist(project);
      for (let e = 0; e < 2; e += 1) {
        em.persist(
          new ProjectEvent(ref(project), new Date(Date.UTC(2026, 1, 1 + e)), `事件${e}`, ref(author)),
        );
      }
    }
    const expired = new CreditReport(ref(customer), '2025-01-10', '2025-07-10', CreditRating.BBB);
    const current = new CreditReport(
      ref(customer),
      db.clock.today(),
      addMonths(db.clock.today(), 6),
      CreditRating.A,
    );
    em.persist([expired, current]);
  }
  await runAs(viewer.id, () => em.flush());
});

const DOSSIERS = `query ($first: Int!) {
  customers(first: $first) { nodes {
    projects(first: 3) { nodes { name events { title } owner { name } } }
    creditReports { rating expired }
    history(first: 5) { nodes { actor { name } changes { field } } }
  } }
}`;

type Dossiers = {
  customers: {
    nodes: Array<{
      projects: { nodes: Array<{ name: string; events: unknown[]; owner: { name: string } }> };
      creditReports: Array<{ rating: string; expired: boolean }>;
      history: { nodes: Array<{ actor: { name: string } | null; changes: unknown[] }> };
    }>;
  };
};

async function run(first: number) {
  let result: Awaited<ReturnType<typeof db.execute<Dossiers>>> | undefined;
  const statements = await db.captureSql(async () => {
    result = await db.execute<Dossiers>(DOSSIERS, { first }, { viewer });
  });
  expect(result?.errors).toBeUndefined();
  return { statements, nodes: result?.data?.customers.nodes ?? [] };
}

describe('batching of projects, credit reports and history across many customers', () => {
  it('runs one statement per table for 20 and for 100 customers, the staff lookup at most twice', async () => {
    const tablesOf = (statements: string[]) => statements.map((sql) => /from "(\w+)"/.exec(sql)?.[1]).sort();
    const twenty = await run(20);
    const hundred = await run(100);
    expect(twenty.nodes).toHaveLength(20);
    expect(hundred.nodes).toHaveLength(100);
    // customers; projects and history as one window query each; reports, events, field changes; then the
    // staff members the projects' owners and the changes' actors name. Owners are asked once the projects
    // have arrived and actors once the history has: when both answers land in the same turn of the event
    // loop the two share one lookup, else each has its own (seen on a loaded machine). Either way the count
    // is fixed by the document's shape, never by the number of customers.
    const once = ['change', 'credit_report', 'customer', 'field_change', 'project', 'project_event'];
    for (const { statements } of [twenty, hundred]) {
      const tables = tablesOf(statements);
      expect(tables.filter((table) => table !== 'staff')).toEqual(once);
      expect(tables.filter((table) => table === 'staff').length).toBeGreaterThanOrEqual(1);
      expect(tables.filter((table) => table === 'staff').length).toBeLessThanOrEqual(2);
    }
    expect(hundred.statements.filter((sql) => sql.includes('row_number() over'))).toHaveLength(2);
  });

  it("filters every customer's history by section within the same one window statement", async () => {
    const query = `query ($first: Int!) { customers(first: $first) { nodes {
      history(first: 5, sections: [CREDIT]) { nodes { entityType actor { name } } }
    } } }`;
    type Filtered = { customers: { nodes: Array<{ history: { nodes: Array<{ entityType: string }> } }> } };
    let result: Awaited<ReturnType<typeof db.execute<Filtered>>> | undefined;
    const statements = await db.captureSql(async () => {
      result = await db.execute<Filtered>(query, { first: 100 }, { viewer });
    });
    expect(result?.errors).toBeUndefined();
    const nodes = result?.data?.customers.nodes ?? [];
    expect(nodes).toHaveLength(100);
    for (const node of nodes)
      expect(node.history.nodes.map((change) => change.entityType)).toEqual(['CreditReport', 'CreditReport']);
    // customers; history as one window query narrowed by entity type; actors.
    const windows = statements.filter((sql) => sql.includes('row_number() over'));
    expect(statements).toHaveLength(3);
    expect(windows).toHaveLength(1);
    expect(windows[0]).toContain('"t"."entity_type" in');
  });

  it('answers each customer with its own first pages', async () => {
    const { nodes } = await run(100);
    for (const [i, node] of nodes.entries()) {
      expect(node.projects.nodes.map((p) => p.name)).toEqual([3, 2, 1].map((p) => `项目${i}-${p}`));
      expect(node.projects.nodes.every((p) => p.events.length === 2)).toBe(true);
      expect(node.creditReports).toEqual([
        { rating: 'A', expired: false },
        { rating: 'BBB', expired: true },
      ]);
      expect(node.history.nodes).toHaveLength(5);
      expect(node.history.nodes.every((change) => change.actor?.name === '员工1')).toBe(true);
    }
  });
});
