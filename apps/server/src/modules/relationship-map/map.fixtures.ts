import { randomUUID } from 'node:crypto';
import { DecisionRole, InfluenceLevel, type RelationshipState } from '@dossier/domain';
import { ref } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { DecisionRoleAssignment } from '../decision-role/decision-role.entity.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { Project } from '../project/project.entity.js';
import { Relationship } from '../relationship/relationship.entity.js';
import { Staff } from '../staff/staff.entity.js';

/**
 * Relationship-map test data. A relationship or role is written with its key person loaded in the same
 * EntityManager, which the history subscriber needs to file the change under the customer.
 */
export function mapFixtures(orm: MikroORM) {
  async function saveWithKeyPerson<T extends object>(
    person: KeyPerson,
    make: (em: typeof orm.em, kp: KeyPerson) => T,
  ) {
    const em = orm.em.fork();
    const entity = make(em, await em.findOneOrFail(KeyPerson, { id: person.id }));
    await em.persist(entity).flush();
    return entity;
  }

  return {
    relationship: (
      person: KeyPerson,
      staff: Staff,
      state: RelationshipState,
      lastContactAt: Date | null = null,
    ) =>
      saveWithKeyPerson(person, (em, kp) =>
        Object.assign(new Relationship(ref(kp), em.getReference(Staff, staff.id, { wrapped: true }), state), {
          lastContactAt,
        }),
      ),

    role: (
      person: KeyPerson,
      role: DecisionRole,
      influence: InfluenceLevel,
      project: Project | null = null,
    ) =>
      saveWithKeyPerson(
        person,
        (em, kp) =>
          new DecisionRoleAssignment(
            ref(kp),
            project ? em.getReference(Project, project.id, { wrapped: true }) : null,
            role,
            influence,
          ),
      ),
  };
}

const STATES = ['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'NONE'] as const;
const pad = (i: number) => String(i).padStart(4, '0');

/**
 * `count` head offices named A-0000… (so they sort before anything else), each with an owner, one branch
 * (named Z-…), one project and three key persons in a reports-to chain with two relationships each and a
 * role, general or per project. Plain bulk inserts, one per table: quick, and no history.
 */
export async function bulkDossiers(orm: MikroORM, count: number) {
  const knex = orm.em.getKnex();
  const staff = Array.from({ length: 6 }, (_, i) => ({
    id: randomUUID(),
    name: `员工${i}`,
    email: `bulk-${i}-${randomUUID()}@example.com`,
    role: 'SALES_REP',
    active: i !== 5,
  }));
  const customers: Array<Record<string, unknown>> = [];
  const projects: Array<Record<string, unknown>> = [];
  const persons: Array<Record<string, unknown>> = [];
  const links: Array<Record<string, unknown>> = [];
  const roles: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i += 1) {
    const head = randomUUID();
    const owner = staff[i % 5]?.id;
    customers.push({ id: head, code: `H${pad(i)}`, name: `A-${pad(i)}`, nature: 'COMPANY', owner_id: owner });
    customers.push({
      id: randomUUID(),
      code: `B${pad(i)}`,
      name: `Z-${pad(i)}`,
      nature: 'COMPANY',
      parent_id: head,
    });
    const project = randomUUID();
    projects.push({ id: project, customer_id: head, name: `项目${pad(i)}` });
    let boss: string | null = null;
    for (let j = 0; j < 3; j += 1) {
      const person = randomUUID();
      persons.push({ id: person, customer_id: head, name: `联系人${pad(i)}-${j}`, reports_to_id: boss });
      for (let k = 0; k < 2; k += 1) {
        const state = STATES[(i + j + k) % STATES.length];
        links.push({ id: randomUUID(), key_person_id: person, staff_id: staff[(i + j + k) % 6]?.id, state });
      }
      const [role, influence] = [
        [DecisionRole.DECISION_MAKER, InfluenceLevel.MEDIUM],
        [DecisionRole.TECHNICAL_BUYER, InfluenceLevel.MEDIUM],
        [DecisionRole.INFLUENCER, InfluenceLevel.HIGH],
      ][j] as [DecisionRole, InfluenceLevel];
      roles.push({
        id: randomUUID(),
        key_person_id: person,
        project_id: j === 0 ? null : project,
        role,
        influence,
      });
      boss = person;
    }
  }
  await knex('staff').insert(staff);
  await knex('customer').insert(customers);
  await knex('project').insert(projects);
  await knex('key_person').insert(persons);
  await knex('relationship').insert(links);
  await knex('decision_role_assignment').insert(roles);
  return { staffIds: staff.map((member) => member.id) };
}
