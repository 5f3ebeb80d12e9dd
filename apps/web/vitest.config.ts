import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts', 'tooling/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    // Each findBy step may wait 5 s (setup.ts); a test of several steps on a loaded two-core machine
    // outlasts vitest's 5 s default (CI timed the documents tab's loan test out mid-way).
    testTimeout: 20_000,
  },
});
