import type { Storage } from '@graphiql/toolkit';

/** The value with every `headers` property dropped, at any depth, when it is JSON; anything else as is. */
function withoutHeaders(value: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  return JSON.stringify(parsed, (key, inner) => (key === 'headers' ? undefined : inner));
}

/**
 * GraphiQL's storage (tabs, history, favourites, settings) minus request headers. `shouldPersistHeaders`
 * keeps them out of the tabs only: the history plugin stores each run's headers regardless, so a bearer
 * token pasted into the headers editor would stay in localStorage, readable by any script and left behind
 * on a shared machine after signing out.
 */
export function headerlessStorage(storage: Storage): Storage {
  return {
    getItem: (key) => storage.getItem(key),
    setItem: (key, value) => storage.setItem(key, withoutHeaders(value)),
    removeItem: (key) => storage.removeItem(key),
    clear: () => storage.clear(),
    get length() {
      return storage.length;
    },
  };
}
