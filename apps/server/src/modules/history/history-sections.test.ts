import { CreditRating, CustomerNature, StaffRole } from '@dossier/domain';
import { ref } from '@mikro-orm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { runAs } from '../../core/audit/actor.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { CreditReport } from '../credit-report/credit-report.entity.js';
import { Customer } from '../customer/customer.entity.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { Project } from '../project/project.entity.js';
import { ProjectEvent } from '../project/project-event.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { historyPage, storedHistoryIds, walkHistory } from './history.fixtures.js';

const db = await testDatabase();
let viewer: Staff;
let customerId = '';

/**
 * One customer with changes in four sections (12 in all), plus another customer whose project changes
 * must never show up in the first one's filtered history.
 */
beforeAll(async () => {
  const em = db.orm.em.fork();
  viewer = new Staff('王芳', 'wang@example.com', StaffRole.ADMIN);
  em.persist(viewer);
  await em.flush();
  const [customer, other] = ['甲', '乙'].map(
    (name, i) => new Customer(`S${i}`, name, CustomerNature.COMPANY),
  );
  em.persist([customer, other] as Customer[]);
  customerId = (customer as Customer).id;
  for (const owner of [customer, other] as Customer[]) {
    for (let p = 0; p < 3; p += 1) {
      const project = new Project(ref(owner), `项目${p}`);
      em.persist(project);
      for (let e = 0; e < 2; e += 1)
        em.persist(
          new ProjectEvent(ref(project), new Date(Date.UTC(2026, 1, 1 + e)), `事件${e}`, ref(viewer)),
        );
    }
  }
  em.persist([
    new KeyPerson(ref(customer as Customer), '李总'),
    new CreditReport(ref(customer as Customer), '2026-01-10', '2026-07-10', CreditRating.A),
  ]);
  await runAs(viewer.id, () => em.flush());
});

describe('Customer.history(sections:)', () => {
  it('pages through only the projects section, following the cursor', async () => {
    const { totalCount, entries } = await walkHistory(db, viewer, customerId, 4, ['PROJECTS']);
    expect(totalCount).toBe(9);
    expect(new Set(entries.map((entry) => entry.entityType))).toEqual(new Set(['Project', 'ProjectEvent']));
    expect(entries.map((entry) => entry.id)).toEqual(
      await storedHistoryIds(db, customerId, ['Project', 'ProjectEvent']),
    );
  });

  it('combines sections, and every section together is the whole history', async () => {
    const { totalCount, entries } = await walkHistory(db, viewer, customerId, 2, [
      'BASIC',
      'PEOPLE',
      'CREDIT',
    ]);
    expect(totalCount).toBe(3);
    expect(entries.map((entry) => entry.id)).toEqual(
      await storedHistoryIds(db, customerId, ['Customer', 'KeyPerson', 'CreditReport']),
    );
    const all = ['BASIC', 'PEOPLE', 'MAP', 'ROLES', 'PROJECTS', 'TRADE', 'CREDIT'];
    const whole = await walkHistory(db, viewer, customerId, 5, all);
    expect(whole.entries.map((entry) => entry.id)).toEqual(await storedHistoryIds(db, customerId));
  });

  it('answers an empty page for a section without changes', async () => {
    const page = await historyPage(db, viewer, customerId, { first: 10, sections: ['TRADE'] });
    expect(page.totalCount).toBe(0);
    expect(page.nodes).toEqual([]);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses an unknown section as bad input', async () => {
    const result = await db.execute(
      'query ($id: ID!, $s: [HistorySection!]) { customer(id: $id) { history(sections: $s) { totalCount } } }',
      { id: toGlobalId('Customer', customerId), s: ['NOPE'] },
      { viewer },
    );
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
