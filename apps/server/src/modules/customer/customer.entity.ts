import {
  CustomerLifecycle,
  CustomerNature,
  CustomerTier,
  customerLifecycleLabels,
  customerNatureLabels,
  customerTierLabels,
} from '@dossier/domain';
import { Embedded, Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Node } from '../../core/graphql/node.interface.js';
import { DecimalScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { Staff } from '../staff/staff.entity.js';
import { CustomerCharacteristics } from './customer-characteristics.embeddable.js';

registerEnumType(CustomerNature, {
  name: 'CustomerNature',
  description: 'Nature of the customer / 客户性质',
  valuesConfig: describedBy(customerNatureLabels),
});
registerEnumType(CustomerTier, {
  name: 'CustomerTier',
  description: 'Tier set at each review / 客户档次',
  valuesConfig: describedBy(customerTierLabels),
});
registerEnumType(CustomerLifecycle, {
  name: 'CustomerLifecycle',
  description: 'Trading stage / 交易过程',
  valuesConfig: describedBy(customerLifecycleLabels),
});

/** The basic-information sheet of one customer's dossier (客户基本情况表). */
@ObjectType({ implements: Node, description: 'A customer and its dossier / 客户（一户一档）' })
@Entity({ tableName: 'customer' })
export class Customer extends BaseEntity {
  @Field({ description: 'Unique customer number / 客户编号' })
  @Property({ length: 32 })
  code: string;

  @Field({ description: 'Name / 客户名称' })
  @Property({ length: 200 })
  name: string;

  @Field(() => CustomerNature, { description: 'Nature / 客户性质' })
  @Enum({ items: () => CustomerNature })
  nature: CustomerNature;

  @Field(() => CustomerTier, { description: 'Tier / 档次' })
  @Enum({ items: () => CustomerTier })
  tier: CustomerTier = CustomerTier.GENERAL;

  @Field(() => CustomerLifecycle, { description: 'Lifecycle / 交易过程' })
  @Enum({ items: () => CustomerLifecycle })
  lifecycle: CustomerLifecycle = CustomerLifecycle.PROSPECT;

  @Field(() => String, { nullable: true, description: 'Industry / 行业' })
  @Property({ type: 'varchar', length: 100, nullable: true })
  industry: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Sales region used by composition analysis / 销售区域',
  })
  @Property({ type: 'varchar', length: 100, nullable: true })
  region: string | null = null;

  @Field(() => String, { nullable: true, description: 'City / 城市' })
  @Property({ type: 'varchar', length: 100, nullable: true })
  city: string | null = null;

  @Field(() => String, { nullable: true, description: 'Address / 地址' })
  @Property({ type: 'varchar', length: 300, nullable: true })
  address: string | null = null;

  @Field(() => String, { nullable: true, description: 'Phone / 电话' })
  @Property({ type: 'varchar', length: 50, nullable: true })
  phone: string | null = null;

  @Field(() => String, { nullable: true, description: 'Website / 网址' })
  @Property({ type: 'varchar', length: 300, nullable: true })
  website: string | null = null;

  @Field(() => String, { nullable: true, description: 'Legal representative / 法定代表人' })
  @Property({ type: 'varchar', length: 100, nullable: true })
  legalRepresentative: string | null = null;

  /** For the founding anniversary greeting (亲情化管理); optional, many dossiers do not know it. */
  @Field(() => LocalDateScalar, { nullable: true, description: 'Founding date / 成立日期' })
  @Property({ type: 'date', nullable: true })
  foundedOn: string | null = null;

  @ManyToOne(() => Customer, { nullable: true, ref: true })
  parent: Ref<Customer> | null = null;

  @ManyToOne(() => Staff, { nullable: true, ref: true })
  owner: Ref<Staff> | null = null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Credit limit / 信用额度' })
  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  creditLimit: string | null = null;

  @Field(() => Date, { nullable: true, description: 'Last full dossier review (UTC) / 最近一次档案审阅' })
  @Property({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null = null;

  @Field(() => CustomerCharacteristics, { description: 'Characteristics / 客户特征' })
  @Embedded(() => CustomerCharacteristics, { prefix: false })
  characteristics: CustomerCharacteristics = new CustomerCharacteristics();

  /** The dossier a change of this record belongs to (see history). */
  dossierId(): string {
    return this.id;
  }

  constructor(code: string, name: string, nature: CustomerNature) {
    super();
    this.code = code;
    this.name = name;
    this.nature = nature;
  }
}
