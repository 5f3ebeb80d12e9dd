import { Closeness } from '@dossier/domain';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Customer } from '../customer/customer.entity.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { Relationship } from '../relationship/relationship.entity.js';
import { Staff } from '../staff/staff.entity.js';

registerEnumType(Closeness, {
  name: 'Closeness',
  description:
    'Where the key person we know sits relative to a decision maker: MANAGER is closest, then DIRECT_REPORT, ' +
    'then COLLEAGUE / 与决策者的关系远近',
  valuesConfig: {
    MANAGER: { description: "The decision maker's manager (the person they report to) / 上级" },
    DIRECT_REPORT: { description: 'Reports directly to the decision maker / 直接下属' },
    COLLEAGUE: { description: 'Same customer, same department / 同部门同事' },
  },
});

@ObjectType({
  description: 'One of our staff who could introduce us to an uncovered decision maker / 可引荐的我方员工',
})
export class SuggestedContact {
  @Field(() => Staff, { description: 'Our active staff member to ask / 可请其引荐的我方员工' })
  staff!: Staff;

  @Field(() => KeyPerson, {
    description: 'The active key person this staff member knows, close to the decision maker / 引荐人',
  })
  via!: KeyPerson;

  @Field(() => Closeness, { description: 'How close `via` is to the decision maker / 与决策者的关系远近' })
  closeness!: Closeness;

  @Field(() => Relationship, {
    description:
      'The POSITIVE relationship of `staff` to `via`, with its last contact / 我方员工与引荐人的关系',
  })
  relationship!: Relationship;
}

@ObjectType({ description: 'An uncovered decision maker and who could open the door / 覆盖缺口' })
export class CoverageGap {
  @Field(() => KeyPerson, { description: 'The uncovered decision maker / 未覆盖的决策者' })
  keyPerson!: KeyPerson;

  @Field(() => [SuggestedContact], {
    description:
      "Active staff with a POSITIVE relationship to the decision maker's manager, a direct report or a " +
      'department colleague (active key persons only), each once through their closest route; ordered by ' +
      'closeness (MANAGER, DIRECT_REPORT, COLLEAGUE), then latest contact (never contacted last), then staff ' +
      'name / 建议引荐人',
  })
  suggestedContacts!: SuggestedContact[];
}

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

  @Field(() => [CoverageGap], {
    description:
      'The uncovered decision makers, in the same order, each with the staff who could introduce us / 覆盖缺口与建议引荐人',
  })
  gaps!: CoverageGap[];
}

/** The relationship map of one customer (关键人物关系图); its fields load through the request's loaders. */
@ObjectType({ description: 'Key persons, our links to them and their decision roles / 关键人物关系图' })
export class RelationshipMap {
  constructor(readonly customer: Customer) {}
}
