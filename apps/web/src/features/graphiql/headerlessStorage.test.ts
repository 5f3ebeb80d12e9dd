import type { Storage } from '@graphiql/toolkit';
import { describe, expect, it } from 'vitest';
import { headerlessStorage } from './headerlessStorage';

function memoryStorage(): Storage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
    get length() {
      return items.size;
    },
  };
}

const token = '{"Authorization":"Bearer secret-token"}';

describe('GraphiQL storage without request headers', () => {
  it.each([
    [
      'a history entry',
      'graphiql:queries',
      { queries: [{ query: '{ me { email } }', headers: token, operationName: null }] },
      { queries: [{ query: '{ me { email } }', operationName: null }] },
    ],
    [
      'a tab',
      'graphiql:tabState',
      { tabs: [{ id: 't1', query: '{ __typename }', variables: '{}', headers: token }], activeTabIndex: 0 },
      { tabs: [{ id: 't1', query: '{ __typename }', variables: '{}' }], activeTabIndex: 0 },
    ],
  ])('keeps %s without its headers', (_what, key, written, kept) => {
    const memory = memoryStorage();
    headerlessStorage(memory).setItem(key, JSON.stringify(written));
    expect(JSON.parse(memory.items.get(key) ?? 'null')).toEqual(kept);
    expect(memory.items.get(key)).not.toContain('secret-token');
  });

  it('keeps values that are not JSON, and reads, removes and counts as the storage underneath', () => {
    const memory = memoryStorage();
    const storage = headerlessStorage(memory);
    storage.setItem('graphiql:theme', 'dark');
    expect([storage.getItem('graphiql:theme'), storage.length]).toEqual(['dark', 1]);
    storage.removeItem('graphiql:theme');
    expect([storage.getItem('graphiql:theme'), storage.length]).toEqual([null, 0]);
  });
});
