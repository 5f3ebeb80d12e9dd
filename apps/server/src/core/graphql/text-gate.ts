import type { ApolloServerPlugin } from '@apollo/server';
import { findUnstorableCharacter, unstorableCharacterProblem } from '@dossier/domain';
import {
  type ArgumentNode,
  type DocumentNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type ValueNode,
  visit,
} from 'graphql';
import type { Context } from '../context.js';

interface BadText {
  field: string;
  problem: string;
  node: ValueNode;
}

type Variables = Record<string, unknown>;

/** Walks a JSON variable value; `path` names it as the argument that receives it. */
function* badJson(value: unknown, path: string, node: ValueNode): Generator<BadText> {
  if (typeof value === 'string') {
    const found = findUnstorableCharacter(value);
    if (found) yield { field: path, problem: unstorableCharacterProblem(found), node };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* badJson(item, `${path}.${index}`, node);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* badJson(item, `${path}.${key}`, node);
  }
}

/** Walks a literal; a `$variable` inside it is read from the request (or its default), named by position. */
function* badValue(
  node: ValueNode,
  path: string,
  variables: Variables,
  defaults: Map<string, ValueNode>,
): Generator<BadText> {
  switch (node.kind) {
    case Kind.STRING: {
      const found = findUnstorableCharacter(node.value);
      if (found) yield { field: path, problem: unstorableCharacterProblem(found), node };
      return;
    }
    case Kind.LIST:
      for (const [index, item] of node.values.entries())
        yield* badValue(item, `${path}.${index}`, variables, defaults);
      return;
    case Kind.OBJECT:
      for (const field of node.fields)
        yield* badValue(field.value, `${path}.${field.name.value}`, variables, defaults);
      return;
    case Kind.VARIABLE: {
      const name = node.name.value;
      if (Object.hasOwn(variables, name)) yield* badJson(variables[name], path, node);
      else {
        const fallback = defaults.get(name);
        if (fallback) yield* badValue(fallback, path, variables, defaults);
      }
      return;
    }
    default:
      return;
  }
}

/**
 * Every argument of the document (fields and directives, in the operation and its fragments), named as the
 * resolvers name their inputs: `input.name`, `filter.search`, `input.lines.0.note`.
 */
function firstBadText(document: DocumentNode, operation: OperationDefinitionNode, variables: Variables) {
  const defaults = new Map(
    (operation.variableDefinitions ?? []).flatMap((definition) =>
      definition.defaultValue ? [[definition.variable.name.value, definition.defaultValue] as const] : [],
    ),
  );
  let bad: BadText | undefined;
  visit(document, {
    Argument(argument: ArgumentNode) {
      if (bad) return false;
      bad = badValue(argument.value, argument.name.value, variables, defaults).next().value ?? undefined;
      return false;
    },
  });
  // Defaults of unused variables never reach a resolver, but a default is still text the client sent.
  for (const [name, value] of defaults)
    bad ??= badValue(value, name, variables, new Map()).next().value ?? undefined;
  return bad;
}

/**
 * One gate for text input: before any resolver runs, a string PostgreSQL cannot store (or no field can
 * sensibly hold) is refused with BAD_USER_INPUT naming the field, whichever operation carries it.
 */
export function textGate(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const bad = firstBadText(document, operation, (request.variables ?? {}) as Variables);
          if (!bad) return;
          throw new GraphQLError(`${bad.field} ${bad.problem}`, {
            nodes: [bad.node],
            // Status 200 as for a resolver's BAD_USER_INPUT: clients read the code and field from the body.
            extensions: { code: 'BAD_USER_INPUT', field: bad.field, http: { status: 200 } },
          });
        },
      };
    },
  };
}
