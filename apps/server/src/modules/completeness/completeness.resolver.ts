import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { Customer } from '../customer/customer.entity.js';
import { completenessOf } from './completeness.loaders.js';
import { Completeness } from './completeness.types.js';

@Resolver(() => Customer)
export class CustomerCompletenessResolver {
  @FieldResolver(() => Completeness, {
    description: 'How complete the dossier is, and what it misses / 档案完整度',
  })
  completeness(@Root() customer: Customer, @Ctx() ctx: Context) {
    return ctx.loaders.get(completenessOf).load(customer.id);
  }
}
