import { Field, Int, ObjectType } from 'type-graphql';
import type { Customer } from '../customer/customer.entity.js';
import { KeyPerson } from '../key-person/key-person.entity.js';

@ObjectType({
  description: 'How well our active staff reach the active key persons of a customer / 关系覆盖情况',
})
export class RelationshipCoverage {
  @Field(() => Int, { description: 'Active key persons / 在职关键人物数' })
  keyPersonCount!: number;

  @Field(() => Int, {
    description: 'POSITIVE links between active key persons and active staff / 积极关系数',
  })
  positive!: number;

  @Field(() => Int, { description: 'NEUTRAL links between active key persons and active staff / 中立关系数' })
  neutral!: number;

  @Field(() => Int, {
    description: 'NEGATIVE links between active key persons and active staff / 消极关系数',
  })
  negative!: number;

  @Field(() => Int, {
    description: 'NONE links between active key persons and active staff / 尚未建立关系数',
  })
  none!: number;

  @Field(() => [KeyPerson], {
    description:
      'Active key persons holding a DECISION_MAKER or ECONOMIC_BUYER role, or HIGH influence, with no POSITIVE ' +
      'relationship to any active staff member, by name / 未覆盖的决策者',
  })
  uncoveredDecisionMakers!: KeyPerson[];
}

/** The relationship map of one customer (关键人物关系图); its fields load through the request's loaders. */
@ObjectType({ description: 'Key persons, our links to them and their decision roles / 关键人物关系图' })
export class RelationshipMap {
  constructor(readonly customer: Customer) {}
}
