import type { EntityManager } from '@mikro-orm/postgresql';
import { type Context, viewerOf } from '../../core/context.js';
import { writeTransaction } from '../../core/database/transaction.js';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { assertMayHandOverCustomers } from './handover.access.js';
import {
  type HandoverParams,
  MERGE_RELATIONSHIPS,
  MOVE_CUSTOMERS,
  MOVE_PROJECTS,
  MOVE_RELATIONSHIPS,
  paramsOf,
} from './handover.sql.js';

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

async function run(em: EntityManager, sql: string, params: HandoverParams): Promise<number> {
  const [row] = await em.execute<Array<{ n: number }>>(sql, paramsOf(params));
  return row?.n ?? 0;
}

/**
 * Hands every customer, project and relationship of one staff member to another (客户移交), in one
 * transaction and a fixed number of statements whatever the size of the book. `relationships` counts the
 * departing rep's relationships taken over: moved ones and those merged into one the receiver already had.
 */
export async function transferCustomers(
  ctx: Context,
  fromGlobalId: string,
  toGlobalId: string,
): Promise<TransferCounts> {
  const viewer = assertMayHandOverCustomers(viewerOf(ctx));
  const fromId = idOf(fromGlobalId, 'Staff', 'fromStaffId');
  const toId = idOf(toGlobalId, 'Staff', 'toStaffId');
  if (fromId === toId) throw badInput('toStaffId', 'must be another staff member than fromStaffId');

  return writeTransaction(ctx, async (em) => {
    const staff = await lockStaff(em, fromId, toId);
    const to = staff.get(toId);
    if (!staff.has(fromId)) throw notFound('Staff', fromGlobalId, 'fromStaffId');
    if (!to) throw notFound('Staff', toGlobalId, 'toStaffId');
    if (!to.active) throw badInput('toStaffId', 'has left the company (inactive)');
    const params = { fromId, toId, actorId: viewer.id, at: new Date() };
    const merged = await run(em, MERGE_RELATIONSHIPS, params);
    const moved = await run(em, MOVE_RELATIONSHIPS, params);
    const customers = await run(em, MOVE_CUSTOMERS, params);
    const projects = await run(em, MOVE_PROJECTS, params);
    return { customers, relationships: moved + merged, projects };
  });
}
