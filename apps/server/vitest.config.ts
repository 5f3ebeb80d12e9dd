import { configDefaults, defineProject } from 'vitest/config';

const SCALE_TESTS = 'test/scale/**/*.test.ts';
const FAULT_TESTS = 'test/faults/**/*.test.ts';
/** Suites that start servers and PostgreSQLs of their own and break them: each runs as its own command. */
const SUITES: Record<string, string> = { DOSSIER_SCALE_TESTS: SCALE_TESTS, DOSSIER_FAULT_TESTS: FAULT_TESTS };
const suite = Object.entries(SUITES).find(([variable]) => process.env[variable])?.[1];

export default defineProject({
  resolve: {
    conditions: ['development'],
    // graphql 16 ships ESM (.mjs, which Vite picks) and CJS (which Node and type-graphql load): one realm only.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    name: 'server',
    // The gate test's probe runs only in the child vitest that the gate test starts; the scaling tests
    // (several servers and PostgreSQLs each, issue 11) only in `pnpm test:scale`, the fault tests (issue
    // 12: databases stopped and servers killed under load) only in `pnpm test:faults`.
    include: process.env.DOSSIER_GATE_PROBE
      ? ['test/gate/probe.fixture.ts']
      : suite
        ? [suite]
        : ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: suite ? configDefaults.exclude : [...configDefaults.exclude, ...Object.values(SUITES)],
    globalSetup: ['test/global-setup.ts'],
    // A worker imports the server's modules once for all its files instead of once per file (about 1.5 s
    // a file, 200 files, twice in CI). The modules keep no state a test could leak but the process clock,
    // which the setup file resets.
    isolate: false,
    setupFiles: ['test/fresh-process-state.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
