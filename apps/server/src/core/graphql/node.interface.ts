import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({ description: 'Any record that can be fetched by its global id / 可按全局标识读取的记录' })
export abstract class Node {
  @Field(() => ID, { description: 'Global id / 全局标识' })
  id!: string;
}
