import { describe, it } from 'vitest';
import { killUnderLoad } from './kill-under-load.js';

// Issue 12: "an embedded database killed with -9 recovers on the next start without manual steps". The
// postmaster and the server are both killed with SIGKILL under a write load, as a power cut would; the
// next start finds a stale postmaster.pid, removes it, and PostgreSQL replays its WAL.
describe('the embedded PostgreSQL and the server killed with SIGKILL under a write load', () => {
  it('recover on the next start with every acknowledged write and no partial rows', async () => {
    await killUnderLoad('postmaster and server killed under load', (server, postmaster) => {
      process.kill(postmaster, 'SIGKILL');
      process.kill(server.pid, 'SIGKILL');
    });
  }, 120_000);
});
