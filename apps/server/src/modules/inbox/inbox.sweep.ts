import { ChangeAction, InboxItemState, type ReminderKind } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChangeBatch, recordChanges, STAMP, stampParams } from '../history/history.writer.js';
import { InboxItem } from './inbox-item.entity.js';
import type { ReminderDraft, ReminderSource } from './reminder-source.js';

const meta = (em: EntityManager) => em.getMetadata().get(InboxItem.name);

// The history of a set-based state change, as a person's done/snooze/reopen records it (rows: the CTE
// `rows`, with the values before the change as old_state, old_snoozed_until, old_done_at, old_settled_at).
const recordStateChanges = (em: EntityManager, rows = 'changed') =>
  recordChanges({
    meta: meta(em),
    action: ChangeAction.UPDATE,
    rows,
    values: {
      state: ['r.old_state', 'r.state'],
      snoozedUntil: ['r.old_snoozed_until', 'r.snoozed_until'],
      doneAt: ['r.old_done_at', 'r.done_at'],
      settledAt: ['r.old_settled_at', 'r.settled_at'],
    },
  });

// The history of the items a sweep adds (rows: `added`, the inserted rows whole), filed under no dossier as
// every change of an inbox item.
const recordCreatedItems = (em: EntityManager) =>
  recordChanges({
    meta: meta(em),
    action: ChangeAction.CREATE,
    rows: 'added',
    values: 'row',
    dossier: 'null::uuid',
  });

// PostgreSQL 18 returns the row before the update as `old`: what the history's "before" reads.
const RETURNING = `returning i.id, null::uuid as customer_id, i.state, i.snoozed_until, i.done_at, i.settled_at,
  old.state as old_state, old.snoozed_until as old_snoozed_until, old.done_at as old_done_at,
  old.settled_at as old_settled_at`;

/**
 * Puts one source's drafts of `day` into the inboxes in one statement, each new item and each state change
 * recorded in the history: a draft whose (recipient, kind, key) is there already — open, snoozed or done —
 * adds nothing, so each reminder appears once however often the sweep runs, on however many instances. For a settling source, the open and snoozed items of its kind
 * that it no longer returns are done by themselves (the complaint was closed, the loan returned), and an
 * item it settled so opens again, with the draft's day and text, when the draft returns (the complaint
 * reopened, the HIGH signal back); one the person marked done stays done.
 * Snoozed items of its kind whose day has come are open again. Answers how many items each step changed.
 */
export async function deliverReminders(
  em: EntityManager,
  source: ReminderSource,
  drafts: readonly ReminderDraft[],
  day: string,
): Promise<{ added: number; settled: number; reopened: number; woken: number }> {
  const batch = new ChangeBatch(null);
  const rows = JSON.stringify(
    drafts.map((d) => ({
      recipient_id: d.recipientId,
      kind: d.kind,
      key: d.key,
      customer_id: d.customerId,
      due_on: d.dueOn,
      params: d.params,
      link: d.link,
    })),
  );
  const settle = source.settles
    ? `changed as (
  update inbox_item i set state = '${InboxItemState.DONE}', done_at = stamp.at, settled_at = stamp.at,
    snoozed_until = null, version = i.version + 1, updated_at = stamp.at
  from stamp
  where i.kind = ? and i.state <> '${InboxItemState.DONE}'
    and not exists (select 1 from draft d where d.recipient_id = i.recipient_id and d.key = i.key)
  ${RETURNING}
),
${recordStateChanges(em)},
reopened as (
  update inbox_item i set state = '${InboxItemState.OPEN}', done_at = null, settled_at = null,
    due_on = d.due_on, params = d.params, link = d.link, mailed_at = null,
    version = i.version + 1, updated_at = stamp.at
  from draft d, stamp
  where i.kind = ? and i.state = '${InboxItemState.DONE}' and i.settled_at is not null
    and i.recipient_id = d.recipient_id and i.key = d.key
  ${RETURNING}
),
${recordStateChanges(em, 'reopened')},`
    : '';
  const [result] = await em.execute<Array<{ added: number; settled: number; reopened: number }>>(
    `with ${STAMP},
draft as (
  select distinct on (d.recipient_id, d.key) d.*
  from jsonb_to_recordset(?::jsonb) as d(recipient_id uuid, kind text, key text, customer_id uuid,
                                          due_on date, params jsonb, link text)
  where d.kind = ?
),
${settle}
added as (
  insert into inbox_item (id, created_at, updated_at, version, recipient_id, kind, key, customer_id,
                          due_on, params, link, state)
  select gen_random_uuid(), stamp.at, stamp.at, 1, d.recipient_id, d.kind, d.key, d.customer_id,
         d.due_on, d.params, d.link, '${InboxItemState.OPEN}'
  from draft d, stamp
  on conflict (recipient_id, kind, key) do nothing
  returning *
),
${recordCreatedItems(em)}
select (select count(*) from added)::int as added,
       ${source.settles ? '(select count(*) from changed)::int' : '0'} as settled,
       ${source.settles ? '(select count(*) from reopened)::int' : '0'} as reopened`,
    [...stampParams(batch), rows, source.kind, ...(source.settles ? [source.kind, source.kind] : [])],
  );
  const woken = await wakeSnoozed(em, day, source.kind);
  return {
    added: result?.added ?? 0,
    settled: result?.settled ?? 0,
    reopened: result?.reopened ?? 0,
    woken,
  };
}

/**
 * Snoozed items (of `kind`, or of every kind) whose day has come are open again, recorded as a change by
 * nobody, as all the sweep's.
 */
export async function wakeSnoozed(em: EntityManager, day: string, kind?: ReminderKind): Promise<number> {
  const batch = new ChangeBatch(null);
  const [result] = await em.execute<Array<{ n: number }>>(
    `with ${STAMP},
changed as (
  update inbox_item i set state = '${InboxItemState.OPEN}', snoozed_until = null,
    version = i.version + 1, updated_at = stamp.at
  from stamp
  where i.state = '${InboxItemState.SNOOZED}' and i.snoozed_until <= ?::date ${kind ? 'and i.kind = ?' : ''}
  ${RETURNING}
),
${recordStateChanges(em)}
select count(*)::int as n from changed`,
    [...stampParams(batch), day, ...(kind ? [kind] : [])],
  );
  return result?.n ?? 0;
}
