import { ChangeAction } from '@dossier/domain';
import {
  type ChangeSet,
  ChangeSetType,
  type EntityClass,
  type EntityMetadata,
  type FlushEventArgs,
  helper,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { currentActorId, currentVia } from '../../core/audit/actor.js';
import {
  byField,
  changedFields,
  type Format,
  historyColumns,
  historyFields,
  sqlText,
} from '../../core/audit/field-values.js';
import { Staff } from '../staff/staff.entity.js';
import { Change, changeTime, FieldChange } from './change.entity.js';

/**
 * The one writer of the history (Change + FieldChange rows). An ORM flush records through
 * `recordFlush`; set-based statements (handover, bulk import) through the SQL `recordChanges` builds. Both
 * take field names and value formats from `historyColumns` (core/audit/field-values.ts), so a record reads
 * the same in the history whichever path wrote it.
 */

/** A record that belongs to a customer's dossier and so has its changes kept. */
interface DossierRecord {
  id: string;
  dossierId(): string;
}

const isDossierRecord = (entity: object): entity is DossierRecord =>
  typeof (entity as Partial<DossierRecord>).dossierId === 'function';

/** A record of one person's own (an inbox item): its changes are kept, filed under no dossier. */
const isPersonalRecord = (entity: object): boolean =>
  typeof (entity as { personalRecord?: unknown }).personalRecord === 'function';

/**
 * The dossier a recorded change belongs to: its customer's for a dossier record; null for a staff member
 * or a personal record (an inbox item), whose changes are kept too (password hashes never: field-values.ts keeps them out).
 * Undefined: not recorded.
 */
function dossierOf(entity: object): string | null | undefined {
  if (isDossierRecord(entity)) return entity.dossierId();
  return entity instanceof Staff || isPersonalRecord(entity) ? null : undefined;
}

const ACTIONS: Partial<Record<ChangeSetType, ChangeAction>> = {
  [ChangeSetType.CREATE]: ChangeAction.CREATE,
  [ChangeSetType.UPDATE]: ChangeAction.UPDATE,
  [ChangeSetType.DELETE]: ChangeAction.DELETE,
};

/**
 * The record as last read or flushed. MikroORM gives an update's change set this snapshot but not a
 * delete's, so a delete reads it from the entity itself: a deleted record keeps its values in the history.
 */
const originalOf = (changeSet: ChangeSet<DossierRecord>) =>
  changeSet.originalEntity ?? helper(changeSet.entity).__originalEntityData;

function fieldsOf(changeSet: ChangeSet<DossierRecord>) {
  const before = historyFields(
    changeSet.meta,
    changeSet.type === ChangeSetType.CREATE ? {} : originalOf(changeSet),
  );
  if (changeSet.type === ChangeSetType.DELETE) return changedFields(before, new Map());
  const after = new Map(before);
  for (const [field, value] of historyFields(changeSet.meta, changeSet.payload)) after.set(field, value);
  return changedFields(before, after);
}

/** Adds a Change with its FieldChanges for every dossier record the flush creates, updates or deletes. */
export function recordFlush({ em, uow }: FlushEventArgs): void {
  const actorId = currentActorId();
  const via = currentVia();
  for (const changeSet of uow.getChangeSets()) {
    const action = ACTIONS[changeSet.type];
    const dossierId = dossierOf(changeSet.entity);
    if (!action || dossierId === undefined) continue;
    const fields = fieldsOf(changeSet as ChangeSet<DossierRecord>);
    if (action === ChangeAction.UPDATE && fields.length === 0) continue;
    const change = new Change(
      actorId ? em.getReference(Staff, actorId, { wrapped: true }) : null,
      changeSet.meta.className,
      (changeSet.entity as { id: string }).id,
      action,
      dossierId,
    );
    change.via = via;
    em.persist(change);
    uow.computeChangeSet(change);
    for (const field of fields) {
      const fieldChange = new FieldChange(field.field, field.before, field.after);
      change.fieldChanges.add(fieldChange);
      uow.computeChangeSet(fieldChange);
    }
  }
}

/**
 * One set-based write (a handover, an import): every change it records has the same actor and time, and
 * the customers whose dossiers it touched are collected so their risk can be refreshed before it commits.
 */
export class ChangeBatch {
  readonly customers = new Set<string>();

  constructor(
    readonly actorId: string | null,
    readonly at: Date = changeTime(),
  ) {}

  touched(customerIds: Iterable<string>): void {
    for (const id of customerIds) this.customers.add(id);
  }
}

/** CTE `stamp(actor_id, at)` that `recordChanges` reads; its two parameters are `stampParams(batch)`. */
export const STAMP = 'stamp as (select ?::uuid as actor_id, ?::timestamptz as at)';

export const stampParams = (batch: ChangeBatch): [string | null, Date] => [batch.actorId, batch.at];

/** A history field in SQL: its format and the expressions of its value before and after (null: none). */
export interface FieldSql {
  field: string;
  format: Format;
  before: string | null;
  after: string | null;
}

export interface SetBasedChanges {
  meta: EntityMetadata;
  action: ChangeAction;
  /** A CTE with one row per changed record: `id`, its dossier's `customer_id`, and what `values` reads. */
  rows: string;
  /**
   * `'row'`: every history field, read from the table's columns in `rows` (the record after a CREATE,
   * before a DELETE). Otherwise the changed properties, each with SQL for its value before and after,
   * reading `r` (a row of `rows`), e.g. `{ owner: ['r.from_id', 'r.to_id'] }`.
   */
  values: 'row' | Record<string, readonly [string, string]>;
  /** Fields that are no property of the entity, e.g. the `mergedIntoId` of a merged relationship. */
  extra?: readonly FieldSql[];
  /**
   * The dossier each change is filed under, reading `r`: `r.customer_id` by default; `null::uuid` for a
   * personal record (an inbox item), which names a customer without being part of its dossier.
   */
  dossier?: string;
}

function fieldValues({ meta, action, values, extra = [] }: SetBasedChanges): FieldSql[] {
  const columns = historyColumns(meta);
  const fields: FieldSql[] =
    values === 'row'
      ? columns.map(({ field, format, column }) => {
          const value = `r.${column}`;
          return action === ChangeAction.DELETE
            ? { field, format, before: value, after: null }
            : { field, format, before: null, after: value };
        })
      : Object.entries(values).map(([property, [before, after]]) => {
          const column = columns.find((c) => c.path.length === 1 && c.path[0] === property);
          if (!column) throw new Error(`${meta.className}.${property} is no history field`);
          return { field: column.field, format: column.format, before, after };
        });
  return [...fields, ...extra].sort(byField);
}

const side = (format: Format, expression: string | null) =>
  expression === null ? 'null::text' : sqlText(format, expression);

/** An update that changed none of its properties records nothing, as an ORM flush records nothing. */
function changedOnly(values: SetBasedChanges['values']): string {
  if (values === 'row') return '';
  const sides = Object.values(values);
  return `\n  where row(${sides.map(([before]) => before).join(', ')}) is distinct from row(${sides.map(([, after]) => after).join(', ')})`;
}

/**
 * Two CTEs that record the changes of the rows in `spec.rows`, needing the `STAMP` CTE before them:
 * `<rows>_changes` inserts one Change per row (returning id, entity_id, customer_id), `<rows>_fields` its
 * FieldChanges, in field-name order as an ORM flush writes them, leaving out values equal before and after.
 */
export function recordChanges(spec: SetBasedChanges): string {
  const { meta, action, rows, dossier = 'r.customer_id' } = spec;
  const values = fieldValues(spec)
    .map((f, i) => `(${i}, '${f.field}', ${side(f.format, f.before)}, ${side(f.format, f.after)})`)
    .join(',\n      ');
  return `${rows}_changes as (
  insert into change (id, at, actor_id, entity_type, entity_id, action, customer_id)
  select gen_random_uuid(), stamp.at, stamp.actor_id, '${meta.className}', r.id, '${action}', ${dossier}
  from ${rows} r, stamp${changedOnly(spec.values)}
  returning id, entity_id, customer_id
),
${rows}_fields as (
  insert into field_change (change_id, field, before, after)
  select c.id, v.field, v.before, v.after
  from ${rows}_changes c
  join ${rows} r on r.id = c.entity_id
  cross join lateral (values
      ${values}
  ) as v(ord, field, before, after)
  where v.before is distinct from v.after
  order by c.id, v.ord
)`;
}

/** Rows a bulk statement created, for recordCreates. */
export interface CreatedRows {
  /** The dossier record the rows are, e.g. Customer or Order. */
  entity: EntityClass<object>;
  /**
   * The statement answering the created rows whole, so the CREATE records every non-null field: typically
   * `insert into <table> … returning *`, or `select * from <table> where id = any(…)` for rows a bulk
   * write completed in later statements (an order, then its lines, then its total). When the table has no
   * `customer_id`, answer the dossier's as `customer_id` too (`returning *, id as customer_id`).
   */
  created: string;
  /** The parameters of `ctes` and `created`, in the order their `?` appear. */
  params: readonly unknown[];
  /** Common table expressions `created` reads, written before it. */
  ctes?: readonly string[];
}

/**
 * Runs `created` and, in the same statement, records one CREATE change per row with the values of every
 * non-null field, as an ORM flush records a created record. The dossiers the rows belong to join
 * `batch.customers`. Answers the number of rows.
 */
export async function recordCreates(
  em: EntityManager,
  batch: ChangeBatch,
  rows: CreatedRows,
): Promise<number> {
  const history = recordChanges({
    meta: em.getMetadata(rows.entity),
    action: ChangeAction.CREATE,
    rows: 'created',
    values: 'row',
  });
  const ctes = [...(rows.ctes ?? []), `created as (${rows.created})`, STAMP, history];
  const [row] = await em.execute<Array<{ n: number; customers: string[] }>>(
    `with ${ctes.join(',\n')}
     select count(*)::int as n, coalesce(array_agg(distinct customer_id), '{}') as customers from created`,
    [...rows.params, ...stampParams(batch)],
  );
  batch.touched(row?.customers ?? []);
  return row?.n ?? 0;
}
