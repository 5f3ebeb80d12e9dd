// Preloaded (`node --import`) into our server for the bench's "batching off" run, and never otherwise:
// every DataLoader then dispatches each key on its own (maxBatchSize 1), which is what the product's
// per-request loaders would cost without batching. The dossier list's look-ahead, which reads a page's
// subtree at once and primes the loaders with it, is batching too: its primes are dropped, so the loaders
// read their keys one by one. Caching per request stays as it is. Nothing in the product knows of this file.
import { createRequire } from 'node:module';

const DataLoader = createRequire(import.meta.url)('dataloader');
const load = DataLoader.prototype.load;
DataLoader.prototype.load = function loadAlone(key) {
  this._maxBatchSize = 1;
  return load.call(this, key);
};
DataLoader.prototype.prime = function primeNothing() {
  return this;
};
