import {
  type DocumentNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  getNullableType,
  isListType,
} from 'graphql';
import { type ComplexityEstimator, fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import { badInput } from '../errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/page-size.js';

/**
 * The size assumed for a list without a page size (a customer's key persons, an order's lines): such lists
 * are small by nature, but nesting them multiplies, which is what the cost is for.
 */
export const UNPAGED_LIST_SIZE = 10;

/** Fields answered from the schema in memory: what they select costs nothing beyond the field itself. */
const INTROSPECTION = new Set(['__schema', '__type']);

/** The page a connection is asked for: `first`, or the default when omitted; out of range is refused here. */
function pageSize(args: Record<string, unknown>): number {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  return first;
}

const takesPageSize = (field: GraphQLField<unknown, unknown>) =>
  field.args.some((arg) => arg.name === 'first');

/** `nodes` and `edges` of a connection are the page itself: its `first` has already multiplied them. */
const isPageOfConnection = (type: GraphQLCompositeType) => type.name.endsWith('Connection');

/**
 * Every field costs 1; a list multiplies what it selects by its size: `first` (default 50) for a paged
 * field, UNPAGED_LIST_SIZE for any other list. So `customers(first: 200) { nodes { orders(first: 200) {
 * nodes { id } } } }` costs about 200 × 200, and each alias adds its own subtree.
 */
const listSizeEstimator: ComplexityEstimator = ({ field, type, args, childComplexity }) => {
  if (INTROSPECTION.has(field.name)) return 1;
  if (takesPageSize(field)) return 1 + pageSize(args) * childComplexity;
  const isList = isListType(getNullableType(field.type));
  if (isList && !isPageOfConnection(type)) return 1 + UNPAGED_LIST_SIZE * childComplexity;
  return 1 + childComplexity;
};

/**
 * The selection tree of one request holds at most this many fields once fragments are expanded; beyond it
 * the library stops counting (a fragment that spreads another twice, ten levels deep, is 1024 copies).
 */
export const MAX_COUNTED_FIELDS = 10_000;

export type CostResult = { cost: number } | { tooManyFields: true } | { unknown: true };

/**
 * The cost of the operation a request runs, from its document and variables, before anything executes.
 * A `complexity` set on a field (type-graphql's `@Field({ complexity })`) wins over the list rule.
 * `unknown`: the variables do not fit the operation, which execution reports as it always does.
 */
export function operationCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
): CostResult {
  try {
    const cost = getComplexity({
      schema,
      query,
      operationName,
      variables,
      maxQueryNodes: MAX_COUNTED_FIELDS,
      estimators: [fieldExtensionsEstimator(), listSizeEstimator],
    });
    return { cost };
  } catch (error) {
    // Ours (`first` out of range) carries a code; the library's errors do not.
    if (error instanceof GraphQLError && error.extensions.code) throw error;
    // The library's refusal of a tree it stopped counting: only its message tells it apart.
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) {
      return { tooManyFields: true };
    }
    return { unknown: true };
  }
}
