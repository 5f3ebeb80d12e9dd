import { type EntityClass, type EntityDictionary, ReferenceKind } from '@mikro-orm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { KeyPerson } from '../../modules/key-person/key-person.entity.js';
import { Relationship } from '../../modules/relationship/relationship.entity.js';
import { seedDemoCompany } from '../../seed/demo-company.js';
import { fixedClock } from '../clock/clock.js';
import { entities } from './entities.js';
import { ReadRef, readColumns, readCopy } from './read-model.js';

const db = await testDatabase({ clock: fixedClock('2026-11-29T08:00:00Z') });

beforeAll(async () => {
  await seedDemoCompany(db.orm.em.fork(), db.clock);
});

const tables = entities.filter((entity) => {
  const meta = db.orm.getMetadata().find(entity.name);
  return meta && !meta.embeddable && !meta.abstract;
}) as Array<EntityClass<{ id: string }>>;

/** What a resolver reads of a field: a relation by its id, an embeddable by its fields, anything else as is. */
function readable(value: unknown): unknown {
  if (value instanceof ReadRef) return { ref: value.id };
  if (value && typeof value === 'object' && 'unwrap' in value && 'id' in value) return { ref: value.id };
  if (value && typeof value === 'object' && !(value instanceof Date) && 'id' in value)
    return { ref: value.id };
  if (value && typeof value === 'object' && !(value instanceof Date)) return { ...value };
  return value;
}

describe('read copies', () => {
  it.each(tables.map((entity) => [entity.name, entity] as const))(
    'of %s hold what an entity load holds, field by field, for every demo row',
    async (_name, entity) => {
      const em = db.orm.em.fork();
      const meta = em.getMetadata().get(entity.name);
      const rows = await em.execute<Array<Record<string, unknown>>>(
        em
          .getKnex()
          .select(readColumns(em, entity, 't'))
          .from(`${meta.tableName} as t`)
          .limit(300),
      );
      const fields = meta.props
        .filter((prop) => !prop.lazy && !prop.embedded && prop.kind !== ReferenceKind.ONE_TO_MANY)
        .filter((prop) => prop.kind !== ReferenceKind.MANY_TO_MANY)
        .map((prop) => prop.name);
      for (const row of rows) {
        const copy = readCopy(em, entity, row) as Record<string, unknown>;
        const loaded = em.fork().map(entity, row as EntityDictionary<{ id: string }>) as Record<
          string,
          unknown
        >;
        for (const field of fields) {
          expect({ field, value: readable(copy[field]) }).toEqual({ field, value: readable(loaded[field]) });
        }
        expect(copy).toBeInstanceOf(entity);
        expect((copy as { globalId: string }).globalId).toBe((loaded as { globalId: string }).globalId);
      }
    },
  );

  it('carry the getters and methods of their entity, and a joined row behind a reference', async () => {
    const em = db.orm.em.fork();
    const [row] = await em.execute<Array<Record<string, unknown>>>(
      em
        .getKnex()
        .select(readColumns(em, Relationship, 'r'))
        .from('relationship as r')
        .limit(1),
    );
    const person = readCopy(em, KeyPerson, {
      id: row?.key_person_id,
      customer_id: 'c1',
      name: null,
      title: '总工',
    });
    const relationship = readCopy(em, Relationship, row ?? {}, { keyPerson: person });
    expect(relationship.keyPerson.getEntity()).toBe(person);
    expect(relationship.dossierId()).toBe('c1');
    expect(person.displayName).toBe('总工');
    expect(person.isPlaceholder).toBe(true);
  });
});
