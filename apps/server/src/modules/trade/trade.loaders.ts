import type { Context } from '../../core/context.js';
import { byIdLoader, childrenLoader } from '../../core/loaders.js';
import { newestFirstLoaders } from '../../core/pagination/newest-first.js';
import { customerById } from '../customer/customer.loaders.js';
import { Order } from './order.entity.js';
import { OrderLine } from './order-line.entity.js';
import { OrderReturn } from './order-return.entity.js';
import { Payment } from './payment.entity.js';
import { Product } from './product.entity.js';

export const orderById = byIdLoader(Order);

export const productById = byIdLoader(Product);

/** The lines of a whole page of orders in one query, in the order they were entered. */
export const linesOfOrder = childrenLoader(OrderLine, 'order', { id: 'asc' });

/** A customer's orders, newest first (ordered_at desc, id desc), as sales_order_customer_index reads. */
export const ordersOfCustomer = newestFirstLoaders({
  entity: Order,
  table: 'sales_order',
  parentColumn: 'customer_id',
  timeColumn: 'ordered_at',
  timeType: 'date',
  timeOf: (order) => order.orderedAt,
});

/** An order the viewer may see, or null: one whose customer is invisible to them does not exist. */
export async function readableOrder(ctx: Context, id: string): Promise<Order | null> {
  const order = await ctx.loaders.get(orderById).load(id);
  if (!order) return null;
  const customer = await ctx.loaders.get(customerById).load(order.customer.id);
  return customer ? order : null;
}

export const paymentById = byIdLoader(Payment);

export const returnById = byIdLoader(OrderReturn);

/** The payments of a whole page of orders in one query, oldest first as a payment record reads. */
export const paymentsOfOrder = childrenLoader(Payment, 'order', { paidOn: 'asc', id: 'asc' });

/** The returns and discounts of a whole page of orders in one query, oldest first. */
export const returnsOfOrder = childrenLoader(OrderReturn, 'order', { returnedOn: 'asc', id: 'asc' });
