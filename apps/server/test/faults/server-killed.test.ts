import { describe, it } from 'vitest';
import { killUnderLoad } from './kill-under-load.js';

// Issue 12, acceptance 3: `kill -9` of the server during a 20-connection write load, then a restart on the
// same data folder. Its embedded PostgreSQL outlives it (orphaned): the next start stops that one cleanly
// (postmaster-lock.ts) and starts its own. No acknowledged write is lost, nothing is half-written.
describe('the server killed with SIGKILL under a write load', () => {
  it('restarts by itself on its data folder with every acknowledged write and no partial rows', async () => {
    await killUnderLoad('server killed under load', (server) => process.kill(server.pid, 'SIGKILL'));
  }, 120_000);
});
