import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanUp,
  databaseUrl,
  type FaultServer,
  launch,
  pgCtl,
  readyStatus,
  scratchFolder,
} from './fault-server.js';
import {
  checkConsistency,
  type Dataset,
  prepareDataset,
  signIn,
  startWriteLoad,
  summary,
} from './write-load.js';

// Issue 12, acceptance 2: under a 20-connection write load the embedded PostgreSQL is stopped for 5 s (as an
// operator would, with pg_ctl) and started again. The server keeps running, answers SERVICE_UNAVAILABLE fast
// meanwhile, reports it on /readyz, reconnects by itself, and loses no write it acknowledged.
const CONNECTIONS = 20;
const REQUEST_TIMEOUT_MS = 10_000;
const folder = await scratchFolder();
let server: FaultServer;
let dataset: Dataset;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  server = await launch(folder.dataDir, {
    DOSSIER_RATE_LIMIT: '1000000',
    DOSSIER_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
  });
  dataset = await prepareDataset(await databaseUrl(folder.dataDir), CONNECTIONS);
}, 180_000);

afterAll(async () => {
  await cleanUp([server], folder.dataDir);
  await folder.remove();
});

describe('PostgreSQL stopped for 5 s under a write load', () => {
  it('costs no acknowledged write; the server stays up, fails fast, and is ready again', async () => {
    const token = await signIn(server.base, dataset);
    const url = await databaseUrl(folder.dataDir);
    const readiness: Array<{ at: number; status: number }> = [];
    let probing = true;
    const prober = (async () => {
      while (probing) {
        readiness.push({ at: Date.now(), status: await readyStatus(server.base) });
        await pause(200);
      }
    })();
    const load = startWriteLoad(server.base, token, dataset.links);
    await pause(3_000);
    const ackedBefore = load.acks.length;

    const stoppedAt = Date.now();
    await pgCtl(folder.dataDir, 'stop');
    const downAt = Date.now();
    await pause(5_000);
    const restartedAt = Date.now();
    await pgCtl(folder.dataDir, 'start');
    // Ready again, then writes succeed for a while on the reconnected pool.
    let readyAgainAt = 0;
    for (const deadline = Date.now() + 30_000; !readyAgainAt && Date.now() < deadline; await pause(100)) {
      if ((await readyStatus(server.base)) === 200) readyAgainAt = Date.now();
    }
    const ackedAtRestart = load.acks.length;
    await pause(3_000);
    const { acks, outcomes } = await load.stop();
    probing = false;
    await prober;

    // Requests sent once PostgreSQL was down (pg_ctl stop -w returned) and before it was started again.
    const down = outcomes.filter((o) => o.sentAt >= downAt && o.sentAt + o.ms <= restartedAt);
    const figures = {
      acks: acks.length,
      ackedBefore,
      ackedAfterRestart: acks.length - ackedAtRestart,
      whileDown: summary(down),
      all: summary(outcomes),
      stopMs: downAt - stoppedAt,
      readyAgainMsAfterStart: readyAgainAt - restartedAt,
    };
    console.info('PostgreSQL outage under load:', JSON.stringify(figures));

    expect(server.exitCode()).toBe('running');
    expect(server.output()).toContain('the embedded PostgreSQL stopped');
    expect(ackedBefore).toBeGreaterThan(0);
    // While it was down, requests were answered SERVICE_UNAVAILABLE (503), fast: never a hang, never a 500.
    expect(down.length).toBeGreaterThan(CONNECTIONS);
    expect(down.every((o) => o.code === 'SERVICE_UNAVAILABLE' && o.status === 503)).toBe(true);
    expect(summary(down).slowestMs).toBeLessThan(REQUEST_TIMEOUT_MS / 2);
    expect(Object.keys(figures.all.codes).sort()).toEqual(
      expect.arrayContaining(['OK', 'SERVICE_UNAVAILABLE']),
    );
    // Only these: a write cut at its commit may have committed, which its writer learns as VERSION_CONFLICT.
    // Anything else: the server's error lines say what it was.
    const errorLines = server
      .output()
      .split('\n')
      .filter((line) => /"level":(50|60)/.test(line));
    for (const code of Object.keys(figures.all.codes))
      expect(['OK', 'SERVICE_UNAVAILABLE', 'VERSION_CONFLICT'], errorLines.join('\n')).toContain(code);
    expect(figures.all.slowestMs).toBeLessThan(REQUEST_TIMEOUT_MS);
    // /readyz went 503 while it was down and back to 200, and the pool reconnected by itself.
    expect(readiness.some((r) => r.at > stoppedAt && r.at < restartedAt && r.status === 503)).toBe(true);
    expect(readyAgainAt).toBeGreaterThan(0);
    expect(figures.ackedAfterRestart).toBeGreaterThan(0);

    expect(await checkConsistency(url, dataset.links, acks)).toEqual({
      missingAcks: 0,
      versionsBehind: 0,
      historyMismatches: 0,
      notesNotLatest: 0,
      partialRows: 0,
    });
  }, 90_000);
});
