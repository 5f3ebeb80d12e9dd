import { randomUUID } from 'node:crypto';
import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { currentInstant } from '../clock/current-clock.js';
import { toGlobalId } from '../graphql/global-id.js';

/**
 * Identity, timestamps and the optimistic-locking version every dossier record carries. The GraphQL `id`
 * is a global id naming the type, so `node(id:)` can find any record.
 */
@ObjectType()
export abstract class BaseEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'When the record was created (UTC) / 创建时间' })
  @Property({ type: 'timestamptz' })
  createdAt: Date = currentInstant();

  @Field({ description: 'When the record last changed (UTC) / 最后修改时间' })
  @Property({ type: 'timestamptz', onUpdate: () => currentInstant() })
  updatedAt: Date = currentInstant();

  @Field(() => Int, { description: 'Optimistic-locking version; pass it back as `expectedVersion` / 版本号' })
  @Property({ version: true })
  version!: number;

  @Field(() => ID, { name: 'id', description: 'Global id of the record / 全局标识' })
  get globalId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
