import { formatDecimal, tryParseDecimal } from '@dossier/domain';
import type { EntityMetadata, EntityProperty } from '@mikro-orm/core';
import { toGlobalId } from '../graphql/global-id.js';

/** Bookkeeping columns that change on every write and say nothing to a reader of the history. */
const SILENT = new Set(['id', 'createdAt', 'updatedAt', 'version', 'passwordHash']);

/** How a value is written into the history, whether JS (an ORM flush) or SQL (a set-based write) writes it. */
export type Format =
  | { kind: 'text' }
  | { kind: 'timestamp' }
  | { kind: 'date' }
  | { kind: 'decimal'; precision: number; scale: number }
  | { kind: 'reference'; type: string };

/**
 * One history field of an entity: its name in the API (`ownerId` for the `owner` reference,
 * `profile.interests` inside an embedded object), where an ORM change set keeps its value, the table column
 * a set-based statement reads it from, and its format.
 */
export interface HistoryColumn {
  field: string;
  /** The property, or the embedded property and the key inside it. */
  path: readonly [string] | readonly [string, string];
  /** An embedded value's own property (`profile_interests`): the key a change set may keep it under. */
  flat?: string;
  column: string;
  format: Format;
}

/** The order a change lists its fields in, whichever path wrote it: by name, in UTF-16 code units. */
export const byField = (a: { field: string }, b: { field: string }) =>
  a.field < b.field ? -1 : a.field > b.field ? 1 : 0;

function formatOf(prop: EntityProperty): Format {
  if (prop.kind === 'm:1') return { kind: 'reference', type: prop.type };
  const column = prop.columnTypes[0] ?? '';
  if (column.startsWith('timestamp')) return { kind: 'timestamp' };
  if (column === 'date') return { kind: 'date' };
  if (column.startsWith('numeric') || column.startsWith('decimal'))
    return { kind: 'decimal', precision: prop.precision ?? 14, scale: prop.scale ?? 0 };
  return { kind: 'text' };
}

const stored = (prop: EntityProperty) => ({
  column: prop.fieldNames[0] ?? prop.name,
  format: formatOf(prop),
});

function columnsOf(meta: EntityMetadata): HistoryColumn[] {
  const columns: HistoryColumn[] = [];
  for (const prop of meta.props) {
    // A hidden property (a password's or a token's hash) never leaves the server, not even as history.
    if (SILENT.has(prop.name) || prop.hidden || prop.persist === false || prop.embedded) continue;
    if (prop.kind === 'm:1') {
      columns.push({ field: `${prop.name}Id`, path: [prop.name], ...stored(prop) });
    } else if (prop.kind === 'scalar') {
      columns.push({ field: prop.name, path: [prop.name], ...stored(prop) });
    } else if (prop.kind === 'embedded') {
      for (const [inner, innerProp] of Object.entries(prop.embeddedProps)) {
        const path = [prop.name, inner] as const;
        columns.push({ field: path.join('.'), path, flat: innerProp.name, ...stored(innerProp) });
      }
    }
  }
  return columns.sort(byField);
}

const cache = new WeakMap<EntityMetadata, HistoryColumn[]>();

/** The history fields of an entity, sorted by name: the one list both write paths are generated from. */
export function historyColumns(meta: EntityMetadata): HistoryColumn[] {
  let columns = cache.get(meta);
  if (!columns) {
    columns = columnsOf(meta);
    cache.set(meta, columns);
  }
  return columns;
}

type Values = Record<string, unknown>;

/** A decimal as PostgreSQL keeps it and the ORM reads it back: with the column's scale ("500" → "500.00"). */
function decimalText(value: unknown, precision: number, scale: number): string {
  const parsed = tryParseDecimal(String(value), { scale, maxIntegerDigits: precision - scale });
  return parsed.ok ? formatDecimal(parsed.value, scale) : String(value);
}

/** A value as the history keeps it: text, ISO timestamps, global ids, decimals at their column's scale. */
function text(format: Format, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (format.kind) {
    case 'reference': {
      const id = typeof value === 'object' ? (value as Values).id : value;
      return id ? toGlobalId(format.type, String(id)) : null;
    }
    case 'decimal':
      return decimalText(value, format.precision, format.scale);
    default:
      return value instanceof Date ? value.toISOString() : String(value);
  }
}

/** `toGlobalId(type, …)` in SQL: base64url of "<Type>:<uuid>" without padding or line breaks. */
export const sqlGlobalId = (type: string, expression: string) =>
  `translate(encode(convert_to('${type}:' || (${expression})::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

/**
 * SQL that formats `expression` (a value of the column's type) exactly as `text` formats the value the
 * ORM holds, so a set-based statement writes the history an ORM flush would have written.
 */
export function sqlText(format: Format, expression: string): string {
  switch (format.kind) {
    case 'reference':
      return sqlGlobalId(format.type, expression);
    case 'timestamp':
      return `to_char((${expression}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case 'date':
      return `to_char(${expression}, 'YYYY-MM-DD')`;
    case 'decimal':
      return `round((${expression})::numeric, ${format.scale})::text`;
    default:
      return `(${expression})::text`;
  }
}

/**
 * The value of a history column in MikroORM's data of an entity, and whether the data holds it at all. An
 * embedded value comes as an object (`profile: { interests }`) or flattened (`profile_interests`), depending
 * on the change set.
 */
function valueAt(data: Values, { path, flat }: HistoryColumn): { present: boolean; value?: unknown } {
  if (flat !== undefined && flat in data) return { present: true, value: data[flat] };
  const [name, inner] = path;
  if (!(name in data)) return { present: false };
  if (inner === undefined) return { present: true, value: data[name] };
  const embedded = data[name];
  if (!embedded || typeof embedded !== 'object' || !(inner in embedded)) return { present: false };
  return { present: true, value: (embedded as Values)[inner] };
}

/**
 * Flattens an entity's data as MikroORM keeps it in change sets into history fields; a field the data does
 * not hold (an update's payload holds only what changed) is left out.
 */
export function historyFields(meta: EntityMetadata, data: Values | undefined): Map<string, string | null> {
  const fields = new Map<string, string | null>();
  for (const column of historyColumns(meta)) {
    const { present, value } = valueAt(data ?? {}, column);
    if (present) fields.set(column.field, text(column.format, value));
  }
  return fields;
}

/** The fields whose value differs between two flattened snapshots, in a stable order. */
export function changedFields(
  before: Map<string, string | null>,
  after: Map<string, string | null>,
): Array<{ field: string; before: string | null; after: string | null }> {
  const names = [...new Set([...before.keys(), ...after.keys()])];
  return names
    .map((field) => ({ field, before: before.get(field) ?? null, after: after.get(field) ?? null }))
    .filter((change) => change.before !== change.after)
    .sort(byField);
}
