import type { EntityManager } from '@mikro-orm/postgresql';
import { readsAllCustomers, visibleCustomers } from '../../core/access/scope.js';
import type { ConnectionShape } from '../../core/pagination/connection.js';
import type { Staff } from '../staff/staff.entity.js';

/** Which of `ids` the viewer may see, in one statement. */
async function visibleIds(em: EntityManager, viewer: Staff, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const query = em
    .getKnex()
    .queryBuilder()
    .select('c.id')
    .from('customer as c')
    .whereIn('c.id', [...ids]);
  const rows = await em.execute<Array<{ id: string }>>(visibleCustomers(query, 'c', viewer));
  return new Set(rows.map((row) => row.id));
}

/**
 * A page of the company-wide ranking as the viewer may see it: ranks and classes stay the company's (a
 * visible customer keeps its company-wide class and rank), the rows of customers outside the viewer's book
 * are left out, so a page may hold fewer rows than asked for while `hasNextPage` and the cursors still walk
 * the whole ranking. `everyId` lists the whole filtered ranking's customers, for the visible count.
 */
export async function scopedRanking<T extends { id: string }, C extends ConnectionShape<T>>(
  em: EntityManager,
  viewer: Staff | null,
  connection: C,
  everyId: () => Promise<readonly string[]>,
): Promise<C> {
  if (viewer && readsAllCustomers(viewer)) return connection;
  const shown = viewer
    ? await visibleIds(
        em,
        viewer,
        connection.nodes.map((node) => node.id),
      )
    : new Set();
  return Object.assign(connection, {
    nodes: connection.nodes.filter((node) => shown.has(node.id)),
    edges: connection.edges.filter((edge) => shown.has(edge.node.id)),
    count: async () => (viewer ? (await visibleIds(em, viewer, await everyId())).size : 0),
  });
}
