import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../core/database/base.entity.js';
import { Node } from '../../core/graphql/node.interface.js';

/** Something we sell (商品). */
@ObjectType({ implements: Node, description: 'A product we sell / 商品' })
@Entity({ tableName: 'product' })
export class Product extends BaseEntity {
  @Field({ description: 'Stock-keeping unit, unique / 商品编码' })
  @Property({ length: 64 })
  sku: string;

  @Field({ description: 'Name / 商品名称' })
  @Property({ length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'Category / 商品类别' })
  @Property({ type: 'varchar', length: 100, nullable: true })
  category: string | null = null;

  constructor(sku: string, name: string) {
    super();
    this.sku = sku;
    this.name = name;
  }
}
