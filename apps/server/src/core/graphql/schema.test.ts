import { readFile } from 'node:fs/promises';
import { type GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
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

/** Enum values whose description is missing or not "English / 中文": analysts pick values by it. */
function undescribedEnumValues(schema: GraphQLSchema): string[] {
  const bilingual = /^[^/]*\S \/ .*\p{Script=Han}/u;
  return Object.values(schema.getTypeMap())
    .filter(isEnumType)
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) => type.getValues().map((value) => ({ name: `${type.name}.${value.name}`, value })))
    .filter(({ value }) => !bilingual.test(value.description ?? ''))
    .map(({ name }) => name);
}

describe('schema documentation', () => {
  it('describes every type, field and argument', async () => {
    expect(undocumented(await buildDossierSchema())).toEqual([]);
  });

  it('describes every enum value in English and Chinese', async () => {
    expect(undescribedEnumValues(await buildDossierSchema())).toEqual([]);
  });

  it('describes enum values with the labels of packages/domain', async () => {
    const stage = (await buildDossierSchema()).getType('RelationshipState');
    const described = isEnumType(stage) ? stage.getValues().map((v) => [v.name, v.description]) : [];
    expect(described).toEqual([
      ['POSITIVE', 'Positive / 积极的'],
      ['NEUTRAL', 'Neutral / 中立的'],
      ['NEGATIVE', 'Negative / 消极的'],
      ['NONE', 'No relationship yet / 尚未建立关系'],
    ]);
  });
});
