import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { mayActForStaff } from '../../core/access/policy.js';
import { type Context, viewerOf } from '../../core/context.js';
import { readOr } from '../../core/loaders.js';
import { connectionType, toConnection } from '../../core/pagination/connection.js';
import { PageArgs, pageOf } from '../../core/pagination/page-args.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { keyPersonById } from '../key-person/key-person.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { RelationshipFilter, RelationshipOrder } from './inputs/relationship-list.input.js';
import { SetRelationshipStateInput } from './inputs/set-relationship-state.input.js';
import { Relationship } from './relationship.entity.js';
import { DEFAULT_RELATIONSHIP_ORDER, relationshipPage } from './relationship.query.js';
import { setRelationshipState } from './relationship.service.js';
import { RelationshipTimelineEntry, timelineOfRelationship } from './relationship.timeline.js';

export const RelationshipConnection = connectionType(Relationship, 'Relationship');

@Resolver(() => Relationship)
export class RelationshipResolver {
  @Query(() => RelationshipConnection, {
    description:
      'Links of our staff to key persons across every dossier you may see, filtered and sorted, a page at ' +
      'a time: whom a staff member knows, and how well / 关系列表（我方员工与关键人物）',
  })
  async relationships(
    @Args() pageArgs: PageArgs,
    @Arg('filter', () => RelationshipFilter, {
      nullable: true,
      description: 'Conditions, all must hold / 筛选条件',
    })
    filter: RelationshipFilter | null,
    @Arg('orderBy', () => RelationshipOrder, {
      nullable: true,
      description: 'Sort order (default LAST_CONTACT DESC, most recent first) / 排序',
    })
    orderBy: RelationshipOrder | null,
    @Ctx() ctx: Context,
  ) {
    const page = pageOf(pageArgs);
    const order = orderBy ?? DEFAULT_RELATIONSHIP_ORDER;
    const result = await relationshipPage(ctx.em, viewerOf(ctx), filter, order, page);
    return toConnection(RelationshipConnection, result.rows, page, result.sortValue, result.count);
  }

  @FieldResolver(() => KeyPerson, { description: 'The key person / 关键人物' })
  keyPerson(@Root() relationship: Relationship, @Ctx() ctx: Context) {
    return readOr(relationship.keyPerson, ctx.loaders.get(keyPersonById));
  }

  @FieldResolver(() => Staff, { description: 'Our staff member / 我方员工' })
  staff(@Root() relationship: Relationship, @Ctx() ctx: Context) {
    return readOr(relationship.staff, ctx.loaders.get(staffById));
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether you may record this link (setRelationshipState): a rep their own, a manager also those of the ' +
      'staff below them, an admin any; never analysts or archivists, nor the link of someone who has left / ' +
      '你是否可记录此关系',
  })
  async mayRecord(@Root() relationship: Relationship, @Ctx() ctx: Context): Promise<boolean> {
    const [staff, mayAct] = await Promise.all([
      ctx.loaders.get(staffById).load(relationship.staff.id),
      ctx.loaders.get(mayActForStaff).load(relationship.staff.id),
    ]);
    return mayAct && staff?.active === true;
  }

  @FieldResolver(() => [RelationshipTimelineEntry], {
    description:
      'Changes of the state or note, newest first, each with the state before and after / 关系状况变化（新在前）',
  })
  timeline(@Root() relationship: Relationship, @Ctx() ctx: Context) {
    return ctx.loaders.get(timelineOfRelationship).load(relationship);
  }

  @Mutation(() => Relationship, {
    description: 'Create or change the link of one staff member to a key person / 设置关系状况',
  })
  setRelationshipState(
    @Arg('input', { description: 'The link and its new state / 关系及其状况' })
    input: SetRelationshipStateInput,
    @Ctx() ctx: Context,
  ) {
    return setRelationshipState(ctx, input);
  }
}
