import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { keyPersonById } from '../key-person/key-person.loaders.js';
import { Staff } from '../staff/staff.entity.js';
import { staffById } from '../staff/staff.loaders.js';
import { SetRelationshipStateInput } from './inputs/set-relationship-state.input.js';
import { Relationship } from './relationship.entity.js';
import { setRelationshipState } from './relationship.service.js';
import { RelationshipTimelineEntry, timelineOfRelationship } from './relationship.timeline.js';

@Resolver(() => Relationship)
export class RelationshipResolver {
  @FieldResolver(() => KeyPerson, { description: 'The key person / 关键人物' })
  keyPerson(@Root() relationship: Relationship, @Ctx() ctx: Context) {
    return ctx.loaders.get(keyPersonById).load(relationship.keyPerson.id);
  }

  @FieldResolver(() => Staff, { description: 'Our staff member / 我方员工' })
  staff(@Root() relationship: Relationship, @Ctx() ctx: Context) {
    return ctx.loaders.get(staffById).load(relationship.staff.id);
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
