import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { Node } from '../../core/graphql/node.interface.js';

/** A company we compete with for customers' spend (竞争对手), from the one company-wide list. */
@ObjectType({ implements: Node, description: 'A competitor from the company-wide list / 竞争对手' })
@Entity({ tableName: 'competitor' })
export class Competitor extends BaseEntity {
  @Field({ description: 'Name, unique whatever its case / 名称' })
  @Property({ length: 120 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Website / 网址' })
  @Property({ type: 'varchar', length: 300, nullable: true })
  website: string | null = null;

  @Field(() => String, { nullable: true, description: 'Notes / 备注' })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Field({ description: 'False once retired from the list: kept on the dossiers that name it / 是否启用' })
  @Property()
  active: boolean = true;

  /**
   * No customer's dossier: the change is kept in the history with no customer, as a staff member's is.
   * Declaring it makes the one history writer record every write of the list.
   */
  dossierId(): null {
    return null;
  }

  constructor(name: string) {
    super();
    this.name = name;
  }
}
