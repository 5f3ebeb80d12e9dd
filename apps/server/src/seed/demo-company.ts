import { StaffRole } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../core/clock/clock.js';
import { refreshAnalytics } from '../modules/analytics/analytics.refresh.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { reserveCustomerCodes } from '../modules/customer/customer-code.js';
import { insertRows, type Row } from './bulk-insert.js';
import { COMPETITORS_SEED, planCompetitors } from './demo-competitors.js';
import { creditReports } from './demo-credit.js';
import { customerRow, planCustomers } from './demo-customers.js';
import { DOCUMENTS_SEED, planDocuments } from './demo-documents.js';
import { FEEDBACK_SEED, planFeedback } from './demo-feedback.js';
import { GROUP_SEED, planGroupCustomer } from './demo-group.js';
import { planTrade } from './demo-orders.js';
import { planKeyPersons, planRelationships } from './demo-people.js';
import { generalRoles, planProjects } from './demo-projects.js';
import { Demo } from './demo-random.js';
import { DEMO_PASSWORD, planStaff } from './demo-staff.js';

/** Table names in insertion order: every foreign key points at a table inserted before. */
const TABLES = [
  'staff',
  'competitor',
  'customer',
  'customer_competitor',
  'key_person',
  'relationship',
  'project',
  'project_event',
  'decision_role_assignment',
  'credit_report',
  'product',
  'sales_order',
  'order_line',
  'payment',
  'document',
  'document_content',
  'feedback',
  'satisfaction_survey',
] as const;

export type DemoTables = Record<(typeof TABLES)[number], Row[]>;

/** The whole demo company as table rows; the same rows for the same clock, ids included. */
export function demoCompany(demo: Demo, passwordHash: string): DemoTables {
  const staff = planStaff(demo, passwordHash);
  const staffId = (role: StaffRole) => staff.find((s) => s.role === role)?.id ?? '';
  const customers = planCustomers(demo, staff);
  const tables: DemoTables = {
    staff: staff.map((s) => s.row),
    competitor: [],
    customer: [],
    customer_competitor: [],
    key_person: [],
    relationship: [],
    project: [],
    project_event: [],
    decision_role_assignment: [],
    credit_report: [],
    product: [],
    sales_order: [],
    order_line: [],
    payment: [],
    document: [],
    document_content: [],
    feedback: [],
    satisfaction_survey: [],
  };
  for (const customer of customers) {
    const people = planKeyPersons(demo, customer);
    const { projects, events, roles } = planProjects(
      demo,
      customer,
      people,
      staffId(StaffRole.SALES_MANAGER),
    );
    tables.key_person.push(...people.map((person) => person.row));
    tables.relationship.push(...planRelationships(demo, customer, people, staff));
    tables.project.push(...projects);
    tables.project_event.push(...events);
    tables.decision_role_assignment.push(...generalRoles(demo, customer, people), ...roles);
    tables.credit_report.push(...creditReports(demo, customer, staffId(StaffRole.ANALYST)));
  }
  // Credit limits come from the credit reports, so customer rows are made last.
  tables.customer = customers.map(customerRow);
  const code = `C${String(customers.length + 1).padStart(6, '0')}`;
  const group = planGroupCustomer(demo.withSeed(GROUP_SEED), staff, code);
  tables.customer.push(group.customer);
  tables.key_person.push(...group.keyPersons);
  tables.relationship.push(...group.relationships);
  tables.project.push(...group.projects);
  tables.project_event.push(...group.events);
  tables.decision_role_assignment.push(...group.roles);
  const rep = staff.find((s) => s.email === 'rep@demo.dossier')?.id ?? '';
  const archive = planDocuments(
    demo.withSeed(DOCUMENTS_SEED),
    customers,
    tables.project,
    rep,
    staffId(StaffRole.ARCHIVIST),
  );
  // After the key persons: a few of them are set to favour a competitor present at their customer.
  const rivals = planCompetitors(demo.withSeed(COMPETITORS_SEED), customers, tables.key_person);
  const feedback = planFeedback(demo.withSeed(FEEDBACK_SEED), customers, tables.key_person, rep);
  return { ...tables, ...rivals, ...planTrade(demo, customers), ...archive, ...feedback };
}

export type DemoSummary = Record<(typeof TABLES)[number], number>;

/**
 * Fills an empty database with the demo company (a Chinese B2B seller with ~300 customers and two years of
 * orders) in one transaction, then refreshes the analytics snapshots; answers null and changes nothing when
 * the database already has staff. Not a user's write, so no history is recorded.
 */
export async function seedDemoCompany(em: EntityManager, clock: Clock): Promise<DemoSummary | null> {
  const summary = await em.transactional(async (tx): Promise<DemoSummary | null> => {
    // Two servers starting on one empty database: the second waits here, then finds the staff.
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', ['dossier demo seed']);
    const [row] = await tx.execute<Array<{ seeded: boolean }>>(
      'select exists (select 1 from staff) as seeded',
    );
    if (row?.seeded) return null;
    // One hash for every demo account: argon2 is slow on purpose.
    const tables = demoCompany(new Demo(clock), await hashPassword(DEMO_PASSWORD));
    for (const table of TABLES) await insertRows(tx, table, tables[table]);
    // createCustomer numbers new customers from this sequence: carry on after the demo's codes.
    await reserveCustomerCodes(
      tx,
      tables.customer.map((c) => String(c.code)),
    );
    // An order's total is by definition the sum of its lines' (generated) amounts.
    await tx.execute(
      `update sales_order o set total = s.total
       from (select order_id, sum(amount) as total from order_line group by order_id) s
       where s.order_id = o.id`,
    );
    return Object.fromEntries(TABLES.map((table) => [table, tables[table].length])) as DemoSummary;
  });
  // The lists sort and filter by the ABC and risk snapshots, so the demo shows its classes and risks at once;
  // refreshed once the orders are committed, ABC first (the risk rules read the classes).
  if (summary) await refreshAnalytics(em, clock);
  return summary;
}
