import DataLoader from 'dataloader';
import { visibleCustomers } from '../../core/access/scope.js';
import { byIdLoader, type LoaderFactory } from '../../core/loaders.js';
import { Staff } from './staff.entity.js';

export const staffById = byIdLoader(Staff);

/** How many customers each staff member owns, among those the viewer may see: one GROUP BY per batch. */
export const customerCountOf: LoaderFactory<DataLoader<string, number>> = (em, viewer) =>
  new DataLoader(async (staffIds) => {
    if (!viewer) return staffIds.map(() => 0);
    const query = em
      .getKnex()
      .queryBuilder()
      .from('customer as c')
      .select({ owner: 'c.owner_id' })
      .count({ n: '*' })
      .whereIn('c.owner_id', [...staffIds])
      .groupBy('c.owner_id');
    const rows = await em.execute<Array<{ owner: string; n: number }>>(visibleCustomers(query, 'c', viewer));
    const counts = new Map(rows.map((row) => [row.owner, Number(row.n)]));
    return staffIds.map((id) => counts.get(id) ?? 0);
  });
