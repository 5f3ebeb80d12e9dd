import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import { badInput } from '../../core/errors.js';
import { LocalDateScalar } from '../../core/graphql/scalars.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { newestFirstConnection } from '../../core/pagination/newest-first.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { OrderFilter, OrderOrder } from './inputs/order-list.input.js';
import { Order } from './order.entity.js';
import { DEFAULT_ORDER_ORDER, orderPage } from './order.query.js';
import { OrderLine } from './order-line.entity.js';
import { Product } from './product.entity.js';
import { linesOfOrder, ordersOfCustomer, productById } from './trade.loaders.js';

export const OrderConnection = connectionType(Order, 'Order');

@ArgsType()
class OrderPageArgs extends PageArgs {
  @Field(() => LocalDateScalar, { nullable: true, description: 'Orders dated on or after / 起始日期（含）' })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Orders dated on or before / 截止日期（含）' })
  to?: string | null;
}

@Resolver(() => Order)
export class OrderResolver {
  @Query(() => OrderConnection, {
    description:
      'Orders across the customers you may see, filtered and sorted, a page at a time / 订单列表（跨客户）',
  })
  async orders(
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => OrderFilter, { nullable: true, description: 'Conditions, all must hold / 筛选条件' })
    filter: OrderFilter | null,
    @Arg('orderBy', () => OrderOrder, {
      nullable: true,
      description: 'Sort order (default ORDERED_AT DESC) / 排序',
    })
    orderBy: OrderOrder | null,
    @Ctx() ctx: Context,
  ) {
    const page = pageOf(pageArgs);
    const result = await orderPage(ctx.em, viewerOf(ctx), filter, orderBy ?? DEFAULT_ORDER_ORDER, page);
    return toConnection(OrderConnection, result.rows, page, result.sortValue, result.count);
  }

  @FieldResolver(() => Customer, { description: 'Customer who ordered / 订货客户' })
  customer(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.get(customerById).load(order.customer.id);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Sales rep of the order / 销售代表' })
  rep(@Root() order: Order, @Ctx() ctx: Context) {
    return order.rep ? ctx.loaders.get(staffById).load(order.rep.id) : null;
  }

  @FieldResolver(() => [OrderLine], { description: 'Lines, in the order entered / 订单明细' })
  lines(@Root() order: Order, @Ctx() ctx: Context) {
    return ctx.loaders.get(linesOfOrder).load(order.id);
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => Product, { description: 'Product sold or returned / 商品' })
  product(@Root() line: OrderLine, @Ctx() ctx: Context) {
    return ctx.loaders.get(productById).load(line.product.id);
  }
}

@Resolver(() => Customer)
export class CustomerOrdersResolver {
  @FieldResolver(() => OrderConnection, {
    description: 'Orders, newest first, optionally within dates, a page at a time / 订单（新单在前）',
  })
  orders(@Root() customer: Customer, @Args() { from, to, ...page }: OrderPageArgs, @Ctx() ctx: Context) {
    if (from && to && from > to) throw badInput('to', 'must not be before from');
    const range = { from: from ?? null, to: to ?? null };
    return newestFirstConnection(ctx, ordersOfCustomer, OrderConnection, customer.id, page, range);
  }
}
