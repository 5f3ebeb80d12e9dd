import { vi } from 'vitest';
import { headerQuery } from './headerQuery';

/** The header's read after a write that may change its badge and chips; `result` counts the reads. */
export const headerRead = (customerId: string) => ({
  request: headerQuery(customerId),
  result: vi.fn(() => ({ data: { customer: null } })),
});
