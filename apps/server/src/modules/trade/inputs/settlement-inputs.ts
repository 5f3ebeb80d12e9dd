import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../../core/graphql/scalars.js';

@InputType({ description: 'A payment received for an order / 录入付款记录' })
export class RecordPaymentInput {
  @Field(() => ID, { description: 'Order paid / 订单' })
  orderId!: string;

  @Field(() => DecimalScalar, {
    description: 'Amount, > 0 and at most what is left to pay (total − returns − payments) / 付款金额',
  })
  amount!: string;

  @Field(() => LocalDateScalar, {
    description: 'Date paid: not before the order, not in the future / 付款日期',
  })
  paidOn!: string;

  @Field(() => String, { nullable: true, description: 'How it was paid, ≤40 characters / 付款方式' })
  method?: string | null;

  @Field(() => String, { nullable: true, description: 'Note, ≤2000 characters / 备注' })
  note?: string | null;
}

@InputType({ description: 'A return or discount credited against an order / 录入退赔折价' })
export class RecordReturnInput {
  @Field(() => ID, { description: 'Order credited / 订单' })
  orderId!: string;

  @Field(() => DecimalScalar, {
    description: 'Amount, > 0; all returns together at most the order total / 退赔金额',
  })
  amount!: string;

  @Field(() => LocalDateScalar, { description: 'Date: not before the order, not in the future / 退赔日期' })
  date!: string;

  @Field({ description: 'Reason, ≤2000 characters / 原因' })
  reason!: string;
}
