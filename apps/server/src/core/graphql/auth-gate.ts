import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, type GraphQLError, Kind, type SelectionSetNode } from 'graphql';
import { refusedOperation } from '../access/policy.js';
import type { Context } from '../context.js';
import { unauthenticated } from '../errors.js';

/**
 * Root fields an anonymous caller may use: signing in and out, and a customer's own sheet, whose link's
 * secret is its credential. Introspection (`__schema`, `__type`) is for signed-in callers.
 */
const PUBLIC_ROOT_FIELDS = new Set(['login', 'logout', 'sheetByToken', 'submitCustomerSheet', '__typename']);

function rootFields(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments[name];
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return rootFields(fragment.selectionSet, fragments, seen);
  });
}

/** Status 200, as for any other GraphQL error, so clients read `extensions.code` from the body. */
function refusal(error: GraphQLError): GraphQLError {
  Object.assign(error.extensions, { http: { status: 200 } });
  return error;
}

/**
 * Refuses, before any resolver runs, an anonymous operation that asks for anything but signing in, and a
 * write sent with a read-only API token.
 */
export function authGate(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!operation) return;
          if (contextValue.viewer) {
            const refused = refusedOperation(contextValue, operation.operation);
            if (refused) throw refusal(refused);
            return;
          }
          const fragments = Object.fromEntries(
            document.definitions
              .filter((def): def is FragmentDefinitionNode => def.kind === Kind.FRAGMENT_DEFINITION)
              .map((def) => [def.name.value, def]),
          );
          if (rootFields(operation.selectionSet, fragments).some((field) => !PUBLIC_ROOT_FIELDS.has(field))) {
            throw refusal(unauthenticated());
          }
        },
      };
    },
  };
}
