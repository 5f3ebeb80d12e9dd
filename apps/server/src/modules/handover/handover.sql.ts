import { ChangeAction } from '@dossier/domain';
import type { EntityMetadata } from '@mikro-orm/core';
import { type ChangeBatch, recordChanges, STAMP, stampParams } from '../history/history.writer.js';

/**
 * The handover's statements. Each one moves or merges every affected row at once and records their
 * history through the history writer, as an ORM flush would, so a rep with thousands of relationships
 * costs the same few statements. Each answers `{ n, customers }`: the rows it counts and the customers
 * whose dossiers it changed.
 *
 * Every statement starts from `stamp` (the batch's actor and time) and `p`, the two staff members.
 */
const PARAMS = 'p as (select ?::uuid as from_id, ?::uuid as to_id)';

export interface HandoverParams {
  fromId: string;
  toId: string;
  batch: ChangeBatch;
}

export const paramsOf = (h: HandoverParams) => [...stampParams(h.batch), h.fromId, h.toId];

const touched = (rows: string) =>
  `(select coalesce(array_agg(distinct customer_id), '{}') from ${rows}_changes) as customers`;

interface Move {
  meta: EntityMetadata;
  table: 'customer' | 'project' | 'relationship';
  column: 'owner_id' | 'staff_id';
  /** The reference property the column holds. */
  property: 'owner' | 'staff';
  /** Extra FROM items and conditions that find each row's dossier (customer). */
  join?: { from: string; where: string };
  customerId: string;
}

/** Moves every row of `table` whose `column` is the departing rep; `n` is the rows moved. */
export function moveStatement(m: Move): string {
  const history = recordChanges({
    meta: m.meta,
    action: ChangeAction.UPDATE,
    rows: 'moved',
    values: { [m.property]: ['r.from_id', 'r.to_id'] },
  });
  return `with ${STAMP}, ${PARAMS},
moved as (
  update ${m.table} t set ${m.column} = p.to_id, version = t.version + 1, updated_at = stamp.at
  from stamp, p${m.join?.from ?? ''}
  where t.${m.column} = p.from_id${m.join?.where ?? ''}
  returning t.id, ${m.customerId} as customer_id, p.from_id, p.to_id
),
${history}
select count(*)::int as n, ${touched('moved')} from moved`;
}

/**
 * How well a relationship is documented, as a row that compares greater when better:
 * 1. a known state (POSITIVE, NEUTRAL or NEGATIVE) over NONE: the state is what the map exists for, and
 *    NONE says nobody has talked to the person yet. States are not ranked against each other: keeping
 *    the rosier one would hide a warning (NEGATIVE) the receiver needs;
 * 2. then one with a note, which carries the why behind the state;
 * 3. then the later last contact: the fresher assessment;
 * 4. then the later update.
 */
const documentation = (r: string) =>
  `(${r}.state <> 'NONE', coalesce(btrim(${r}.note), '') <> '',
    coalesce(${r}.last_contact_at, '-infinity'), ${r}.updated_at)`;

/**
 * Where both reps know the same key person, keeps the better-documented relationship and deletes the
 * other, recording the deletion with `mergedIntoId` naming the one kept. On a full tie the receiver's
 * own stays: it needs no move. Must run before the relationships' move, which would otherwise hit the
 * unique (key person, staff) pair. `n`: how many of the departing rep's relationships were merged away.
 */
export function mergeStatement(meta: EntityMetadata): string {
  const history = recordChanges({
    meta,
    action: ChangeAction.DELETE,
    rows: 'merged',
    values: 'row',
    extra: [
      {
        field: 'mergedIntoId',
        format: { kind: 'reference', type: 'Relationship' },
        before: null,
        after: 'r.kept_id',
      },
    ],
  });
  return `with ${STAMP}, ${PARAMS},
clash as (
  select f.id as from_id, t.id as to_id, kp.customer_id,
         ${documentation('f')} > ${documentation('t')} as from_wins
  from p
  join relationship f on f.staff_id = p.from_id
  join relationship t on t.key_person_id = f.key_person_id and t.staff_id = p.to_id
  join key_person kp on kp.id = f.key_person_id
),
merged as (
  delete from relationship r using clash c
  where r.id = case when c.from_wins then c.to_id else c.from_id end
  returning r.*, c.customer_id, case when c.from_wins then c.from_id else c.to_id end as kept_id
),
${history}
select count(*)::int as n, ${touched('merged')} from merged m, p where m.staff_id = p.from_id`;
}
