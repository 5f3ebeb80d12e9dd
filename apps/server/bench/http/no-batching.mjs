// Preloaded (`node --import`) into our server for the bench's "batching off" run, and never otherwise:
// every DataLoader then dispatches each key on its own (maxBatchSize 1), which is what the product's
// per-request loaders would cost without batching. Caching per request stays as it is. Nothing in the
// product knows of this file.
import { createRequire } from 'node:module';

const DataLoader = createRequire(import.meta.url)('dataloader');
const load = DataLoader.prototype.load;
DataLoader.prototype.load = function loadAlone(key) {
  this._maxBatchSize = 1;
  return load.call(this, key);
};
