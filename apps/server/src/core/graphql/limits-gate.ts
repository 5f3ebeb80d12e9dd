import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { type DocumentNode, GraphQLError, type GraphQLSchema, validate } from 'graphql';
import type { Context } from '../context.js';
import type { Env } from '../env.js';
import { type CostResult, MAX_COUNTED_FIELDS, operationCost } from './cost.js';

export type OperationLimits = Pick<Env, 'DOSSIER_MAX_DEPTH' | 'DOSSIER_MAX_ALIASES' | 'DOSSIER_MAX_COST'>;

/**
 * The code of every refusal for size: a client asked for too much at once and should ask for less, which
 * is neither bad input to a field nor a fault of the server. Status 400, as Apollo's validation failures.
 */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

function tooComplex(message: string, extensions: Record<string, number>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: QUERY_TOO_COMPLEX, ...extensions, http: { status: 400 } },
  });
}

/** graphql-armor's depth and alias rules; their own message names the limit and what was found. */
function shapeProblem(schema: GraphQLSchema, document: DocumentNode, limits: OperationLimits) {
  const rejected: Array<{ message: string; limit: number }> = [];
  const reject = (limit: number) => (_: unknown, error: GraphQLError) =>
    rejected.push({ message: error.message.replace(/^Syntax Error: /, ''), limit });
  validate(schema, document, [
    maxDepthRule({
      n: limits.DOSSIER_MAX_DEPTH,
      // Depth counts fields: a fragment spread is a name for fields at the same level, not a level.
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [reject(limits.DOSSIER_MAX_DEPTH)],
    }),
    maxAliasesRule({
      n: limits.DOSSIER_MAX_ALIASES,
      propagateOnRejection: false,
      onReject: [reject(limits.DOSSIER_MAX_ALIASES)],
    }),
  ]);
  return rejected[0];
}

type ShapeProblem = ReturnType<typeof shapeProblem>;
type ShapeLimits = Pick<OperationLimits, 'DOSSIER_MAX_DEPTH' | 'DOSSIER_MAX_ALIASES'>;

/**
 * The shape check's verdict per document. Apollo's documentStore hands a repeated document back as the same
 * DocumentNode, so a document is walked once, not on every request; the limits it was checked against are
 * kept with it (they are the process's configuration, but tests run one server under several).
 */
const shapes = new WeakMap<DocumentNode, { limits: ShapeLimits; problem: ShapeProblem }>();

function knownShapeProblem(schema: GraphQLSchema, document: DocumentNode, limits: OperationLimits) {
  const known = shapes.get(document);
  if (
    known?.limits.DOSSIER_MAX_DEPTH === limits.DOSSIER_MAX_DEPTH &&
    known.limits.DOSSIER_MAX_ALIASES === limits.DOSSIER_MAX_ALIASES
  ) {
    return known.problem;
  }
  const problem = shapeProblem(schema, document, limits);
  const { DOSSIER_MAX_DEPTH, DOSSIER_MAX_ALIASES } = limits;
  shapes.set(document, { limits: { DOSSIER_MAX_DEPTH, DOSSIER_MAX_ALIASES }, problem });
  return problem;
}

/** A page size out of range comes back with status 200, as the resolvers' BAD_USER_INPUT does. */
function costOrPageSizeError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
) {
  try {
    return operationCost(schema, document, operationName, variables ?? {});
  } catch (error) {
    if (error instanceof GraphQLError) Object.assign(error.extensions, { http: { status: 200 } });
    throw error;
  }
}

/**
 * Costs already worked out, per document, by operation name and variables: the same list asked for again
 * with the same page sizes costs what it cost. A page size out of range throws and is not kept. At most
 * COSTS_PER_DOCUMENT per document (all forgotten when full), so variables that change on every request
 * (a dossier's id) keep the memory bounded.
 */
const costs = new WeakMap<DocumentNode, Map<string, CostResult>>();
const COSTS_PER_DOCUMENT = 100;

function knownCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
): CostResult {
  const key = JSON.stringify([operationName ?? null, variables ?? {}]);
  const known = costs.get(document) ?? new Map<string, CostResult>();
  const kept = known.get(key);
  if (kept) return kept;
  const result = costOrPageSizeError(schema, document, operationName, variables);
  if (known.size >= COSTS_PER_DOCUMENT) known.clear();
  known.set(key, result);
  costs.set(document, known);
  return result;
}

/**
 * Refuses, after validation and before any resolver runs, an operation too deep, with too many aliases or
 * costing more than the limit (cost.ts: list sizes multiplied down the tree, every alias counted). A page
 * size out of range is BAD_USER_INPUT on `first`, as the resolvers would say, only earlier.
 */
export function limitsGate(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          const limits = contextValue.env;
          const shape = knownShapeProblem(schema, document, limits);
          if (shape) throw tooComplex(shape.message, { limit: shape.limit });
          const result = knownCost(schema, document, operation?.name?.value, request.variables);
          const limit = limits.DOSSIER_MAX_COST;
          if ('tooManyFields' in result) {
            throw tooComplex(
              `The operation selects more than ${MAX_COUNTED_FIELDS} fields once its fragments are expanded`,
              { limit: MAX_COUNTED_FIELDS },
            );
          }
          if ('cost' in result && result.cost > limit) {
            throw tooComplex(
              `The operation costs ${result.cost}, more than the limit of ${limit}: ask for smaller pages (first) or fewer nested lists and aliases`,
              { cost: result.cost, limit },
            );
          }
        },
      };
    },
  };
}
