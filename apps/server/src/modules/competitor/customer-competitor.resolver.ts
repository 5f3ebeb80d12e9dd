import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { readOr } from '../../core/loaders.js';
import { Customer } from '../customer/customer.entity.js';
import { customerById } from '../customer/customer.loaders.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { Competitor } from './competitor.entity.js';
import { competitorById, competitorsOfCustomer } from './competitor.loaders.js';
import { CustomerCompetitor } from './customer-competitor.entity.js';
import {
  recordCustomerCompetitor,
  removeCustomerCompetitor,
  updateCustomerCompetitor,
} from './customer-competitor.service.js';
import { RecordCustomerCompetitorInput, UpdateCustomerCompetitorInput } from './inputs/competitor-inputs.js';

@Resolver(() => CustomerCompetitor)
export class CustomerCompetitorResolver {
  @FieldResolver(() => Competitor, { description: 'The competitor, from the company-wide list / 竞争对手' })
  competitor(@Root() presence: CustomerCompetitor, @Ctx() ctx: Context) {
    return readOr(presence.competitor, ctx.loaders.get(competitorById));
  }

  @FieldResolver(() => Customer, { description: 'The customer / 客户' })
  customer(@Root() presence: CustomerCompetitor, @Ctx() ctx: Context) {
    return ctx.loaders.get(customerById).load(presence.customer.id);
  }

  @Mutation(() => CustomerCompetitor, { description: 'Record a competitor at a customer / 记录竞争对手' })
  recordCustomerCompetitor(
    @Arg('input', { description: 'What was found / 竞争对手状况' }) input: RecordCustomerCompetitorInput,
    @Ctx() ctx: Context,
  ) {
    return recordCustomerCompetitor(ctx, input);
  }

  @Mutation(() => CustomerCompetitor, { description: 'Change a competitor at a customer / 修改竞争对手状况' })
  updateCustomerCompetitor(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'Version last read / 读取时的版本号' }) version: number,
    @Arg('input', { description: 'The changes / 修改内容' }) input: UpdateCustomerCompetitorInput,
    @Ctx() ctx: Context,
  ) {
    return updateCustomerCompetitor(ctx, id, version, input);
  }

  @Mutation(() => Boolean, { description: 'Remove a competitor from a customer / 移除竞争对手' })
  removeCustomerCompetitor(
    @Arg('id', () => ID, { description: 'Global id / 全局标识' }) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Version last read / 读取时的版本号' })
    version: number | null,
    @Ctx() ctx: Context,
  ) {
    return removeCustomerCompetitor(ctx, id, version);
  }
}

@Resolver(() => Customer)
export class CustomerCompetitorsResolver {
  @FieldResolver(() => [CustomerCompetitor], {
    description: 'Competitors present, by name / 竞争对手状况',
  })
  competitors(@Root() customer: Customer, @Ctx() ctx: Context) {
    return ctx.loaders.get(competitorsOfCustomer).load(customer.id);
  }
}

@Resolver(() => KeyPerson)
export class KeyPersonCompetitorResolver {
  @FieldResolver(() => Competitor, {
    nullable: true,
    description: 'The competitor the person favours / 倾向的竞争对手',
  })
  favoursCompetitor(@Root() person: KeyPerson, @Ctx() ctx: Context) {
    return person.favoursCompetitor
      ? readOr(person.favoursCompetitor, ctx.loaders.get(competitorById))
      : null;
  }
}
