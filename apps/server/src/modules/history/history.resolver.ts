import { entityTypesOfSections, HistorySection, historySectionLabels } from '@dossier/domain';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { type Context, viewerOf } from '../../core/context.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { newestFirstConnection } from '../../core/pagination/newest-first.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { Change, FieldChange } from './change.entity.js';
import { fieldChangesOf, historyOfCustomer } from './history.loaders.js';
import { changePage } from './history.query.js';
import { ChangeFilter } from './inputs/change-filter.input.js';

export const ChangeConnection = connectionType(Change, 'Change');

registerEnumType(HistorySection, {
  name: 'HistorySection',
  description: 'Section of the dossier a change belongs to / 变更所属档案分区',
  valuesConfig: describedBy(historySectionLabels),
});

@ArgsType()
class HistoryPageArgs extends PageArgs {
  @Field(() => [HistorySection], {
    nullable: true,
    description: 'Only changes in these sections (default: all) / 仅这些分区的变更（默认全部）',
  })
  sections?: HistorySection[] | null;
}

@Resolver(() => Change)
export class ChangeResolver {
  // Named in the schema as `changes`; the method name `changes` is Change.changes, the field values.
  @Query(() => ChangeConnection, {
    name: 'changes',
    description:
      'Recorded changes to every dossier you may see, newest first (ties by id), filtered, a page at a ' +
      'time: what someone changed, and when / 变更记录（新在前）',
  })
  async changeList(
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => ChangeFilter, {
      nullable: true,
      description: 'Conditions, all must hold / 筛选条件',
    })
    filter: ChangeFilter | null,
    @Ctx() ctx: Context,
  ) {
    const page = pageOf(pageArgs);
    const result = await changePage(ctx.em, viewerOf(ctx), ctx.clock, filter, page);
    return toConnection(ChangeConnection, result.rows, page, result.sortValue, result.count);
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'Who made the change / 操作人' })
  actor(@Root() change: Change, @Ctx() ctx: Context) {
    return change.actor ? ctx.loaders.get(staffById).load(change.actor.id) : null;
  }

  @FieldResolver(() => [FieldChange], { description: 'Fields before and after / 字段变更' })
  changes(@Root() change: Change, @Ctx() ctx: Context) {
    return ctx.loaders.get(fieldChangesOf).load(change.id);
  }
}

@Resolver(() => Customer)
export class CustomerHistoryResolver {
  @FieldResolver(() => ChangeConnection, {
    description:
      'Changes to the dossier (the customer, its key persons, relationships, roles, projects, events and ' +
      'credit reports), newest first / 档案变更历史（新在前）',
  })
  history(@Root() customer: Customer, @Args() { sections, ...page }: HistoryPageArgs, @Ctx() ctx: Context) {
    const kinds = sections ? entityTypesOfSections(sections) : null;
    const range = { from: null, to: null, kinds };
    return newestFirstConnection(ctx, historyOfCustomer, ChangeConnection, customer.id, page, range);
  }
}
