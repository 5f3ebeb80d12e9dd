import { configDefaults, defineProject } from 'vitest/config';

const SCALE_TESTS = 'test/scale/**/*.test.ts';

export default defineProject({
  resolve: {
    conditions: ['development'],
    // graphql 16 ships ESM (.mjs, which Vite picks) and CJS (which Node and type-graphql load): one realm only.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    name: 'server',
    // The gate test's probe runs only in the child vitest that the gate test starts; the scaling tests
    // (several servers and PostgreSQLs each, issue 11) only in `pnpm test:scale`.
    include: process.env.DOSSIER_GATE_PROBE
      ? ['test/gate/probe.fixture.ts']
      : process.env.DOSSIER_SCALE_TESTS
        ? [SCALE_TESTS]
        : ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: process.env.DOSSIER_SCALE_TESTS
      ? configDefaults.exclude
      : [...configDefaults.exclude, SCALE_TESTS],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
