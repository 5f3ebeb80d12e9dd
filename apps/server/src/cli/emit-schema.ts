import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildDossierSchema, printDossierSchema } from '../core/graphql/schema.js';

const target = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
await writeFile(target, printDossierSchema(await buildDossierSchema()));
console.log(`wrote ${target}`);
