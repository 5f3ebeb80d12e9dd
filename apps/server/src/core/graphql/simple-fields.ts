import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type FieldMetadata = NonNullable<
  ReturnType<typeof getMetadataStorage>['objectTypes'][number]['fields']
>[number];

/**
 * Drops type-graphql's resolver from every field that only reads its property (issue 11).
 *
 * type-graphql gives each plain `@Field()` a resolver of its own (`createBasicFieldResolver`): per field and
 * object it allocates the resolver data and returns `root[name]`. graphql-jit compiles a field without a
 * resolver into a property read inside the answer's object literal, with no call, promise check or deferred
 * entry; a field with one costs all three. The dossier list resolves about 3,000 such fields per page (ids,
 * names, states), so they are a large share of what execution costs and of the garbage it leaves.
 *
 * A field keeps its resolver when it has anything more to do than read `root[name]`: a @FieldResolver or
 * a resolver method of its own (any class, conservatively), arguments, middlewares or roles, or a schema
 * name other than its property's (the default resolver would read the wrong property). What remains is
 * answered alike: graphql-js's default resolver reads `root[name]` too (getters included), calling it only
 * when it is a function, which a plain field never holds (type-graphql would have answered the function).
 */
export function dropPropertyResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  const resolved = new Set(storage.fieldResolvers.map((resolver) => resolver.methodName));
  const isPlain = (field: FieldMetadata) =>
    field.name === field.schemaName &&
    !resolved.has(field.name) &&
    (field.params?.length ?? 0) === 0 &&
    (field.middlewares?.length ?? 0) === 0 &&
    (field.roles?.length ?? 0) === 0;

  let dropped = 0;
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const interfaces = storage.interfaceTypes.filter((it) =>
      objectType.interfaceClasses?.includes(it.target),
    );
    // The schema generator's order: interface fields first, the type's own over them, last one wins.
    const bySchemaName = new Map<string, FieldMetadata>();
    for (const field of [...interfaces.flatMap((it) => it.fields ?? []), ...(objectType.fields ?? [])]) {
      bySchemaName.set(field.schemaName, field);
    }
    const fields = type.getFields();
    for (const [name, metadata] of bySchemaName) {
      const field = fields[name];
      if (field?.resolve && isPlain(metadata)) {
        field.resolve = undefined;
        dropped += 1;
      }
    }
  }
  return dropped;
}
