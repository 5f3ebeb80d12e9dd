import { DecisionRole, InfluenceLevel, RelationshipState, StaffRole } from '@dossier/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { hashPassword } from '../../src/modules/auth/passwords.js';
import { Staff } from '../../src/modules/staff/staff.entity.js';
import { tradeFixtures } from '../../src/modules/trade/trade.fixtures.js';
import { builders } from '../builders.js';

export const FUZZ_PASSWORD = 'fuzz-pass-1';

export interface FuzzDataset {
  /** Sign-in e-mails of the callers. */
  emails: { rep: string; analyst: string; manager: string };
  /** Global ids of every row built, of every type. */
  ids: string[];
  /** Texts a real request would carry: names, codes, e-mails. */
  texts: string[];
}

/**
 * A small dossier: three customers (two the rep's, one the manager's), two key persons each with
 * relationships and roles, a project each, orders with lines and payments. Small, so the per-request
 * checksum stays cheap.
 */
export async function buildFuzzDataset(orm: MikroORM): Promise<FuzzDataset> {
  const build = builders(orm);
  const trade = tradeFixtures(orm);
  const passwordHash = await hashPassword(FUZZ_PASSWORD);
  const emails = {
    rep: 'rep@fuzz.example',
    analyst: 'analyst@fuzz.example',
    manager: 'manager@fuzz.example',
  };
  const rep = await build.staff({ email: emails.rep, passwordHash }, StaffRole.SALES_REP);
  const analyst = await build.staff({ email: emails.analyst, passwordHash }, StaffRole.ANALYST);
  const manager = await build.staff({ email: emails.manager, passwordHash }, StaffRole.SALES_MANAGER);
  const product = await trade.product();

  const ids = [toGlobalId('Staff', rep.id), toGlobalId('Staff', analyst.id), toGlobalId('Staff', manager.id)];
  const texts: string[] = [...Object.values(emails), product.name];
  for (const [i, owner] of [rep, rep, manager].entries()) {
    const customer = await build.customer({ owner: build.ref(Staff, owner) });
    const project = await build.project(customer);
    ids.push(toGlobalId('Customer', customer.id), toGlobalId('Project', project.id));
    texts.push(customer.name, customer.code, project.name);
    for (const state of [RelationshipState.POSITIVE, RelationshipState.NEUTRAL]) {
      const keyPerson = await build.keyPerson(customer);
      const relationship = await build.relationship(keyPerson, owner, state);
      const role = await build.role(keyPerson, DecisionRole.DECISION_MAKER, InfluenceLevel.HIGH, project);
      ids.push(
        toGlobalId('KeyPerson', keyPerson.id),
        toGlobalId('Relationship', relationship.id),
        toGlobalId('DecisionRoleAssignment', role.id),
      );
      if (keyPerson.name) texts.push(keyPerson.name);
    }
    for (const orderedAt of ['2026-03-15', '2026-09-01']) {
      const order = await trade.order(customer, {
        orderedAt,
        dueDate: '2026-12-31',
        rep: owner,
        paidAmount: i === 0 ? '100.00' : undefined,
        lines: [{ product, quantity: 3, unitPrice: '250.00' }],
      });
      ids.push(toGlobalId('Order', order.id));
      texts.push(order.number);
    }
  }
  return { emails, ids, texts };
}
