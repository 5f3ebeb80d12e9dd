import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { Staff } from './staff.entity.js';

/** A staff member who can take on customers and relationships now; a departed one is refused. */
export async function activeStaff(em: EntityManager, globalId: string, field: string) {
  const staff = await em.findOne(Staff, { id: idOf(globalId, 'Staff', field) });
  if (!staff) throw notFound('Staff', globalId, field);
  if (!staff.active) throw badInput(field, 'has left the company (inactive)');
  return em.getReference(Staff, staff.id, { wrapped: true });
}
