import type { EntityMetadata } from '@mikro-orm/core';
import { toGlobalId } from '../graphql/global-id.js';

/** Bookkeeping columns that change on every write and say nothing to a reader of the history. */
const SILENT = new Set(['id', 'createdAt', 'updatedAt', 'version', 'passwordHash']);

type Values = Record<string, unknown>;

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * Flattens an entity's data as MikroORM keeps it in change sets into history fields: references become the
 * referenced record's global id (`owner` → `ownerId`), embedded objects become `profile.interests`.
 */
export function historyFields(meta: EntityMetadata, data: Values | undefined): Map<string, string | null> {
  const fields = new Map<string, string | null>();
  for (const [name, value] of Object.entries(data ?? {})) {
    const prop = meta.properties[name];
    if (!prop || SILENT.has(name)) continue;
    if (prop.kind === 'm:1') {
      const id = value && typeof value === 'object' ? (value as Values).id : value;
      fields.set(`${name}Id`, id ? toGlobalId(prop.type, String(id)) : null);
    } else if (prop.kind === 'embedded' && value && typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(value as Values))
        fields.set(`${name}.${inner}`, text(innerValue));
    } else if (prop.kind === 'scalar') {
      fields.set(name, text(value));
    }
  }
  return fields;
}

/** The fields whose value differs between two flattened snapshots, in a stable order. */
export function changedFields(
  before: Map<string, string | null>,
  after: Map<string, string | null>,
): Array<{ field: string; before: string | null; after: string | null }> {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names
    .map((field) => ({ field, before: before.get(field) ?? null, after: after.get(field) ?? null }))
    .filter((change) => change.before !== change.after);
}
