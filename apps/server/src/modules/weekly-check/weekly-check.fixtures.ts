import { StaffRole } from '@dossier/domain';
import { builders } from '../../../test/builders.js';
import type { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';

type Db = Awaited<ReturnType<typeof testDatabase>>;

/**
 * The weekly check's people and helpers: a manager (王经理) with two reps, another manager's rep, an admin
 * and an analyst; changes are made through the API as the reps make them, at a given instant.
 */
export async function weeklyCheckWorld(db: Db) {
  const build = builders(db.orm);
  const manager = await build.staff({ name: '王经理' }, StaffRole.SALES_MANAGER);
  const otherManager = await build.staff({ name: '赵经理' }, StaffRole.SALES_MANAGER);
  const team = { manager: build.ref(Staff, manager) };
  const li = await build.staff({ name: '李明', ...team });
  const zhang = await build.staff({ name: '张伟', ...team });
  const chen = await build.staff({ name: '陈静', manager: build.ref(Staff, otherManager) });
  const admin = await build.staff({ name: '管理员' }, StaffRole.ADMIN);
  const analyst = await build.staff({ name: '分析师' }, StaffRole.ANALYST);
  const customerOf = (owner: Staff, name: string) => build.customer({ name, owner: build.ref(Staff, owner) });

  /** `rep` changes the customer's address through the API at `at` (an ISO instant). */
  async function changeAddress(rep: Staff, customer: Customer, at: string, address: string) {
    const version = (await db.orm.em.fork().findOneOrFail(Customer, customer.id)).version;
    const result = await db.execute(
      `mutation ($id: ID!, $v: Int!, $address: String) {
        updateCustomer(id: $id, expectedVersion: $v, input: { address: $address }) { id }
      }`,
      { id: gid(customer), v: version, address },
      { viewer: rep, clock: fixedClock(at) },
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  }

  /** `rep` adds a key person to the customer through the API at `at`. */
  async function addPerson(rep: Staff, customer: Customer, at: string, name: string) {
    const result = await db.execute(
      'mutation ($c: ID!, $name: String!) { addKeyPerson(input: { customerId: $c, name: $name }) { id } }',
      { c: gid(customer), name },
      { viewer: rep, clock: fixedClock(at) },
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  }

  return { manager, otherManager, li, zhang, chen, admin, analyst, customerOf, changeAddress, addPerson };
}

export const gid = (customer: Customer) => toGlobalId('Customer', customer.id);

export const CHECK = `mutation ($c: ID!, $week: LocalDate!, $comment: String, $version: Int) {
  checkDossier(customerId: $c, weekStart: $week, comment: $comment, version: $version) {
    verdict comment weekStart version reviewedAt manager { name } customer { name }
  }
}`;

export const RETURN = `mutation ($c: ID!, $week: LocalDate!, $request: String!, $version: Int) {
  returnDossier(customerId: $c, weekStart: $week, request: $request, version: $version) {
    verdict comment weekStart version manager { name }
  }
}`;

export const LIST = `query ($week: LocalDate) {
  weeklyCheck(weekStart: $week) {
    weekStart weekEnd total unchecked checked returned
    rows {
      customer { name } changes created sections lastChangedAt changedBy { name }
      check { verdict comment version manager { name } }
    }
  }
}`;

export const COMMENTS = `query ($id: ID!) {
  customer(id: $id) { weeklyChecks { weekStart verdict comment manager { name } } }
}`;
