/**
 * The handover's statements. Each one moves or merges every affected row at once and writes the history
 * rows the history subscriber would have written for it (Change + FieldChange, values formatted as in
 * core/audit/field-values.ts), so a rep with thousands of relationships costs the same few statements.
 *
 * Every statement starts from `p`, the handover's parameters: from, to, actor and one timestamp for all
 * rows, truncated to milliseconds because keyset cursors carry millisecond timestamps.
 */
const PARAMS = `p as (
  select ?::uuid as from_id, ?::uuid as to_id, ?::uuid as actor_id,
         date_trunc('milliseconds', ?::timestamptz) as at
)`;

export interface HandoverParams {
  fromId: string;
  toId: string;
  actorId: string;
  at: Date;
}

export const paramsOf = (h: HandoverParams) => [h.fromId, h.toId, h.actorId, h.at];

/** `toGlobalId(type, column)` in SQL: base64url of "<Type>:<uuid>" without padding or line breaks. */
const globalId = (type: string, column: string) =>
  `translate(encode(convert_to('${type}:' || ${column}::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

/** A timestamp as history writes it: `Date#toISOString()`. */
const isoTime = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The Change rows for `rows(id, customer_id)`, returning (id, entity_id) for their FieldChange rows. */
const changesOf = (rows: string, entityType: string, action: 'UPDATE' | 'DELETE') => `
  insert into change (id, at, actor_id, entity_type, entity_id, action, customer_id)
  select gen_random_uuid(), p.at, p.actor_id, '${entityType}', r.id, '${action}', r.customer_id
  from ${rows} r, p
  returning id, entity_id`;

interface Move {
  table: 'customer' | 'project' | 'relationship';
  column: 'owner_id' | 'staff_id';
  entityType: 'Customer' | 'Project' | 'Relationship';
  /** The history field of the column: references are named `<prop>Id`. */
  field: 'ownerId' | 'staffId';
  /** Extra FROM items and conditions that find each row's dossier (customer). */
  join?: { from: string; where: string };
  customerId: string;
}

/** Moves every row of `table` whose `column` is the departing rep; answers `{ n }`, the rows moved. */
function moveStatement(m: Move): string {
  return `with ${PARAMS},
moved as (
  update ${m.table} t set ${m.column} = p.to_id, version = t.version + 1, updated_at = p.at
  from p${m.join?.from ?? ''}
  where t.${m.column} = p.from_id${m.join?.where ?? ''}
  returning t.id, ${m.customerId} as customer_id
),
changes as (${changesOf('moved', m.entityType, 'UPDATE')}),
fields as (
  insert into field_change (change_id, field, before, after)
  select c.id, '${m.field}', ${globalId('Staff', 'p.from_id')}, ${globalId('Staff', 'p.to_id')}
  from changes c, p
)
select count(*)::int as n from moved`;
}

export const MOVE_CUSTOMERS = moveStatement({
  table: 'customer',
  column: 'owner_id',
  entityType: 'Customer',
  field: 'ownerId',
  customerId: 't.id',
});

export const MOVE_PROJECTS = moveStatement({
  table: 'project',
  column: 'owner_id',
  entityType: 'Project',
  field: 'ownerId',
  customerId: 't.customer_id',
});

export const MOVE_RELATIONSHIPS = moveStatement({
  table: 'relationship',
  column: 'staff_id',
  entityType: 'Relationship',
  field: 'staffId',
  join: { from: ', key_person kp', where: ' and kp.id = t.key_person_id' },
  customerId: 'kp.customer_id',
});

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
 * own stays: it needs no move. Must run before MOVE_RELATIONSHIPS, which would otherwise hit the unique
 * (key person, staff) pair. Answers `{ n }`: how many of the departing rep's relationships were merged away.
 */
export const MERGE_RELATIONSHIPS = `with ${PARAMS},
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
  returning r.id, r.key_person_id, r.staff_id, r.state, r.note, r.last_contact_at, c.customer_id,
            case when c.from_wins then c.from_id else c.to_id end as kept_id
),
changes as (${changesOf('merged', 'Relationship', 'DELETE')}),
fields as (
  insert into field_change (change_id, field, before, after)
  select c.id, v.field, v.before, v.after
  from changes c
  join merged m on m.id = c.entity_id
  cross join lateral (values
    (1, 'keyPersonId', ${globalId('KeyPerson', 'm.key_person_id')}, null),
    (2, 'lastContactAt', ${isoTime('m.last_contact_at')}, null),
    (3, 'mergedIntoId', null, ${globalId('Relationship', 'm.kept_id')}),
    (4, 'note', m.note, null),
    (5, 'staffId', ${globalId('Staff', 'm.staff_id')}, null),
    (6, 'state', m.state, null)
  ) as v(ord, field, before, after)
  where v.before is distinct from v.after
  order by c.id, v.ord
)
select count(*)::int as n from merged m, p where m.staff_id = p.from_id`;
