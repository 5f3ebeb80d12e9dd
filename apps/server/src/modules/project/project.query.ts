import { SortDirection } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { idOf } from '../../core/graphql/global-id.js';
import { positions } from '../../core/pagination/cursor.js';
import { customerScopedPage } from '../../core/pagination/customer-scoped-page.js';
import type { KeysetSort } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import { amountRange, dateRange } from '../../core/validation.js';
import type { Staff } from '../staff/staff.entity.js';
import { type ProjectFilter, type ProjectOrder, ProjectOrderField } from './inputs/project-list.input.js';
import { Project } from './project.entity.js';

const SORTS: Record<ProjectOrderField, KeysetSort> = {
  [ProjectOrderField.EXPECTED_CLOSE_DATE]: {
    value: 'p.expected_close_date',
    id: 'p.id',
    position: positions.localDate,
    nullable: true,
  },
  [ProjectOrderField.AMOUNT]: { value: 'p.amount', id: 'p.id', position: positions.decimal, nullable: true },
  [ProjectOrderField.NAME]: { value: 'p.name', id: 'p.id', position: positions.text },
};

export const DEFAULT_PROJECT_ORDER: ProjectOrder = {
  field: ProjectOrderField.EXPECTED_CLOSE_DATE,
  direction: SortDirection.ASC,
};

/** The filter as SQL conditions; its input is checked first, so bad input is refused before any query. */
function filterOf(filter: ProjectFilter | null | undefined) {
  const ownerId = filter?.ownerId ? idOf(filter.ownerId, 'Staff', 'filter.ownerId') : null;
  const customerId = filter?.customerId ? idOf(filter.customerId, 'Customer', 'filter.customerId') : null;
  const close = dateRange(
    'filter.expectedCloseFrom',
    'filter.expectedCloseTo',
    filter?.expectedCloseFrom,
    filter?.expectedCloseTo,
  );
  // Compared as numeric by PostgreSQL: exact, never through a JS number.
  const amount = amountRange('filter.amountMin', 'filter.amountMax', filter?.amountMin, filter?.amountMax);
  return (query: Knex.QueryBuilder) => {
    if (filter?.stages?.length) query.whereIn('p.stage', filter.stages);
    if (ownerId) query.where('p.owner_id', ownerId);
    if (customerId) query.where('p.customer_id', customerId);
    if (close.from) query.where('p.expected_close_date', '>=', close.from);
    if (close.to) query.where('p.expected_close_date', '<=', close.to);
    if (amount.min) query.whereRaw('p.amount >= ?::numeric', [amount.min]);
    if (amount.max) query.whereRaw('p.amount <= ?::numeric', [amount.max]);
  };
}

/** One keyset page of the projects, across customers, of the customers the viewer may see. */
export function projectPage(
  em: EntityManager,
  viewer: Staff,
  filter: ProjectFilter | null | undefined,
  order: ProjectOrder,
  page: Page,
) {
  return customerScopedPage(
    em,
    viewer,
    { entity: Project, table: 'project', alias: 'p' },
    filterOf(filter),
    SORTS[order.field],
    order.direction,
    page,
  );
}
