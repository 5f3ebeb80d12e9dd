import type DataLoader from 'dataloader';

/** What a read-ahead primed, per loader: the values themselves, not DataLoader's promises of them. */
const primedValues = new WeakMap<object, Map<unknown, unknown>>();

interface DataLoaderCache {
  _cacheMap?: { get(key: unknown): unknown } | null;
  _cacheKeyFn?: (key: unknown) => unknown;
}

/**
 * Whether DataLoader's own cache holds `key` (its cache map, a field of dataloader 2). When it cannot tell
 * (no cache, another version), no: loadNow then leaves every key to `load`, slower but never different.
 */
function holds(loader: object, key: unknown): boolean {
  const { _cacheMap: cache, _cacheKeyFn: keyOf } = loader as DataLoaderCache;
  return cache?.get(keyOf ? keyOf(key) : key) !== undefined;
}

/**
 * Primes `loader` with `value` for `key`, as DataLoader's `prime` does, and keeps the value itself for
 * loadNow only when the prime took: a key the loader held already keeps its own value, and a loader whose
 * primes are dropped (the bench's "batching off" run) reads every key itself.
 */
export function primeNow<K, V>(loader: DataLoader<K, V, unknown>, key: K, value: V): void {
  const held = holds(loader, key);
  loader.prime(key, value);
  if (held || !holds(loader, key)) return;
  let values = primedValues.get(loader);
  if (!values) {
    values = new Map();
    primedValues.set(loader, values);
  }
  values.set(key, value);
}

/**
 * `loader.load(key)`, answered at once when a read-ahead primed the key (issue 11): the field's value
 * rather than a promise of it. DataLoader answers a primed key with a resolved promise, which graphql-jit
 * awaits like any other: a promise, its async-hook bookkeeping (on for the whole process once MikroORM has
 * run a transaction) and a turn of the microtask queue per field, about 1,300 times per dossier list. The
 * value is the one primed into the loader; no loader of a request is ever cleared, so the two cannot part.
 */
export function loadNow<K, V>(loader: DataLoader<K, V, unknown>, key: K): V | Promise<V> {
  const values = primedValues.get(loader);
  return values?.has(key) ? (values.get(key) as V) : loader.load(key);
}
