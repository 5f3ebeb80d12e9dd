import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import {
  parseResolveInfo,
  type ResolveTree,
  simplifyParsedResolveInfoFragmentWithType,
} from 'graphql-parse-resolve-info';

/**
 * What a document selects below the field being resolved, read before the field's children resolve, so a
 * resolver can fetch a whole subtree in one statement and prime the loaders its children use.
 * graphql-parse-resolve-info does the walk: fragments (named, inline, on interfaces) merged, aliases kept
 * apart, @skip / @include honoured with the request's variables.
 */
export class LookAhead {
  private constructor(
    private readonly schema: GraphQLSchema,
    private readonly trees: readonly ResolveTree[],
  ) {}

  /** The selection below the field `info` resolves. */
  static of(info: GraphQLResolveInfo): LookAhead {
    const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
    return new LookAhead(info.schema, tree ? [tree] : []);
  }

  /** Whether the document asks for this field at all (under any alias). */
  get asked(): boolean {
    return this.trees.length > 0;
  }

  /** The arguments of each selection of this field (one per alias), variables and defaults applied. */
  get args(): ReadonlyArray<Record<string, unknown>> {
    return this.trees.map((tree) => tree.args);
  }

  /** The selections of the child field `name`, every alias of it together. */
  field(name: string): LookAhead {
    const found = this.trees.flatMap((tree) => {
      // The library files a field's own selections under its type's name, which it enters first; a
      // fragment on one of the type's interfaces adds a key after it, which simplify merges.
      const typeName = Object.keys(tree.fieldsByTypeName)[0];
      const type = typeName === undefined ? undefined : this.schema.getType(typeName);
      if (!type) return [];
      const { fields } = simplifyParsedResolveInfoFragmentWithType(tree, type);
      return Object.values(fields as Record<string, ResolveTree>).filter((child) => child.name === name);
    });
    return new LookAhead(this.schema, found);
  }

  /** Both selections: the same objects reached along two paths (a connection's `nodes` and `edges.node`). */
  or(other: LookAhead): LookAhead {
    return new LookAhead(this.schema, [...this.trees, ...other.trees]);
  }
}

/** The selection of a connection's rows, whether asked as `nodes` or as `edges { node }`. */
export function connectionNodes(info: GraphQLResolveInfo): LookAhead {
  const connection = LookAhead.of(info);
  return connection.field('nodes').or(connection.field('edges').field('node'));
}
