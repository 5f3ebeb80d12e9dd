import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildDossierSchema, printDossierSchema } from './schema.js';

describe('emitted schema', () => {
  it('matches the committed apps/server/schema.graphql (run `pnpm --filter @dossier/server schema:emit`)', async () => {
    const committed = await readFile(new URL('../../../schema.graphql', import.meta.url), 'utf8');
    expect(printDossierSchema(await buildDossierSchema())).toBe(committed);
  });
});
