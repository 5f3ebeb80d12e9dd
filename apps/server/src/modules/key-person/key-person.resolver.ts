import { RelationshipState } from '@dossier/domain';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { mayReadPersonalData } from '../../core/access/policy.js';
import { profileReads } from '../../core/access/profile-reads.js';
import { type Context, viewerOf } from '../../core/context.js';
import { parseGlobalId } from '../../core/graphql/global-id.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { loadNow } from '../../core/primed.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { DecisionRoleAssignment } from '../decision-role/decision-role.entity.js';
import { rolesOfKeyPerson } from '../decision-role/decision-role.loaders.js';
import { Relationship } from '../relationship/relationship.entity.js';
import { bestStateOfKeyPerson, relationshipsOfKeyPerson } from '../relationship/relationship.loaders.js';
import { AddKeyPersonInput, AddPlaceholderInput, UpdateKeyPersonInput } from './inputs/key-person-inputs.js';
import { KeyPersonFilter, KeyPersonOrder } from './inputs/key-person-list.input.js';
import { KeyPerson } from './key-person.entity.js';
import { keyPersonById, keyPersonsOfCustomer } from './key-person.loaders.js';
import { DEFAULT_KEY_PERSON_ORDER, keyPersonPage } from './key-person.query.js';
import { addKeyPerson, addPlaceholder, updateKeyPerson } from './key-person.service.js';
import { KeyPersonProfile } from './key-person-profile.embeddable.js';

/**
 * A personal field's value for a viewer allowed to read it (the read goes to the audit log), else null. An
 * empty field shows nothing personal, so it is neither checked nor recorded.
 */
async function personalValue<T>(ctx: Context, person: KeyPerson, value: T | null): Promise<T | null> {
  if (value === null || !(await mayReadPersonalData(ctx, person.customer.id))) return null;
  ctx.loaders.get(profileReads).note(person.id, person.customer.id);
  return value;
}

export const KeyPersonConnection = connectionType(KeyPerson, 'KeyPerson');

@Resolver(() => KeyPerson)
export class KeyPersonResolver {
  @Query(() => KeyPersonConnection, {
    description:
      'Key persons across the customers you may see, filtered and sorted, a page at a time / 关键人物列表（跨客户）',
  })
  async keyPersons(
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => KeyPersonFilter, {
      nullable: true,
      description: 'Conditions, all must hold / 筛选条件',
    })
    filter: KeyPersonFilter | null,
    @Arg('orderBy', () => KeyPersonOrder, {
      nullable: true,
      description: 'Sort order (default NAME ASC) / 排序',
    })
    orderBy: KeyPersonOrder | null,
    @Ctx() ctx: Context,
  ) {
    const page = pageOf(pageArgs);
    const order = orderBy ?? DEFAULT_KEY_PERSON_ORDER;
    const result = await keyPersonPage(ctx.em, viewerOf(ctx), filter, order, page);
    return toConnection(KeyPersonConnection, result.rows, page, result.sortValue, result.count);
  }

  @Query(() => KeyPerson, {
    nullable: true,
    description: 'One key person by id; null when unknown or not visible / 按标识读取关键人物',
  })
  keyPerson(@Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string, @Ctx() ctx: Context) {
    const parsed = parseGlobalId(id);
    return parsed?.type === 'KeyPerson' ? ctx.loaders.get(keyPersonById).load(parsed.id) : null;
  }

  @FieldResolver(() => Customer, { description: 'The customer the person works at / 所属客户' })
  customer(@Root() person: KeyPerson, @Ctx() ctx: Context) {
    return ctx.loaders.get(customerById).load(person.customer.id);
  }

  @FieldResolver(() => KeyPerson, { nullable: true, description: 'Direct superior / 直属上级' })
  async reportsTo(@Root() person: KeyPerson, @Ctx() ctx: Context) {
    const superior = person.reportsTo;
    if (!superior) return null;
    // A superior works at the same customer, whose key persons a map or a list has usually read already:
    // taken from there, the line costs no statement. A visible person's customer is visible.
    const colleagues = await ctx.loaders.get(keyPersonsOfCustomer).load(person.customer.id);
    return (
      colleagues.find((colleague) => colleague.id === superior.id) ??
      ctx.loaders.get(keyPersonById).load(superior.id)
    );
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether you may see this person's personal data (phones, e-mail, profile): the owner of the customer, " +
      'their managers and admins; when false those fields are null however they are filled in / 是否有权查看个人信息',
  })
  personalDataVisible(@Root() person: KeyPerson, @Ctx() ctx: Context) {
    return mayReadPersonalData(ctx, person.customer.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Mobile phone; null for a viewer not allowed to see personal details / 手机',
  })
  mobile(@Root() person: KeyPerson, @Ctx() ctx: Context) {
    return personalValue(ctx, person, person.mobile);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Office phone; null for a viewer not allowed to see personal details / 办公电话',
  })
  officePhone(@Root() person: KeyPerson, @Ctx() ctx: Context) {
    return personalValue(ctx, person, person.officePhone);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'E-mail; null for a viewer not allowed to see personal details / 邮箱',
  })
  email(@Root() person: KeyPerson, @Ctx() ctx: Context) {
    return personalValue(ctx, person, person.email);
  }

  @FieldResolver(() => KeyPersonProfile, {
    nullable: true,
    description: 'Personal profile; null for a viewer not allowed to see personal details / 个人情况',
  })
  profile(@Root() person: KeyPerson, @Ctx() ctx: Context) {
    return personalValue(ctx, person, person.profile);
  }

  @FieldResolver(() => [Relationship], {
    description: 'Links of our staff to this person / 与我方员工的关系',
  })
  relationships(@Root() person: KeyPerson, @Ctx() ctx: Context) {
    return loadNow(ctx.loaders.get(relationshipsOfKeyPerson), person.id);
  }

  @FieldResolver(() => RelationshipState, {
    description:
      'Best state of our active staff’s relationships with the person: POSITIVE > NEUTRAL > NEGATIVE > NONE, as ' +
      'relationship coverage ranks them; NONE without any, and always NONE for a placeholder / 我方最佳关系状况',
  })
  bestRelationshipState(@Root() person: KeyPerson, @Ctx() ctx: Context) {
    return ctx.loaders.get(bestStateOfKeyPerson).load(person.id);
  }

  @FieldResolver(() => [DecisionRoleAssignment], {
    description: 'Roles in purchase decisions, per project or in general / 决策角色',
  })
  roles(@Root() person: KeyPerson, @Ctx() ctx: Context) {
    return loadNow(ctx.loaders.get(rolesOfKeyPerson), person.id);
  }

  @Mutation(() => KeyPerson, { description: 'Add a key person to a customer / 新增关键人物' })
  addKeyPerson(
    @Arg('input', { description: 'The person / 关键人物' }) input: AddKeyPersonInput,
    @Ctx() ctx: Context,
  ) {
    return addKeyPerson(ctx, input);
  }

  @Mutation(() => KeyPerson, {
    description:
      'Add a placeholder: a role we know exists, person unknown; fill it in with updateKeyPerson(name) / 新增占位人物',
  })
  addPlaceholder(
    @Arg('input', { description: 'The placeholder / 占位人物' }) input: AddPlaceholderInput,
    @Ctx() ctx: Context,
  ) {
    return addPlaceholder(ctx, input);
  }

  @Mutation(() => KeyPerson, { description: 'Change a key person / 修改关键人物' })
  updateKeyPerson(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'Version last read / 读取时的版本号' }) version: number,
    @Arg('input', { description: 'The changes / 修改内容' }) input: UpdateKeyPersonInput,
    @Ctx() ctx: Context,
  ) {
    return updateKeyPerson(ctx, id, version, input);
  }
}

@Resolver(() => Customer)
export class CustomerKeyPersonsResolver {
  @FieldResolver(() => [KeyPerson], {
    description: 'Key persons, active and former, by name / 关键人物（含已离职）',
  })
  keyPersons(@Root() customer: Customer, @Ctx() ctx: Context) {
    return loadNow(ctx.loaders.get(keyPersonsOfCustomer), customer.id);
  }
}
