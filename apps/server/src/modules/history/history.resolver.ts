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
import { isPersonalField, mayReadPersonalData } from '../../core/access/policy.js';
import { profileReads } from '../../core/access/profile-reads.js';
import { type Context, viewerOf } from '../../core/context.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { newestFirstConnection } from '../../core/pagination/newest-first.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { loadNow } from '../../core/primed.js';
import { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { Change, FieldChange } from './change.entity.js';
import { changeById, fieldChangesOf, historyOfCustomer } from './history.loaders.js';
import { changePage } from './history.query.js';
import { ChangeFilter } from './inputs/change-filter.input.js';
import { referenceName } from './reference-names.js';

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
    return change.actor ? loadNow(ctx.loaders.get(staffById), change.actor.id) : null;
  }

  @FieldResolver(() => [FieldChange], { description: 'Fields before and after / 字段变更' })
  changes(@Root() change: Change, @Ctx() ctx: Context) {
    // Its field changes reach their change by id (changeOf): this one is read already.
    ctx.loaders.get(changeById).prime(change.id, change);
    return loadNow(ctx.loaders.get(fieldChangesOf), change.id);
  }
}

/** The change a field change belongs to: read already, and primed in its loader by `changes`. */
async function changeOf(fieldChange: FieldChange, ctx: Context): Promise<Change | null> {
  return fieldChange.change.isInitialized()
    ? fieldChange.change.unwrap()
    : await ctx.loaders.get(changeById).load(fieldChange.change.id);
}

/**
 * A field change's value as the viewer may see it: a personal field's (a key person's phones, e-mail,
 * profile) only for those who may read that customer's personal data, and the read goes to the audit log.
 */
async function visibleValue(fieldChange: FieldChange, value: string | null, ctx: Context) {
  if (value === null) return null;
  const change = await changeOf(fieldChange, ctx);
  if (!change) return null;
  if (!isPersonalField(change.entityType, fieldChange.field)) return value;
  if (!change.customerId || !(await mayReadPersonalData(ctx, change.customerId))) return null;
  ctx.loaders.get(profileReads).note(change.entityId, change.customerId);
  return value;
}

async function nameOf(fieldChange: FieldChange, value: string | null, ctx: Context) {
  if (value === null) return null;
  const change = await changeOf(fieldChange, ctx);
  return change ? referenceName(ctx, change.entityType, fieldChange.field, value) : null;
}

@Resolver(() => FieldChange)
export class FieldChangeResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Value before; null when redacted / 修改前',
  })
  before(@Root() fieldChange: FieldChange, @Ctx() ctx: Context) {
    return visibleValue(fieldChange, fieldChange.before, ctx);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Value after; null when redacted / 修改后',
  })
  after(@Root() fieldChange: FieldChange, @Ctx() ctx: Context) {
    return visibleValue(fieldChange, fieldChange.after, ctx);
  }

  @FieldResolver(() => Boolean, {
    description:
      "True when the field is personal data (a key person's phones, e-mail, profile) you may not see: the " +
      'field name is shown, its values are null / 个人信息字段，无权查看其值',
  })
  async redacted(@Root() fieldChange: FieldChange, @Ctx() ctx: Context) {
    const change = await changeOf(fieldChange, ctx);
    if (!change || !isPersonalField(change.entityType, fieldChange.field)) return false;
    return !change.customerId || !(await mayReadPersonalData(ctx, change.customerId));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'For a reference: the name of the record it pointed to before (null when none, gone or not visible) ' +
      '/ 引用字段修改前所指记录的名称',
  })
  beforeName(@Root() fieldChange: FieldChange, @Ctx() ctx: Context) {
    return nameOf(fieldChange, fieldChange.before, ctx);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'For a reference: the name of the record it points to after (null when none, gone or not visible) ' +
      '/ 引用字段修改后所指记录的名称',
  })
  afterName(@Root() fieldChange: FieldChange, @Ctx() ctx: Context) {
    return nameOf(fieldChange, fieldChange.after, ctx);
  }
}

@Resolver(() => Customer)
export class CustomerHistoryResolver {
  @FieldResolver(() => ChangeConnection, {
    description:
      'Changes to the dossier (the customer, its key persons, relationships, roles, projects, events, ' +
      'credit reports, documents and loans), newest first / 档案变更历史（新在前）',
  })
  history(@Root() customer: Customer, @Args() { sections, ...page }: HistoryPageArgs, @Ctx() ctx: Context) {
    const kinds = sections ? entityTypesOfSections(sections) : null;
    const range = { from: null, to: null, kinds };
    return newestFirstConnection(ctx, historyOfCustomer, ChangeConnection, customer.id, page, range);
  }
}
