import { Embedded, Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { Node } from '../../core/graphql/node.interface.js';
import { Customer } from '../customer/customer.entity.js';
import { KeyPersonProfile } from './key-person-profile.embeddable.js';

/** A person at the customer who matters to our sales (关键人物). */
@ObjectType({ implements: Node, description: 'A key person at a customer / 关键人物' })
@Entity({ tableName: 'key_person' })
export class KeyPerson extends BaseEntity {
  @ManyToOne(() => Customer, { ref: true })
  customer: Ref<Customer>;

  @Field({ description: 'Name / 姓名' })
  @Property({ length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Title / 职务' })
  @Property({ type: 'varchar', length: 100, nullable: true })
  title: string | null = null;

  @Field(() => String, { nullable: true, description: 'Department / 部门' })
  @Property({ type: 'varchar', length: 100, nullable: true })
  department: string | null = null;

  @ManyToOne(() => KeyPerson, { nullable: true, ref: true })
  reportsTo: Ref<KeyPerson> | null = null;

  @Field(() => String, { nullable: true, description: 'Mobile phone / 手机' })
  @Property({ type: 'varchar', length: 50, nullable: true })
  mobile: string | null = null;

  @Field(() => String, { nullable: true, description: 'Office phone / 办公电话' })
  @Property({ type: 'varchar', length: 50, nullable: true })
  officePhone: string | null = null;

  @Field(() => String, { nullable: true, description: 'E-mail / 邮箱' })
  @Property({ type: 'varchar', length: 254, nullable: true })
  email: string | null = null;

  @Field({ description: 'False once the person has left the customer / 是否仍在职' })
  @Property()
  active: boolean = true;

  @Embedded(() => KeyPersonProfile, { prefix: 'profile_' })
  profile: KeyPersonProfile = new KeyPersonProfile();

  dossierId(): string {
    return this.customer.id;
  }

  constructor(customer: Ref<Customer>, name: string) {
    super();
    this.customer = customer;
    this.name = name;
  }
}
