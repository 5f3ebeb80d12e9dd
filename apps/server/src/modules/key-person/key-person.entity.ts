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

  /**
   * The person's name; null for a placeholder: a role we know exists at the customer (e.g. 财务总监) held by
   * someone we have not met. Filling in the name turns the placeholder into an ordinary key person.
   */
  @Property({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true, description: 'Title / 职务' })
  @Property({ type: 'varchar', length: 100, nullable: true })
  title: string | null = null;

  @Field(() => String, { nullable: true, description: 'Department / 部门' })
  @Property({ type: 'varchar', length: 100, nullable: true })
  department: string | null = null;

  @ManyToOne(() => KeyPerson, { nullable: true, ref: true })
  reportsTo: Ref<KeyPerson> | null = null;

  @Property({ type: 'varchar', length: 50, nullable: true })
  mobile: string | null = null;

  @Property({ type: 'varchar', length: 50, nullable: true })
  officePhone: string | null = null;

  @Property({ type: 'varchar', length: 254, nullable: true })
  email: string | null = null;

  @Field({ description: 'False once the person has left the customer / 是否仍在职' })
  @Property()
  active: boolean = true;

  @Embedded(() => KeyPersonProfile, { prefix: 'profile_' })
  profile: KeyPersonProfile = new KeyPersonProfile();

  @Field(() => String, {
    name: 'name',
    description:
      'Name; for a placeholder, whose name we do not know yet, its title / 姓名（占位人物显示职务）',
  })
  get displayName(): string {
    // A placeholder always has a title (the key_person_names_someone check), so this never answers ''.
    return this.name ?? this.title ?? '';
  }

  @Field({
    description:
      'True while we know the role but not who holds it: counted as a coverage gap when a decision maker, ' +
      'until the name is filled in and covered / 占位人物（仅知职务，尚未结识）',
  })
  get isPlaceholder(): boolean {
    return this.name === null;
  }

  dossierId(): string {
    return this.customer.id;
  }

  constructor(customer: Ref<Customer>, name: string | null) {
    super();
    this.customer = customer;
    this.name = name;
  }
}
