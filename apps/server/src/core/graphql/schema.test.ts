import { readFile } from 'node:fs/promises';
import { type GraphQLSchema, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildDossierSchema, printDossierSchema } from './schema.js';

describe('emitted schema', () => {
  it('matches the committed apps/server/schema.graphql (run `pnpm --filter @dossier/server schema:emit`)', async () => {
    const committed = await readFile(new URL('../../../schema.graphql', import.meta.url), 'utf8');
    expect(printDossierSchema(await buildDossierSchema())).toBe(committed);
  });
});

/** Every type, field, argument and enum of our own that has no description: analysts read them. */
function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
      continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
  }
  return missing;
}

describe('schema documentation', () => {
  it('describes every type, field and argument', async () => {
    expect(undocumented(await buildDossierSchema())).toEqual([]);
  });
});
