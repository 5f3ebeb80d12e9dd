import { InfluenceLevel, RELATIONSHIP_FAVOURABILITY, SortDirection } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { rankSql } from '../../core/database/rank-sql.js';
import { idOf } from '../../core/graphql/global-id.js';
import { positions } from '../../core/pagination/cursor.js';
import { customerScopedPage } from '../../core/pagination/customer-scoped-page.js';
import { containsPattern, type KeysetSort } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import { optionalText } from '../../core/validation.js';
import { bestFavourabilitySql } from '../relationship/relationship.sql.js';
import type { Staff } from '../staff/staff.entity.js';
import {
  type KeyPersonFilter,
  type KeyPersonOrder,
  KeyPersonOrderField,
} from './inputs/key-person-list.input.js';
import { KeyPerson } from './key-person.entity.js';

const INFLUENCE_RANK: Readonly<Record<InfluenceLevel, number>> = {
  [InfluenceLevel.HIGH]: 3,
  [InfluenceLevel.MEDIUM]: 2,
  [InfluenceLevel.LOW]: 1,
};

const SORTS: Record<KeyPersonOrderField, KeysetSort> = {
  // A placeholder has no name yet: the list shows, and so sorts, its title (KeyPerson.displayName).
  [KeyPersonOrderField.NAME]: { value: 'coalesce(kp.name, kp.title)', id: 'kp.id', position: positions.text },
  [KeyPersonOrderField.CUSTOMER_NAME]: { value: 'c.name', id: 'kp.id', position: positions.text },
  [KeyPersonOrderField.INFLUENCE]: {
    value: `(select max(${rankSql('d.influence', INFLUENCE_RANK)}) from decision_role_assignment d where d.key_person_id = kp.id)`,
    id: 'kp.id',
    position: positions.int,
    nullable: true,
  },
};

export const DEFAULT_KEY_PERSON_ORDER: KeyPersonOrder = {
  field: KeyPersonOrderField.NAME,
  direction: SortDirection.ASC,
};

/** The filter as SQL conditions; ids and text are checked first, so bad input is refused before any query. */
function filterOf(filter: KeyPersonFilter | null | undefined) {
  const customerId = filter?.customerId ? idOf(filter.customerId, 'Customer', 'filter.customerId') : null;
  const search = optionalText('filter.search', filter?.search, 100);
  return (query: Knex.QueryBuilder) => {
    if (!filter) return;
    const { role, influence, bestRelationshipState, region, active } = filter;
    if (role?.length || influence?.length) {
      query.whereExists((d) => {
        d.select(1).from('decision_role_assignment as d').whereRaw('d.key_person_id = kp.id');
        if (role?.length) d.whereIn('d.role', role);
        if (influence?.length) d.whereIn('d.influence', influence);
      });
    }
    if (bestRelationshipState?.length) {
      // Ranks are numbers of our own table, not client text: safe to write into the statement.
      const ranks = bestRelationshipState.map((state) => RELATIONSHIP_FAVOURABILITY[state]);
      query.whereRaw(`${bestFavourabilitySql('kp')} in (${ranks.join(', ')})`);
    }
    if (customerId) query.where('kp.customer_id', customerId);
    if (region?.length) query.whereIn('c.region', region);
    if (search) {
      const pattern = containsPattern(search);
      query.where((q) => q.where('kp.name', 'ilike', pattern).orWhere('kp.title', 'ilike', pattern));
    }
    if (active !== null && active !== undefined) query.where('kp.active', active);
  };
}

/** One keyset page of the key persons, across customers, of the customers the viewer may see. */
export function keyPersonPage(
  em: EntityManager,
  viewer: Staff,
  filter: KeyPersonFilter | null | undefined,
  order: KeyPersonOrder,
  page: Page,
) {
  return customerScopedPage(
    em,
    viewer,
    { entity: KeyPerson, table: 'key_person', alias: 'kp' },
    filterOf(filter),
    SORTS[order.field],
    order.direction,
    page,
  );
}
