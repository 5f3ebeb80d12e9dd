import { randomUUID } from 'node:crypto';
import {
  CustomerNature,
  DecisionRole,
  InfluenceLevel,
  ProjectStage,
  RelationshipState,
  StaffRole,
} from '@dossier/domain';
import type { EntityClass, Primary, Ref } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Competitor } from '../src/modules/competitor/competitor.entity.js';
import { CustomerCompetitor } from '../src/modules/competitor/customer-competitor.entity.js';
import { Customer } from '../src/modules/customer/customer.entity.js';
import { DecisionRoleAssignment } from '../src/modules/decision-role/decision-role.entity.js';
import { KeyPerson } from '../src/modules/key-person/key-person.entity.js';
import { Project } from '../src/modules/project/project.entity.js';
import { Relationship } from '../src/modules/relationship/relationship.entity.js';
import { Staff } from '../src/modules/staff/staff.entity.js';

/**
 * Test data straight through the ORM (no validation; history is written with no actor): each test builds
 * exactly what it needs. Every builder persists and flushes, and returns the entity.
 */
export function builders(orm: MikroORM) {
  const em = () => orm.em.fork();
  const unique = () => randomUUID().slice(0, 8);
  async function save<T extends object>(entity: T, extra: Partial<T> = {}, fork = em()): Promise<T> {
    Object.assign(entity, extra);
    await fork.persist(entity).flush();
    return entity;
  }
  /** Relationships and roles file their history under the key person's customer: it must be loaded. */
  async function withKeyPerson(keyPerson: KeyPerson) {
    const fork = em();
    await fork.findOneOrFail(KeyPerson, keyPerson.id);
    return { fork, keyPersonRef: fork.getReference(KeyPerson, keyPerson.id, { wrapped: true }) };
  }
  const ref = <T extends { id: string }>(cls: EntityClass<T>, entity: T): Ref<T> =>
    orm.em.fork().getReference(cls, entity.id as Primary<T>, { wrapped: true });

  return {
    ref,
    staff: (extra: Partial<Staff> = {}, role = StaffRole.SALES_REP) =>
      save(new Staff(`员工${unique()}`, `staff-${unique()}@example.com`, role), extra),

    customer: (extra: Partial<Customer> = {}) =>
      save(new Customer(`T${unique()}`, `客户${unique()}`, CustomerNature.COMPANY), extra),

    keyPerson: (customer: Customer, extra: Partial<KeyPerson> = {}) =>
      save(new KeyPerson(ref(Customer, customer), `联系人${unique()}`), extra),

    relationship: async (keyPerson: KeyPerson, staff: Staff, state = RelationshipState.NEUTRAL) => {
      const { fork, keyPersonRef } = await withKeyPerson(keyPerson);
      return save(new Relationship(keyPersonRef, ref(Staff, staff), state), {}, fork);
    },

    project: (customer: Customer, extra: Partial<Project> = {}) =>
      save(new Project(ref(Customer, customer), `项目${unique()}`), { stage: ProjectStage.LEAD, ...extra }),

    role: async (
      keyPerson: KeyPerson,
      role = DecisionRole.DECISION_MAKER,
      influence = InfluenceLevel.HIGH,
      project: Project | null = null,
    ) => {
      const { fork, keyPersonRef } = await withKeyPerson(keyPerson);
      const projectRef = project ? ref(Project, project) : null;
      return save(new DecisionRoleAssignment(keyPersonRef, projectRef, role, influence), {}, fork);
    },

    competitor: (extra: Partial<Competitor> = {}) => save(new Competitor(`竞争对手${unique()}`), extra),

    /** A competitor present at a customer, as a rep records it (competitor.service.ts checks the shares). */
    presence: (customer: Customer, competitor: Competitor, extra: Partial<CustomerCompetitor> = {}) =>
      save(new CustomerCompetitor(ref(Customer, customer), ref(Competitor, competitor)), extra),
  };
}

/** Row counts of every dossier table: compared before and after a refused write, they prove it changed nothing. */
export async function tableCounts(orm: MikroORM): Promise<Record<string, number>> {
  const tables = [
    'staff',
    'customer',
    'key_person',
    'relationship',
    'decision_role_assignment',
    'project',
    'project_event',
    'credit_report',
    'change',
    'field_change',
    'payment',
    'order_return',
    'feedback',
    'satisfaction_survey',
    'competitor',
    'customer_competitor',
  ];
  const [row] = await orm.em
    .getConnection()
    .execute<Array<Record<string, number>>>(
      `select ${tables.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')}`,
    );
  return row ?? {};
}
