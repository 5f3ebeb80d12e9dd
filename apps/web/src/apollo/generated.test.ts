import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { expect, it } from 'vitest';
import config from '../../codegen';

const webDir = join(import.meta.dirname, '../..');

// CI runs this: a schema or operation edited without `pnpm --filter @dossier/web codegen` fails here
// instead of shipping types that no longer describe what the server sends.
it('generated.ts is what codegen makes of the current schema and operations', async () => {
  const outputs: Array<{ filename: string; content: string }> = await generate(
    { ...config, cwd: webDir, silent: true },
    false,
  );

  expect(outputs.map((output) => output.filename)).toEqual(['src/apollo/generated.ts']);
  for (const { filename, content } of outputs) {
    const committed = await readFile(join(webDir, filename), 'utf8');
    expect(committed, `${filename} is stale: run \`pnpm --filter @dossier/web codegen\``).toBe(content);
  }
});
