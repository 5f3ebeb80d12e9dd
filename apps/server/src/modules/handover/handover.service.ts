import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayHandOver, requireDossierWriter } from '../../core/access/policy.js';
import type { Context } from '../../core/context.js';
import { writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { Customer } from '../customer/customer.entity.js';
import { ChangeBatch } from '../history/history.writer.js';
import { Project } from '../project/project.entity.js';
import { Relationship } from '../relationship/relationship.entity.js';
import { refreshRiskAssessments } from '../risk/risk.refresh.js';
import { type HandoverParams, mergeStatement, moveStatement, paramsOf } from './handover.sql.js';

export interface TransferCounts {
  customers: number;
  relationships: number;
  projects: number;
}

/**
 * Both staff members, locked until the handover commits: the receiver cannot be deactivated under it, and
 * two handovers touching the same rep run one after the other. FOR NO KEY UPDATE leaves the foreign-key
 * checks of ordinary writes (FOR KEY SHARE) unblocked.
 */
async function lockStaff(em: EntityManager, fromId: string, toId: string) {
  const rows = await em.execute<Array<{ id: string; active: boolean }>>(
    'select id, active from staff where id in (?, ?) for no key update',
    [fromId, toId],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** Runs one handover statement; the customers it changed join the batch. */
async function run(em: EntityManager, sql: string, params: HandoverParams): Promise<number> {
  const [row] = await em.execute<Array<{ n: number; customers: string[] }>>(sql, paramsOf(params));
  params.batch.touched(row?.customers ?? []);
  return row?.n ?? 0;
}

/** The handover's statements, in the order they must run (merges before the relationships move). */
function statements(em: EntityManager) {
  return {
    merge: mergeStatement(em.getMetadata(Relationship)),
    relationships: moveStatement({
      meta: em.getMetadata(Relationship),
      table: 'relationship',
      column: 'staff_id',
      property: 'staff',
      join: { from: ', key_person kp', where: ' and kp.id = t.key_person_id' },
      customerId: 'kp.customer_id',
    }),
    customers: moveStatement({
      meta: em.getMetadata(Customer),
      table: 'customer',
      column: 'owner_id',
      property: 'owner',
      customerId: 't.id',
    }),
    projects: moveStatement({
      meta: em.getMetadata(Project),
      table: 'project',
      column: 'owner_id',
      property: 'owner',
      customerId: 't.customer_id',
    }),
  };
}

/**
 * Hands every customer, project and relationship of one staff member to another (客户移交), in one
 * transaction and a fixed number of statements whatever the size of the book, refreshing the risk of every
 * customer it touched before the commit. `relationships` counts the departing rep's relationships taken
 * over: moved ones and those merged into one the receiver already had.
 */
export async function transferCustomers(
  ctx: Context,
  fromGlobalId: string,
  toGlobalId: string,
): Promise<TransferCounts> {
  const viewer = requireDossierWriter(ctx);
  const fromId = idOf(fromGlobalId, 'Staff', 'fromStaffId');
  const toId = idOf(toGlobalId, 'Staff', 'toStaffId');
  if (fromId === toId) throw badInput('toStaffId', 'must be another staff member than fromStaffId');

  return writeTransaction(ctx, async (em) => {
    const staff = await lockStaff(em, fromId, toId);
    const to = staff.get(toId);
    if (!staff.has(fromId)) throw notFound('Staff', fromGlobalId, 'fromStaffId');
    if (!to) throw notFound('Staff', toGlobalId, 'toStaffId');
    if (!to.active) throw badInput('toStaffId', 'has left the company (inactive)');
    await assertMayHandOver(em, viewer, fromId, toId);
    const params = { fromId, toId, batch: new ChangeBatch(viewer.id) };
    const sql = statements(em);
    const merged = await run(em, sql.merge, params);
    const moved = await run(em, sql.relationships, params);
    const customers = await run(em, sql.customers, params);
    const projects = await run(em, sql.projects, params);
    // Set-based writes pass no flush, so the RiskSubscriber does not see them: refresh here, before commit.
    await refreshRiskAssessments(em, [...params.batch.customers]);
    return { customers, relationships: moved + merged, projects };
  });
}
