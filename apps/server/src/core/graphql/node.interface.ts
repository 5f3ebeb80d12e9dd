import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({ description: 'Any record that can be fetched by its global id / 可按全局标识读取的记录' })
export abstract class Node {
  /** Named `globalId` in code so it never shadows the entities' uuid primary key `id`. */
  @Field(() => ID, { name: 'id', description: 'Global id / 全局标识' })
  globalId!: string;
}
