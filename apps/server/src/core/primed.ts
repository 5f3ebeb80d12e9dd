import type DataLoader from 'dataloader';

/** What a read-ahead primed, per loader: the values themselves, not DataLoader's promises of them. */
const primedValues = new WeakMap<object, Map<unknown, unknown>>();

/**
 * Primes `loader` with `value` for `key`, as DataLoader's `prime` does (a key it holds already keeps its
 * value), and keeps the value itself for loadNow.
 */
export function primeNow<K, V>(loader: DataLoader<K, V, unknown>, key: K, value: V): void {
  loader.prime(key, value);
  let values = primedValues.get(loader);
  if (!values) {
    values = new Map();
    primedValues.set(loader, values);
  }
  if (!values.has(key)) values.set(key, value);
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
