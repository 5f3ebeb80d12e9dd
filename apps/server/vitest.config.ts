import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: {
    conditions: ['development'],
    // graphql 16 ships ESM (.mjs, which Vite picks) and CJS (which Node and type-graphql load): one realm only.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
