import { formatCents } from '@dossier/domain';
import type { EntityClass } from '@mikro-orm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { historyColumns, historyFields, sqlText } from '../../core/audit/field-values.js';
import { Relationship } from '../relationship/relationship.entity.js';
import { Order } from '../trade/order.entity.js';

// Each value format of the history has a JS side (an ORM flush) and an SQL side (a set-based statement).
// On random values of each column type, both must write the same text.

const db = await testDatabase();

/** The JS text of `values` for one property, as historyFields writes it, and the SQL text PostgreSQL writes. */
async function bothSides(entity: EntityClass<object>, property: string, sqlType: string, values: unknown[]) {
  const meta = db.orm.getMetadata().get(entity.name);
  const column = historyColumns(meta).find((c) => c.path[0] === property);
  if (!column) throw new Error(`${property} is no history field`);
  const js = values.map((value) => historyFields(meta, { [property]: value }).get(column.field) ?? null);
  const rows = await db.orm.em.fork().execute<Array<{ text: string | null }>>(
    `select ${sqlText(column.format, 'u.v')} as text
       from unnest(?::${sqlType}[]) with ordinality as u(v, i) order by u.i`,
    [`{${values.map((value) => (value instanceof Date ? value.toISOString() : String(value))).join(',')}}`],
  );
  return { js, sql: rows.map((row) => row.text) };
}

const cents = fc.bigInt({ min: -99_999_999_999_99n, max: 99_999_999_999_99n });

describe('history value formats: JS and SQL write the same text', () => {
  it('timestamps: ISO with milliseconds, in UTC', async () => {
    const times = fc.array(
      fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2200-12-31T23:59:59.999Z'),
        noInvalidDate: true,
      }),
      { minLength: 1, maxLength: 20 },
    );
    await fc.assert(
      fc.asyncProperty(times, async (values) => {
        const { js, sql } = await bothSides(Relationship, 'lastContactAt', 'timestamptz', values);
        expect(sql).toEqual(js);
      }),
      { numRuns: 30, seed: 7 },
    );
  });

  it('decimals: at the column’s scale, however the value was written', async () => {
    // "12.5", "12.50", "-0.5", "7": the forms a service may hold before PostgreSQL pads them.
    const decimals = fc.array(
      fc
        .tuple(cents, fc.boolean())
        .map(([units, short]) => (short ? formatCents(units).replace(/\.?0+$/, '') : formatCents(units))),
      { minLength: 1, maxLength: 20 },
    );
    await fc.assert(
      fc.asyncProperty(decimals, async (values) => {
        const { js, sql } = await bothSides(Order, 'total', 'numeric', values);
        expect(sql).toEqual(js);
      }),
      { numRuns: 30, seed: 7 },
    );
  });

  it('dates and references', async () => {
    const dates = ['2026-01-31', '1999-12-31', '2000-02-29'];
    expect(await bothSides(Order, 'orderedAt', 'date', dates)).toEqual({ js: dates, sql: dates });
    const ids = ['00000000-0000-4000-8000-000000000000', 'ffffffff-ffff-4fff-bfff-ffffffffffff'];
    const { js, sql } = await bothSides(Order, 'rep', 'uuid', ids);
    expect(sql).toEqual(js);
    expect(js).toEqual([
      'U3RhZmY6MDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAw',
      'U3RhZmY6ZmZmZmZmZmYtZmZmZi00ZmZmLWJmZmYtZmZmZmZmZmZmZmZm',
    ]);
  });
});
