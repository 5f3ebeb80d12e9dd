import pg from 'pg';

/**
 * The dossier's own tables: a soak whose only writes are relationship states leaves their row counts as they
 * were. (Sessions, rate limits and the scheduled snapshots move on their own while the server runs.)
 */
const MAIN_TABLES = [
  'staff',
  'customer',
  'key_person',
  'relationship',
  'decision_role_assignment',
  'project',
  'project_event',
  'credit_report',
  'sales_order',
  'order_line',
  'payment',
  'order_return',
] as const;

/** What the invariants compare before and after a run. */
export interface DatabaseState {
  rows: Record<string, number>;
  /**
   * Rows of the change history written by a person: the load's writes. The server's scheduled jobs record
   * theirs (the reminder sweep's new inbox items) as nobody, on their own schedule.
   */
  changes: number;
  /** Per relationship the run may write: its version and its history rows. */
  relationships: Record<string, { version: number; changes: number }>;
  /** History rows of relationships without a field change of their state. */
  changesWithoutState: number;
}

export async function databaseState(url: string, relationshipIds: readonly string[]): Promise<DatabaseState> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One snapshot for every count.
    await client.query('begin isolation level repeatable read read only');
    const counts = await client.query<Record<string, number>>(
      `select ${MAIN_TABLES.map((t) => `(select count(*)::int from ${t}) as ${t}`).join(', ')},
         (select count(*)::int from change where actor_id is not null) as change`,
    );
    const { change: changes = 0, ...rows } = counts.rows[0] ?? {};
    const relationships = await client.query<{ id: string; version: number; changes: number }>(
      `select r.id, r.version,
              (select count(*)::int from change c where c.entity_type = 'Relationship' and c.entity_id = r.id) as changes
       from relationship r where r.id = any($1::uuid[])`,
      [relationshipIds],
    );
    const withoutState = await client.query<{ n: number }>(
      `select count(*)::int as n from change c where c.entity_type = 'Relationship' and c.action = 'UPDATE'
       and c.entity_id = any($1::uuid[])
       and not exists (select from field_change f where f.change_id = c.id and f.field = 'state')`,
      [relationshipIds],
    );
    return {
      rows,
      changes,
      relationships: Object.fromEntries(
        relationships.rows.map((r) => [r.id, { version: r.version, changes: r.changes }]),
      ),
      changesWithoutState: withoutState.rows[0]?.n ?? 0,
    };
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

/** Outcomes the mixed load may meet: a write that raced another one for the same version is refused. */
const EXPECTED_OUTCOMES = new Set(['OK', 'VERSION_CONFLICT']);
export const MAX_MEMORY_GROWTH = 0.1;

export interface RunFacts {
  before: DatabaseState;
  after: DatabaseState;
  outcomes: Record<string, number>;
  acknowledged: ReadonlyMap<string, number>;
  /** Writes the load sent but never read an answer to: the server may have committed them, or not. */
  unansweredWrites: number;
  memoryGrowth: number;
}

/** Every invariant the run broke, in words; none when it held them all. */
export function violations(facts: RunFacts): string[] {
  const { before, after, outcomes, acknowledged, unansweredWrites, memoryGrowth } = facts;
  const found: string[] = [];
  for (const [outcome, n] of Object.entries(outcomes)) {
    if (!EXPECTED_OUTCOMES.has(outcome) && n > 0) found.push(`${n} answers were ${outcome}`);
  }
  if (!outcomes.OK) found.push('no request was answered');
  let writes = 0;
  let unacknowledged = 0;
  for (const [id, was] of Object.entries(before.relationships)) {
    const now = after.relationships[id];
    const acks = acknowledged.get(id) ?? 0;
    writes += acks;
    if (!now) {
      found.push(`relationship ${id} is gone`);
      continue;
    }
    // Every acknowledged write is in; beyond them, at most the writes in flight when the load stopped.
    const added = now.version - was.version;
    unacknowledged += added - acks;
    if (added < acks || added > acks + unansweredWrites)
      found.push(`relationship ${id}: version ${was.version} → ${now.version}, ${acks} writes acknowledged`);
    if (now.changes - was.changes !== added)
      found.push(
        `relationship ${id}: ${now.changes - was.changes} history rows added, version up by ${added}`,
      );
  }
  if (unacknowledged > unansweredWrites)
    found.push(`${unacknowledged} writes committed unacknowledged, but only ${unansweredWrites} unanswered`);
  if (writes === 0) found.push('no write was acknowledged');
  if (after.changes - before.changes !== writes + unacknowledged)
    found.push(
      `${after.changes - before.changes} history rows added in all, ${writes + unacknowledged} writes committed`,
    );
  if (after.changesWithoutState > 0)
    found.push(`${after.changesWithoutState} relationship history rows record no state`);
  for (const [table, n] of Object.entries(before.rows)) {
    if (after.rows[table] !== n) found.push(`${table}: ${n} rows before, ${after.rows[table]} after`);
  }
  if (!(memoryGrowth < MAX_MEMORY_GROWTH))
    found.push(
      `memory grew ${(memoryGrowth * 100).toFixed(1)}% after warm-up (limit ${MAX_MEMORY_GROWTH * 100}%)`,
    );
  return found;
}
