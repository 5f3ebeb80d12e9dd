import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context.js';
import { loadNow } from '../../core/primed.js';
import { Customer } from '../customer/customer.entity.js';
import { DecisionRoleAssignment } from '../decision-role/decision-role.entity.js';
import { rolesOfCustomer } from '../decision-role/decision-role.loaders.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { keyPersonsOfCustomer } from '../key-person/key-person.loaders.js';
import { Relationship } from '../relationship/relationship.entity.js';
import { relationshipsOfCustomer } from '../relationship/relationship.loaders.js';
import { coverageOf } from './relationship-map.coverage.js';
import { RelationshipCoverage, RelationshipMap } from './relationship-map.types.js';

@Resolver(() => RelationshipMap)
export class RelationshipMapResolver {
  @FieldResolver(() => Customer, { description: 'The customer / 客户' })
  customer(@Root() map: RelationshipMap): Customer {
    return map.customer;
  }

  @FieldResolver(() => [KeyPerson], { description: 'Key persons, active and former, by name / 关键人物' })
  keyPersons(@Root() map: RelationshipMap, @Ctx() ctx: Context) {
    return loadNow(ctx.loaders.get(keyPersonsOfCustomer), map.customer.id);
  }

  @FieldResolver(() => [Relationship], { description: 'Every link of our staff to these persons / 关系' })
  relationships(@Root() map: RelationshipMap, @Ctx() ctx: Context) {
    return loadNow(ctx.loaders.get(relationshipsOfCustomer), map.customer.id);
  }

  @FieldResolver(() => [DecisionRoleAssignment], {
    description: 'Every decision role of these persons, per project or in general / 决策角色',
  })
  roles(@Root() map: RelationshipMap, @Ctx() ctx: Context) {
    return loadNow(ctx.loaders.get(rolesOfCustomer), map.customer.id);
  }

  @FieldResolver(() => RelationshipCoverage, { description: 'Coverage of the decision makers / 覆盖情况' })
  coverage(@Root() map: RelationshipMap, @Ctx() ctx: Context) {
    return coverageOf(ctx, map.customer.id);
  }
}

@Resolver(() => Customer)
export class CustomerRelationshipMapResolver {
  @FieldResolver(() => RelationshipMap, { description: 'The relationship map / 关键人物关系图' })
  relationshipMap(@Root() customer: Customer): RelationshipMap {
    return new RelationshipMap(customer);
  }
}
