import { ApolloServer } from '@apollo/server';
import { buildSchema, GraphQLScalarType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInput, notFound } from '../errors.js';
import { createLogger } from '../logger.js';
import { formatError } from './apollo.js';
import { compiledExecution } from './compiled-execution.js';

// A schema with what execution engines tend to disagree on: errors with and without codes, nulls in
// non-null fields, a custom scalar that parses and serialises, enums, an interface, mutations in order.
const schema = buildSchema(`
  scalar Cents
  enum Size { SMALL LARGE }
  interface Named { name: String! }
  type Person implements Named { name: String! size: Size }
  type Robot implements Named { name: String! serial: Int! }
  type Query {
    named(kind: String!): Named
    price(amount: Cents!): Cents!
    size(size: Size!): Size!
    missing: String!
    wrapper: Wrapper
    refused: String
    crashed: String
  }
  type Wrapper { inner: String! other: String }
  type Mutation { reset: [String!]! append(word: String!): [String!]! }
`);

const words: string[] = [];
const cents = schema.getType('Cents') as GraphQLScalarType;
Object.assign(cents, {
  serialize: (value: unknown) => `${(Number(value) / 100).toFixed(2)}`,
  parseValue: (value: unknown) => {
    if (typeof value !== 'string' || !/^\d+\.\d\d$/.test(value)) throw badInput('amount', 'is not a price');
    return Math.round(Number(value) * 100);
  },
});
const fields = (type: string) =>
  (schema.getType(type) as unknown as { getFields(): Record<string, { resolve?: unknown }> }).getFields();
Object.assign(fields('Query').named as object, {
  resolve: (_: unknown, { kind }: { kind: string }) =>
    kind === 'person' ? { kind, name: 'Ada', size: 'LARGE' } : { kind, name: 'R2', serial: 2 },
});
Object.assign(fields('Query').price as object, {
  resolve: (_: unknown, { amount }: { amount: number }) => amount * 2,
});
Object.assign(fields('Query').size as object, { resolve: (_: unknown, { size }: { size: string }) => size });
Object.assign(fields('Query').missing as object, { resolve: () => null });
Object.assign(fields('Query').wrapper as object, { resolve: () => ({ inner: null, other: 'x' }) });
Object.assign(fields('Query').refused as object, {
  resolve: async () => {
    throw notFound('Customer', 'Q3VzdG9tZXI6MQ==');
  },
});
Object.assign(fields('Query').crashed as object, {
  resolve: () => {
    throw new Error('connection reset by peer');
  },
});
Object.assign(fields('Mutation').append as object, {
  resolve: async (_: unknown, { word }: { word: string }) => {
    await new Promise((resolve) => setTimeout(resolve, word.length));
    words.push(word);
    return [...words];
  },
});
Object.assign(fields('Mutation').reset as object, {
  resolve: () => {
    words.length = 0;
    return words;
  },
});
Object.assign(schema.getType('Named') as object, {
  resolveType: (value: { kind: string }) => (value.kind === 'person' ? 'Person' : 'Robot'),
});

const log = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
const options = {
  formatError: formatError(log),
  introspection: true,
  includeStacktraceInErrorResponses: false,
};
const interpreted = new ApolloServer({ schema, ...options });
const compiled = new ApolloServer({ gateway: compiledExecution(schema), ...options });

beforeAll(async () => {
  await Promise.all([interpreted.start(), compiled.start()]);
});
afterAll(async () => {
  await Promise.all([interpreted.stop(), compiled.stop()]);
});

async function answer(
  server: ApolloServer,
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
) {
  const response = await server.executeOperation({ query, variables, operationName });
  if (response.body.kind !== 'single') throw new Error('incremental delivery is not used');
  return { status: response.http.status, body: JSON.parse(JSON.stringify(response.body.singleResult)) };
}

/** Each document twice through the compiled server: compiled on the first request, reused on the second. */
async function expectSameAnswer(query: string, variables?: Record<string, unknown>, operationName?: string) {
  const expected = await answer(interpreted, query, variables, operationName);
  expect(await answer(compiled, query, variables, operationName)).toEqual(expected);
  expect(await answer(compiled, query, variables, operationName)).toEqual(expected);
  return expected;
}

describe('compiled execution answers as graphql-js does', () => {
  it('resolves an interface to its type, with enums and a custom scalar both ways', async () => {
    const query = `query($amount: Cents!) {
      a: named(kind: "person") { __typename name ... on Person { size } }
      b: named(kind: "robot") { __typename name ... on Robot { serial } }
      price(amount: $amount) size(size: SMALL)
    }`;
    const { body } = await expectSameAnswer(query, { amount: '1.25' });
    expect(body.data).toEqual({
      a: { __typename: 'Person', name: 'Ada', size: 'LARGE' },
      b: { __typename: 'Robot', name: 'R2', serial: 2 },
      price: '2.50',
      size: 'SMALL',
    });
  });

  it("keeps a resolver's code, and reduces an unexpected error to INTERNAL_SERVER_ERROR with its path", async () => {
    const { body } = await expectSameAnswer('{ refused crashed }');
    const codes = body.errors.map((error: { path: string[]; extensions: { code: string } }) => [
      error.path[0],
      error.extensions.code,
    ]);
    expect(Object.fromEntries(codes)).toEqual({ refused: 'NOT_FOUND', crashed: 'INTERNAL_SERVER_ERROR' });
  });

  it('propagates a null in a non-null field to the nearest nullable parent', async () => {
    const { body } = await expectSameAnswer('{ wrapper { inner other } size(size: LARGE) }');
    expect(body.data).toEqual({ wrapper: null, size: 'LARGE' });
    await expectSameAnswer('{ missing size(size: LARGE) }');
  });

  it('answers variables that do not coerce with BAD_USER_INPUT and status 400, running nothing', async () => {
    const query = 'query($amount: Cents!, $size: Size!) { price(amount: $amount) size(size: $size) }';
    for (const variables of [{ amount: 'cheap', size: 'SMALL' }, { amount: '1.00', size: 'HUGE' }, {}]) {
      const { status, body } = await expectSameAnswer(query, variables);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('runs the fields of a mutation one after another', async () => {
    const { body } = await expectSameAnswer(
      'mutation { reset a: append(word: "three") b: append(word: "x") }',
    );
    expect(body.data).toEqual({ reset: [], a: ['three'], b: ['three', 'x'] });
  });

  it('refuses an operation name the document does not hold, and a choice it does not make', async () => {
    const named = await answer(compiled, 'query A { size(size: SMALL) }');
    expect(named.body.data).toEqual({ size: 'SMALL' });
    const unknown = await expectSameAnswer('query A { size(size: SMALL) }', undefined, 'B');
    expect(unknown.status).toBe(400);
    await expectSameAnswer('query A { size(size: SMALL) } query B { size(size: LARGE) }');
  });

  it('answers introspection and a subscription it cannot run', async () => {
    await expectSameAnswer(
      '{ __schema { types { name kind } } __type(name: "Named") { possibleTypes { name } } }',
    );
    await expectSameAnswer('subscription { size }');
  });
});
