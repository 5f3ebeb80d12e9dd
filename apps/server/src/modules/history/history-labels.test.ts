import { type HistoryValueKind, historyFieldOf, historyFields } from '@dossier/domain';
import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { type HistoryColumn, historyColumns } from '../../core/audit/field-values.js';

const db = await testDatabase();

/** The entities whose changes the history keeps: the dossier records the writer recognises. */
const dossierRecords = Object.values(db.orm.getMetadata().getAll()).filter(
  (meta: EntityMetadata) => typeof meta.prototype?.dossierId === 'function',
);

const propertyOf = (meta: EntityMetadata, { path: [name, inner] }: HistoryColumn): EntityProperty => {
  const prop = meta.properties[name as keyof typeof meta.properties] as EntityProperty;
  return inner === undefined ? prop : (prop.embeddedProps[inner] as EntityProperty);
};

/** The kind a column's stored value must be shown as, from its format and its property. */
function expectedKind(column: HistoryColumn, prop: EntityProperty): HistoryValueKind['kind'] {
  if (prop.enum) return 'enum';
  if (prop.type === 'boolean') return 'boolean';
  // A plain uuid copy of a reference (an order return's customerId) is still a record shown by name.
  if (prop.type === 'uuid') return 'reference';
  const kinds = { decimal: 'money', reference: 'reference', timestamp: 'timestamp', date: 'date' } as const;
  return column.format.kind === 'text' ? 'text' : kinds[column.format.kind];
}

describe('labels of the history fields (packages/domain history-fields.ts)', () => {
  it('label every field the history can record, shown as its column is stored', () => {
    expect(dossierRecords.map((meta) => meta.className).sort()).toEqual(Object.keys(historyFields).sort());
    for (const meta of dossierRecords)
      for (const column of historyColumns(meta)) {
        const name = `${meta.className}.${column.field}`;
        const field = historyFieldOf(meta.className, column.field);
        expect(field, name).toBeDefined();
        const prop = propertyOf(meta, column);
        expect(field?.value.kind, name).toBe(expectedKind(column, prop));
        if (field?.value.kind === 'enum')
          expect(Object.keys(field.value.labels).sort(), name).toEqual([...(prop.items as string[])].sort());
        if (column.format.kind === 'reference') expect(field?.value, name).toEqual(column.format);
      }
  });

  it('label no field the history cannot record', () => {
    // Besides the columns, only the field the handover writes when it merges two relationships.
    const recorded = new Set(['Relationship.mergedIntoId']);
    for (const meta of dossierRecords)
      for (const column of historyColumns(meta)) recorded.add(`${meta.className}.${column.field}`);
    const labelled = Object.entries(historyFields).flatMap(([type, fields]) =>
      Object.keys(fields).map((name) => `${type}.${name}`),
    );
    expect(labelled.filter((name) => !recorded.has(name))).toEqual([]);
  });
});
