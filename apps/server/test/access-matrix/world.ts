import { randomUUID } from 'node:crypto';
import { StaffRole } from '@dossier/domain';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { hashPassword } from '../../src/modules/auth/passwords.js';
import { KeyPersonProfile } from '../../src/modules/key-person/key-person-profile.embeddable.js';
import { Staff } from '../../src/modules/staff/staff.entity.js';
import type { Product } from '../../src/modules/trade/product.entity.js';
import { tradeFixtures } from '../../src/modules/trade/trade.fixtures.js';
import { builders } from '../builders.js';
import type { testDatabase } from '../harness.js';
import { daysFromNow, PASSWORD } from './arguments.js';

type Db = Awaited<ReturnType<typeof testDatabase>>;

/** Global ids of one book's rows, by GraphQL type. */
export type BookIds = Record<string, string>;

/** The values of a book's personal data, old (in its history) and current: none may show where denied. */
export interface Book {
  ids: BookIds;
  /** Names, codes and numbers that identify the book's rows. */
  names: string[];
  personal: string[];
}

/** Primary keys named before the rows exist, so a query can ask for them before and after. */
function plannedIds() {
  return { customer: randomUUID(), keyPerson: randomUUID(), project: randomUUID(), order: randomUUID() };
}

export const plannedGlobalIds = (planned: ReturnType<typeof plannedIds>): BookIds => ({
  Customer: toGlobalId('Customer', planned.customer),
  KeyPerson: toGlobalId('KeyPerson', planned.keyPerson),
  Project: toGlobalId('Project', planned.project),
  Order: toGlobalId('Order', planned.order),
});

/**
 * The matrix's company: the five viewers (a rep under a manager, an analyst, an archivist, an admin), and
 * outside their line another rep under another manager, who owns the customer the matrix probes. Each of
 * the rep and the manager has a book of their own, built as the other's is, for the allow half.
 */
export async function buildStaff(db: Db) {
  const build = builders(db.orm);
  // The viewers sign in too: `login` is in the matrix.
  const passwordHash = await hashPassword(PASSWORD);
  const manager = await build.staff({ name: '经理', passwordHash }, StaffRole.SALES_MANAGER);
  const viewers = {
    [StaffRole.SALES_REP]: await build.staff({
      name: '销售',
      passwordHash,
      manager: build.ref(Staff, manager),
    }),
    [StaffRole.SALES_MANAGER]: manager,
    [StaffRole.ANALYST]: await build.staff({ name: '分析师', passwordHash }, StaffRole.ANALYST),
    [StaffRole.ARCHIVIST]: await build.staff({ name: '档案员', passwordHash }, StaffRole.ARCHIVIST),
    [StaffRole.ADMIN]: await build.staff({ name: '管理员', passwordHash }, StaffRole.ADMIN),
  } as Record<StaffRole, Staff>;
  const otherManager = await build.staff({ name: '别组经理' }, StaffRole.SALES_MANAGER);
  const other = await build.staff({ name: '别组销售', manager: build.ref(Staff, otherManager) });
  const otherAnalyst = await build.staff({ name: '另一分析师' }, StaffRole.ANALYST);
  // Staff administration's target: nobody's manager, owns nothing, so it may even be deactivated.
  const leaver = await build.staff({ name: '离职员工' });
  const product = await tradeFixtures(db.orm).product();
  const token = await db.execute<{ createApiToken: { apiToken: { id: string } } }>(
    'mutation ($expiresAt: DateTimeISO!) { createApiToken(name: "别人的令牌", expiresAt: $expiresAt) { apiToken { id } } }',
    { expiresAt: daysFromNow(30) },
    { viewer: otherAnalyst },
  );
  const otherToken = token.data?.createApiToken.apiToken.id;
  if (!otherToken) throw new Error(JSON.stringify(token.errors));
  const planned = plannedIds();
  return { viewers, other, otherManager, otherToken, leaver, product, planned };
}

/**
 * One customer's dossier, owned by `owner`: a key person with phones, e-mail and a profile that the owner
 * then changes through the API (so the history holds old personal values), a relationship of the owner's,
 * a project with an event and a decision role, an order with a payment, a credit report.
 */
export async function buildBook(
  db: Db,
  owner: Staff,
  product: Product,
  tag: string,
  planned = plannedIds(),
): Promise<Book> {
  const build = builders(db.orm);
  const customer = await build.customer({
    id: planned.customer,
    name: `客户${tag}`,
    code: `C-${tag}`,
    owner: build.ref(Staff, owner),
  });
  const profile = Object.assign(new KeyPersonProfile(), { family: `家庭${tag}`, interests: `爱好${tag}` });
  const keyPerson = await build.keyPerson(customer, {
    id: planned.keyPerson,
    name: `联系人${tag}`,
    mobile: `1380000${tag}`,
    officePhone: `010-5555${tag}`,
    email: `kp-${tag}@example.com`,
    profile,
  });
  const relationship = await build.relationship(keyPerson, owner);
  const project = await build.project(customer, {
    id: planned.project,
    name: `项目${tag}`,
    owner: build.ref(Staff, owner),
  });
  const role = await build.role(keyPerson, undefined, undefined, project);
  const order = await tradeFixtures(db.orm).order(customer, {
    id: planned.order,
    number: `O-${tag}`,
    orderedAt: '2026-10-15',
    dueDate: '2026-11-15',
    rep: owner,
    lines: [{ product, quantity: 2, unitPrice: '1500.00' }],
  });
  const gid = (type: string, id: string) => toGlobalId(type, id);
  const written = await db.execute<{
    updateKeyPerson: { id: string };
    addProjectEvent: { id: string };
    recordCreditReport: { id: string };
    recordPayment: { id: string };
  }>(
    `mutation ($kp: ID!, $project: ID!, $customer: ID!, $order: ID!) {
      updateKeyPerson(id: $kp, expectedVersion: 1, input: {
        mobile: "1390000${tag}", profile: { family: "新家庭${tag}" } }) { id }
      addProjectEvent(input: { projectId: $project, title: "拜访${tag}", occurredAt: "2026-11-02T02:00:00Z" }) { id }
      recordCreditReport(input: { customerId: $customer, rating: A, reportedAt: "2026-11-01",
        validUntil: "2027-11-01" }) { id }
      recordPayment(input: { orderId: $order, amount: "1000.00", paidOn: "2026-11-10" }) { id }
    }`,
    {
      kp: gid('KeyPerson', keyPerson.id),
      project: gid('Project', project.id),
      customer: gid('Customer', customer.id),
      order: gid('Order', order.id),
    },
    { viewer: owner },
  );
  if (written.errors || !written.data) throw new Error(JSON.stringify(written.errors));
  return {
    ids: {
      Customer: gid('Customer', customer.id),
      KeyPerson: gid('KeyPerson', keyPerson.id),
      Relationship: gid('Relationship', relationship.id),
      Project: gid('Project', project.id),
      DecisionRoleAssignment: gid('DecisionRoleAssignment', role.id),
      Order: gid('Order', order.id),
      ProjectEvent: written.data.addProjectEvent.id,
      CreditReport: written.data.recordCreditReport.id,
      Payment: written.data.recordPayment.id,
    },
    names: [customer.name, customer.code, `联系人${tag}`, `项目${tag}`, `O-${tag}`, `拜访${tag}`],
    personal: [
      `1380000${tag}`,
      `1390000${tag}`,
      `010-5555${tag}`,
      `kp-${tag}@example.com`,
      `家庭${tag}`,
      `爱好${tag}`,
    ],
  };
}
