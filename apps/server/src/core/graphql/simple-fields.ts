import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Constructor = abstract new (...args: never[]) => unknown;

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
 *
 * A field read by a getter of its class (`id` by `globalId`, a key person's `name`) keeps a resolver, as
 * graphql-jit reads a field without one by its schema name: a plain getter read instead of type-graphql's
 * wrapper (resolver data, type conversion, middleware dispatch) whenever the object is of the class.
 */
export function dropPropertyResolvers(schema: GraphQLSchema): number {
  const storage = getMetadataStorage();
  // A resolver method answers a field of its own class's type and of the types extending it; of any type
  // when its class is not known. Matching by name alone kept `Relationship.state`'s resolver because the
  // customer's sheet link resolves a `state` of its own.
  const resolvers = storage.fieldResolvers.map((resolver) => ({
    name: resolver.methodName,
    owner: (resolver.getObjectType?.() ?? null) as Constructor | null,
  }));
  const related = (a: Constructor, b: Constructor) =>
    a === b || a.prototype instanceof b || b.prototype instanceof a;
  const isResolved = (objectClass: Constructor, name: string) =>
    resolvers.some(
      (resolver) => resolver.name === name && (!resolver.owner || related(objectClass, resolver.owner)),
    );
  const isPlain = (field: FieldMetadata, objectClass: Constructor) =>
    field.name === field.schemaName &&
    !isResolved(objectClass, field.name) &&
    (field.params?.length ?? 0) === 0 &&
    (field.middlewares?.length ?? 0) === 0 &&
    (field.roles?.length ?? 0) === 0;

  const external = new Set(
    storage.fieldResolvers
      .filter((resolver) => resolver.kind === 'external')
      .map((resolver) => resolver.methodName),
  );
  const getterOf = (field: FieldMetadata) => {
    if (external.has(field.name) || (field.middlewares?.length ?? 0) > 0 || (field.roles?.length ?? 0) > 0)
      return null;
    if ((field.params?.length ?? 0) > 0) return null;
    for (
      let proto = field.target.prototype;
      proto && proto !== Object.prototype;
      proto = Object.getPrototypeOf(proto)
    ) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, field.name);
      if (descriptor) return descriptor.get ? field.target : null;
    }
    return null;
  };

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
      if (!field?.resolve) continue;
      if (isPlain(metadata, objectType.target as Constructor)) {
        field.resolve = undefined;
        dropped += 1;
        continue;
      }
      // A getter (`id` reads `globalId`): read it straight off an instance of its class; anything else
      // (a plain object a service built) goes through type-graphql, which makes an instance of it first.
      const owner = getterOf(metadata);
      if (owner) {
        const typeGraphql = field.resolve;
        const getter = metadata.name;
        field.resolve = (root, args, context, info) =>
          root instanceof owner
            ? (root as Record<string, unknown>)[getter]
            : typeGraphql(root, args, context, info);
      }
    }
  }
  return dropped;
}
