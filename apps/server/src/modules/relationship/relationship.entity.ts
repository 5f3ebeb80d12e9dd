import { RelationshipState, relationshipStateLabels } from '@dossier/domain';
import { Entity, Enum, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { describedBy } from '../../core/graphql/enum-values.js';
import { Node } from '../../core/graphql/node.interface.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import { Staff } from '../staff/staff.entity.js';

registerEnumType(RelationshipState, {
  name: 'RelationshipState',
  description: 'State of a relationship / 关系状况',
  valuesConfig: describedBy(relationshipStateLabels),
});

/** One link of the relationship map (关键人物关系图): one of our staff and one key person. */
@ObjectType({ implements: Node, description: 'How one of our staff relates to a key person / 关系' })
@Entity({ tableName: 'relationship' })
@Unique({ properties: ['keyPerson', 'staff'] })
export class Relationship extends BaseEntity {
  @ManyToOne(() => KeyPerson, { ref: true })
  keyPerson: Ref<KeyPerson>;

  @ManyToOne(() => Staff, { ref: true })
  staff: Ref<Staff>;

  @Field(() => RelationshipState, { description: 'State / 关系状况' })
  @Enum({ items: () => RelationshipState })
  state: RelationshipState;

  @Field(() => String, { nullable: true, description: 'Note on the relationship / 备注' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => Date, { nullable: true, description: 'Last contact (UTC) / 最近联系时间' })
  @Property({ type: 'timestamptz', nullable: true })
  lastContactAt: Date | null = null;

  /** The key person must be loaded: the relationship belongs to its customer's dossier. */
  dossierId(): string {
    return this.keyPerson.getEntity().customer.id;
  }

  constructor(keyPerson: Ref<KeyPerson>, staff: Ref<Staff>, state: RelationshipState) {
    super();
    this.keyPerson = keyPerson;
    this.staff = staff;
    this.state = state;
  }
}
