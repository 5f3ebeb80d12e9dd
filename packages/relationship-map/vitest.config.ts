import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'relationship-map',
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
  },
});
