import { RelationshipOrderField, SortDirection } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { visibleCustomers } from '../../core/access/scope.js';
import { badInput } from '../../core/errors.js';
import { idOf } from '../../core/graphql/global-id.js';
import { positions } from '../../core/pagination/cursor.js';
import { type KeysetSort, keysetPage } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import type { Staff } from '../staff/staff.entity.js';
import type { RelationshipFilter, RelationshipOrder } from './inputs/relationship-list.input.js';
import { Relationship } from './relationship.entity.js';

const SORTS: Record<RelationshipOrderField, KeysetSort> = {
  [RelationshipOrderField.LAST_CONTACT]: {
    value: 'r.last_contact_at',
    id: 'r.id',
    position: positions.isoTime,
    nullable: true,
  },
  [RelationshipOrderField.CUSTOMER_NAME]: { value: 'c.name', id: 'r.id', position: positions.text },
  // What KeyPerson.name shows: a placeholder's title (the key_person_names_someone check keeps it non-null).
  [RelationshipOrderField.KEY_PERSON_NAME]: {
    value: 'coalesce(kp.name, kp.title)',
    id: 'r.id',
    position: positions.text,
  },
};

export const DEFAULT_RELATIONSHIP_ORDER: RelationshipOrder = {
  field: RelationshipOrderField.LAST_CONTACT,
  direction: SortDirection.DESC,
};

/** The filter's ids as database ids, its time bounds checked: bad input is refused before any SQL runs. */
function conditions(filter: RelationshipFilter | null | undefined) {
  const { lastContactAfter: after, lastContactBefore: before } = filter ?? {};
  if (after && before && before <= after) {
    throw badInput('filter.lastContactBefore', 'must be later than filter.lastContactAfter');
  }
  return {
    staffId: filter?.staffId ? idOf(filter.staffId, 'Staff', 'filter.staffId') : null,
    customerId: filter?.customerId ? idOf(filter.customerId, 'Customer', 'filter.customerId') : null,
    keyPersonId: filter?.keyPersonId ? idOf(filter.keyPersonId, 'KeyPerson', 'filter.keyPersonId') : null,
  };
}

/**
 * One keyset page of the relationships on the dossiers the viewer may see, filtered in SQL: the key person
 * and customer joins serve the scope, the customer filter and the name sorts.
 */
export function relationshipPage(
  em: EntityManager,
  viewer: Staff,
  filter: RelationshipFilter | null | undefined,
  order: RelationshipOrder,
  page: Page,
) {
  const ids = conditions(filter);
  const base = () => {
    const query: Knex.QueryBuilder = em
      .getKnex()
      .queryBuilder()
      .from('relationship as r')
      .join('key_person as kp', 'kp.id', 'r.key_person_id')
      .join('customer as c', 'c.id', 'kp.customer_id');
    if (ids.staffId) query.where('r.staff_id', ids.staffId);
    if (ids.customerId) query.where('kp.customer_id', ids.customerId);
    if (ids.keyPersonId) query.where('r.key_person_id', ids.keyPersonId);
    if (filter?.states?.length) query.whereIn('r.state', filter.states);
    if (filter?.lastContactBefore) query.where('r.last_contact_at', '<', filter.lastContactBefore);
    if (filter?.lastContactAfter) query.where('r.last_contact_at', '>=', filter.lastContactAfter);
    if (filter?.changedSince) query.where('r.updated_at', '>=', filter.changedSince);
    return visibleCustomers(query, 'c', viewer);
  };
  return keysetPage(
    em,
    Relationship,
    base,
    'r',
    SORTS[order.field],
    order.direction === SortDirection.ASC ? 'asc' : 'desc',
    page,
  );
}
