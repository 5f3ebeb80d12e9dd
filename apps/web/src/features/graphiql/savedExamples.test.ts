import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getVariableValues, Kind, type OperationDefinitionNode, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SAVED_EXAMPLES } from './savedExamples';

// The schema the server emits and commits: a schema change that breaks an example fails here.
const schema = buildSchema(
  readFileSync(join(import.meta.dirname, '../../../../server/schema.graphql'), 'utf8'),
);

describe('the saved GraphiQL examples', () => {
  it.each(SAVED_EXAMPLES.map((example) => [example.id, example] as const))(
    '%s is one valid operation against the current schema, its variables included',
    (_id, { query, variables = {} }) => {
      const document = parse(query);
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);

      const operations = document.definitions.filter(
        (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
      );
      expect(operations).toHaveLength(1);
      const coerced = getVariableValues(schema, operations[0]?.variableDefinitions ?? [], variables);
      expect(coerced.errors?.map((error) => error.message)).toBeUndefined();
      expect(Object.keys(variables).sort()).toEqual(
        (operations[0]?.variableDefinitions ?? []).map((definition) => definition.variable.name.value).sort(),
      );
    },
  );

  it('have distinct ids and labels', () => {
    expect(new Set(SAVED_EXAMPLES.map((example) => example.id)).size).toBe(SAVED_EXAMPLES.length);
    expect(new Set(SAVED_EXAMPLES.map((example) => example.label)).size).toBe(SAVED_EXAMPLES.length);
  });
});
