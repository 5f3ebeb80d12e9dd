import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { takeUnmatchedOperations } from './strictMockLink';

// `findBy…` waits for what a user would wait for (a debounced search, a mocked response); its 1 s default
// failed now and then when the test files share two busy cores with the database and Chromium.
configure({ asyncUtilTimeout: 5000 });

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.removeAttribute('lang');
  const unmatched = takeUnmatchedOperations();
  if (unmatched.length > 0) throw new Error(`No mock answered: ${unmatched.join('; ')}`);
});
