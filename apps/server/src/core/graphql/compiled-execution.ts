import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Context } from '../context.js';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type ExecutorRequest = Parameters<Executor>[0];

/**
 * Operations executed by functions graphql-jit compiles once per document and operation, not by graphql-js
 * walking the document field by field on every request (issue 11: graphql-js's `completeValue`,
 * `executeFields`, `promiseForObject` were about a fifth of the dossier list's CPU).
 *
 * Apollo Server 4 and 5 take no custom executor except a gateway's, so this is a gateway that serves our own
 * schema: Apollo still parses, validates (with its documentStore) and runs every plugin; only execution is
 * replaced. A compiled query is kept per DocumentNode, which Apollo's documentStore hands back for a repeated
 * document (the same reliance as limits-gate), and is dropped with it.
 *
 * graphql-js still executes what the compiled query does not do alike:
 * - subscriptions (the API has none, but a document may ask for one and must be refused as before), and a
 *   request naming no operation of its document (Apollo leaves that to execution);
 * - a document graphql-jit cannot compile;
 * - variables that do not coerce: graphql-jit's errors carry no AST nodes, by which Apollo recognises them
 *   as BAD_USER_INPUT. Nothing ran yet, so graphql-js answers them as it always did.
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  function compiledFor(
    document: DocumentNode,
    operation: OperationDefinitionNode | undefined,
    operationName?: string,
  ) {
    // No operation of that name (or several and no name): graphql-js's execute says so, as before.
    if (!operation || operation.operation === 'subscription') return null;
    let byOperation = compiled.get(document);
    if (!byOperation) {
      byOperation = new Map();
      compiled.set(document, byOperation);
    }
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, document, operationName);
      query = isCompiledQuery(result) ? result : null;
      byOperation.set(key, query);
    }
    return query;
  }

  const executor: Executor = async ({ document, operation, request, context }: ExecutorRequest) => {
    const graphqlJs = () =>
      execute({
        schema,
        document,
        contextValue: context,
        variableValues: request.variables,
        operationName: request.operationName,
      });
    const query = compiledFor(document, operation, request.operationName);
    if (!query) return graphqlJs();
    const result = await query.query(undefined, context, request.variables);
    if (!('data' in result)) return graphqlJs();
    return withGraphQLErrors(result);
  };

  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async stop() {},
  };
}

/**
 * graphql-jit's errors inherit GraphQLError's prototype but not its constructor: without an extensions
 * object (a resolver's plain Error, a null in a non-null field) Apollo's formatter fails on them and answers
 * INTERNAL_SERVER_ERROR without passing them to our formatError (which logs them and maps statement
 * timeouts). Rebuilt as graphql-js builds a located error: message, path, locations, the original error
 * and its extensions.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const errors = result.errors.map((error) =>
    Object.assign(
      new GraphQLError(error.message, {
        path: error.path,
        originalError: error.originalError,
        extensions: error.extensions,
      }),
      { locations: error.locations },
    ),
  );
  return { ...result, errors };
}
