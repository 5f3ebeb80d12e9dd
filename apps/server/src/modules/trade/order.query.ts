import { SortDirection } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { idOf } from '../../core/graphql/global-id.js';
import { positions } from '../../core/pagination/cursor.js';
import { customerScopedPage } from '../../core/pagination/customer-scoped-page.js';
import type { KeysetSort } from '../../core/pagination/keyset.js';
import type { Page } from '../../core/pagination/page-args.js';
import { dateRange, optionalText } from '../../core/validation.js';
import type { Staff } from '../staff/staff.entity.js';
import { type OrderFilter, type OrderOrder, OrderOrderField } from './inputs/order-list.input.js';
import { Order } from './order.entity.js';

/** Order.openAmount in SQL, on the sums the database triggers keep: total − returned − paid. */
const OPEN_AMOUNT = '(o.total - o.returned_amount - o.paid_amount)';

const SORTS: Record<OrderOrderField, KeysetSort> = {
  [OrderOrderField.ORDERED_AT]: { value: 'o.ordered_at', id: 'o.id', position: positions.localDate },
  [OrderOrderField.TOTAL]: { value: 'o.total', id: 'o.id', position: positions.decimal },
  [OrderOrderField.OPEN_AMOUNT]: { value: OPEN_AMOUNT, id: 'o.id', position: positions.decimal },
};

export const DEFAULT_ORDER_ORDER: OrderOrder = {
  field: OrderOrderField.ORDERED_AT,
  direction: SortDirection.DESC,
};

/** The filter as SQL conditions; its input is checked first, so bad input is refused before any query. */
function filterOf(filter: OrderFilter | null | undefined) {
  const customerId = filter?.customerId ? idOf(filter.customerId, 'Customer', 'filter.customerId') : null;
  const productId = filter?.productId ? idOf(filter.productId, 'Product', 'filter.productId') : null;
  const category = optionalText('filter.category', filter?.category, 100);
  const ordered = dateRange('filter.orderedFrom', 'filter.orderedTo', filter?.orderedFrom, filter?.orderedTo);
  return (query: Knex.QueryBuilder) => {
    if (ordered.from) query.where('o.ordered_at', '>=', ordered.from);
    if (ordered.to) query.where('o.ordered_at', '<=', ordered.to);
    if (customerId) query.where('o.customer_id', customerId);
    if (productId) {
      query.whereExists((l) =>
        l.select(1).from('order_line as l').whereRaw('l.order_id = o.id').where('l.product_id', productId),
      );
    }
    if (category) {
      query.whereExists((l) =>
        l
          .select(1)
          .from('order_line as l')
          .join('product as pr', 'pr.id', 'l.product_id')
          .whereRaw('l.order_id = o.id')
          .where('pr.category', category),
      );
    }
    if (filter?.openOnly === true) query.whereRaw(`${OPEN_AMOUNT} > 0`);
    if (filter?.openOnly === false) query.whereRaw(`${OPEN_AMOUNT} <= 0`);
  };
}

/** One keyset page of the orders, across customers, of the customers the viewer may see. */
export function orderPage(
  em: EntityManager,
  viewer: Staff,
  filter: OrderFilter | null | undefined,
  order: OrderOrder,
  page: Page,
) {
  return customerScopedPage(
    em,
    viewer,
    { entity: Order, table: 'sales_order', alias: 'o' },
    filterOf(filter),
    SORTS[order.field],
    order.direction,
    page,
  );
}
