import { describe, expect, it } from 'vitest';
import { readOnlyProblem, versionProblem } from './database-checks.js';

// A PostgreSQL of another major cannot be started here: the rule is checked on server_version_num.
describe('versionProblem', () => {
  it.each([
    [
      140_011,
      'The database at db:5432/dossier runs PostgreSQL 14, older than the 15 Dossier needs: upgrade it, or unset DATABASE_URL to use the embedded PostgreSQL.',
    ],
    [150_000, null],
    [180_004, null],
    [
      190_000,
      'The database at db:5432/dossier runs PostgreSQL 19, newer than the 18 this Dossier was tested with: upgrade Dossier, or use PostgreSQL 15 to 18.',
    ],
  ])('server_version_num %i', (versionNum, sentence) => {
    expect(versionProblem(versionNum, 'db:5432/dossier')?.message ?? null).toBe(sentence);
  });
});

describe('readOnlyProblem', () => {
  it('stops only a user who may not create tables while migrations are pending', () => {
    expect(readOnlyProblem({ mayCreate: false, user: 'reader' }, 0, 'db')).toBeNull();
    expect(readOnlyProblem({ mayCreate: true, user: 'owner' }, 3, 'db')).toBeNull();
    expect(readOnlyProblem({ mayCreate: false, user: 'reader' }, 1, 'db')?.message).toBe(
      "1 database migration is pending and the user reader may not change the schema of db: run `pnpm db:migrate` once with the schema owner's DATABASE_URL, then start again.",
    );
  });
});
