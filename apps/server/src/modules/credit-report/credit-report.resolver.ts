import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { CreditReport } from './credit-report.entity.js';
import { creditReportsOfCustomer } from './credit-report.loaders.js';
import { recordCreditReport } from './credit-report.service.js';
import { RecordCreditReportInput } from './inputs/credit-report-inputs.js';

@Resolver(() => CreditReport)
export class CreditReportResolver {
  @FieldResolver(() => Customer, { description: 'Customer investigated / 被调查客户' })
  customer(@Root() report: CreditReport, @Ctx() ctx: Context) {
    return ctx.loaders.get(customerById).load(report.customer.id);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who wrote it / 调查人' })
  author(@Root() report: CreditReport, @Ctx() ctx: Context) {
    return report.author ? ctx.loaders.get(staffById).load(report.author.id) : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'validUntil is before today (business time zone): investigate again / 已过有效期（按业务日期）',
  })
  expired(@Root() report: CreditReport, @Ctx() ctx: Context): boolean {
    return report.validUntil < ctx.clock.today();
  }

  @Mutation(() => CreditReport, { description: 'Record a credit report / 录入资信调查报告' })
  recordCreditReport(
    @Arg('input', { description: 'The report / 资信报告' }) input: RecordCreditReportInput,
    @Ctx() ctx: Context,
  ) {
    return recordCreditReport(ctx, input);
  }
}

@Resolver(() => Customer)
export class CustomerCreditReportsResolver {
  @FieldResolver(() => [CreditReport], {
    description: 'Credit reports, newest first / 资信调查报告（新在前）',
  })
  creditReports(@Root() customer: Customer, @Ctx() ctx: Context) {
    return ctx.loaders.get(creditReportsOfCustomer).load(customer.id);
  }
}
