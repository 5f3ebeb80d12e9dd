import { expect } from 'vitest';
import {
  cleanUp,
  databaseUrl,
  type FaultServer,
  isAlive,
  launch,
  postmasterPid,
  scratchFolder,
} from './fault-server.js';
import { checkConsistency, prepareDataset, signIn, startWriteLoad, summary } from './write-load.js';

const CONNECTIONS = 20;
const ENV = { DOSSIER_RATE_LIMIT: '1000000' };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a write load against a server with its own embedded PostgreSQL, kills what `kill` kills with
 * SIGKILL in the middle of it, starts the server again on the same data folder with no manual step, and
 * checks that every acknowledged write is there and nothing is half-written (write-load.ts).
 */
export async function killUnderLoad(
  name: string,
  kill: (server: FaultServer, postmaster: number) => void,
): Promise<void> {
  const folder = await scratchFolder();
  const servers: FaultServer[] = [];
  try {
    const first = await launch(folder.dataDir, ENV);
    servers.push(first);
    const dataset = await prepareDataset(await databaseUrl(folder.dataDir), CONNECTIONS);
    const token = await signIn(first.base, dataset);
    const postmaster = (await postmasterPid(folder.dataDir)) as number;

    const load = startWriteLoad(first.base, token, dataset.links);
    await pause(4_000);
    kill(first, postmaster);
    const { acks, outcomes } = await load.stop();
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const startedAgain = Date.now();
    const second = await launch(folder.dataDir, ENV);
    servers.push(second);
    const restartMs = Date.now() - startedAgain;
    expect(await postmasterPid(folder.dataDir)).not.toBe(postmaster);
    expect(isAlive(postmaster)).toBe(false);
    console.info(`${name}:`, JSON.stringify({ acks: acks.length, load: summary(outcomes), restartMs }));

    expect(acks.length).toBeGreaterThan(0);
    for (const code of Object.keys(summary(outcomes).codes)) expect(['OK', 'NO_ANSWER']).toContain(code);
    expect(await checkConsistency(await databaseUrl(folder.dataDir), dataset.links, acks)).toEqual({
      missingAcks: 0,
      versionsBehind: 0,
      historyMismatches: 0,
      notesNotLatest: 0,
      partialRows: 0,
    });
    // And the restarted server serves writes on what it recovered.
    const again = startWriteLoad(second.base, token, dataset.links.slice(0, 2));
    await pause(1_500);
    const after = await again.stop();
    expect(after.acks.length).toBeGreaterThan(0);
  } finally {
    await cleanUp(servers, folder.dataDir);
    await folder.remove();
  }
}
