import { execute, type GraphQLObjectType, parse } from 'graphql';
import { buildSchema, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { buildDossierSchema } from './schema.js';
import { dropPropertyResolvers } from './simple-fields.js';

const resolverOf = async (type: string, field: string) => {
  const schema = await buildDossierSchema();
  return (schema.getType(type) as GraphQLObjectType).getFields()[field]?.resolve;
};

@ObjectType()
class Sample {
  @Field()
  plain!: string;

  @Field({ name: 'renamed' })
  get original(): string {
    return `from ${this.plain}`;
  }

  @Field()
  get computed(): string {
    return `${this.plain}!`;
  }
}

@Resolver()
class SampleResolver {
  @Query(() => Sample)
  sample(): Sample {
    return Object.assign(new Sample(), { plain: 'row' });
  }

  // A plain object, not an instance: type-graphql makes one of it before reading a getter.
  @Query(() => Sample)
  plainSample(): Sample {
    return { plain: 'plain row' } as Sample;
  }
}

describe('fields that only read their property', () => {
  it('lose their resolver; fields with work of their own keep it', async () => {
    // A plain column.
    expect(await resolverOf('Staff', 'name')).toBeUndefined();
    expect(await resolverOf('Relationship', 'state')).toBeUndefined();
    // `id` reads the `globalId` getter under another name; a key person's name falls back to the title.
    expect(await resolverOf('Customer', 'id')).toBeTypeOf('function');
    expect(await resolverOf('KeyPerson', 'name')).toBeTypeOf('function');
    // A @FieldResolver of a resolver class.
    expect(await resolverOf('Customer', 'owner')).toBeTypeOf('function');
    expect(await resolverOf('Customer', 'keyPersons')).toBeTypeOf('function');
  });

  it('answer as before: a property alone, getters through their resolvers', async () => {
    const schema = await buildSchema({ resolvers: [SampleResolver], validate: false });
    const document = parse('{ sample { plain renamed computed } plainSample { plain renamed computed } }');
    const before = await execute({ schema, document });
    expect(dropPropertyResolvers(schema)).toBe(1);
    const fields = (schema.getType('Sample') as GraphQLObjectType).getFields();
    expect(fields.plain?.resolve).toBeUndefined();
    // A getter keeps a resolver (graphql-jit would read the schema name): a plain read of the getter.
    expect(fields.computed?.resolve).toBeTypeOf('function');
    expect(fields.renamed?.resolve).toBeTypeOf('function');
    const after = await execute({ schema, document });
    expect(after).toEqual(before);
    expect(after.data).toEqual({
      sample: { plain: 'row', renamed: 'from row', computed: 'row!' },
      plainSample: { plain: 'plain row', renamed: 'from plain row', computed: 'plain row!' },
    });
  });
});
