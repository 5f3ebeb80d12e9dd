import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { runOnClock } from '../../core/clock/current-clock.js';
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
    // The batch runs in the context of the load that scheduled it: on the request's clock, as the list's
    // sort by completeness does, so a score and the order it sorts by never disagree.
    return runOnClock(ctx.clock, () => ctx.loaders.get(completenessOf).load(customer.id));
  }
}
