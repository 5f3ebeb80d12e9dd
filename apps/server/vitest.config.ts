import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: {
    conditions: ['development'],
    // graphql 16 ships ESM (.mjs, which Vite picks) and CJS (which Node and type-graphql load): one realm only.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    name: 'server',
    // The gate test's probe runs only in the child vitest that the gate test starts.
    include: process.env.DOSSIER_GATE_PROBE
      ? ['test/gate/probe.fixture.ts']
      : ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
