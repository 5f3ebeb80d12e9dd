import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cleanUp,
  databaseUrl,
  type FaultServer,
  isAlive,
  launch,
  postmasterPid,
  scratchFolder,
} from './fault-server.js';
import { prepareDataset, signIn } from './write-load.js';

// Issue 12, graceful shutdown: SIGTERM stops accepting, lets the requests in flight finish (for at most
// DOSSIER_SHUTDOWN_TIMEOUT_MS), stops the background jobs, the pool and the embedded PostgreSQL, exits 0.
const folder = await scratchFolder();
const servers: FaultServer[] = [];

afterAll(async () => {
  await cleanUp(servers, folder.dataDir);
  await folder.remove();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A request whose body arrives in two parts, `send` releasing the second: in flight (the server is
 * reading it) for as long as the test likes, as from a slow client.
 */
function slowRequest(base: string, token: string) {
  const body = JSON.stringify({ query: '{ me { email } }' });
  const req = request(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      authorization: `Bearer ${token}`,
    },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, 10));
  return { answer, send: () => req.end(body.slice(10)) };
}

/** Whether a new TCP connection to the server's port is accepted. */
const accepts = (base: string) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(Number(new URL(base).port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

async function stopsAccepting(base: string): Promise<number> {
  const started = Date.now();
  while (await accepts(base)) {
    if (Date.now() - started > 10_000) throw new Error('still accepting 10 s after SIGTERM');
    await pause(50);
  }
  return Date.now() - started;
}

describe('SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, stops PostgreSQL and exits 0', async () => {
    const server = await launch(folder.dataDir);
    servers.push(server);
    const dataset = await prepareDataset(await databaseUrl(folder.dataDir), 0);
    const token = await signIn(server.base, dataset);
    const postmaster = (await postmasterPid(folder.dataDir)) as number;

    const slow = slowRequest(server.base, token);
    await pause(500);
    process.kill(server.pid, 'SIGTERM');
    await stopsAccepting(server.base);
    expect(server.exitCode()).toBe('running');
    slow.send();
    const answer = await slow.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { me: { email: dataset.email } } });

    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(await postmasterPid(folder.dataDir)).toBeNull();
    expect(isAlive(postmaster)).toBe(false);
    expect(server.output()).toContain('"msg":"stopped"');
  }, 90_000);

  it('closes a request still unfinished after DOSSIER_SHUTDOWN_TIMEOUT_MS and exits 0', async () => {
    const server = await launch(folder.dataDir, { DOSSIER_SHUTDOWN_TIMEOUT_MS: '2000' });
    servers.push(server);
    const dataset = await prepareDataset(await databaseUrl(folder.dataDir), 0);
    const token = await signIn(server.base, dataset);

    const stuck = slowRequest(server.base, token);
    const cut = stuck.answer.then(
      () => 'answered',
      () => 'cut',
    );
    await pause(500);
    const signalled = Date.now();
    process.kill(server.pid, 'SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const tookMs = Date.now() - signalled;
    console.info(`shutdown with a request that never finishes: ${tookMs} ms`);
    expect(tookMs).toBeGreaterThanOrEqual(2_000);
    expect(await cut).toBe('cut');
    expect(server.output()).toContain('requests still in flight after DOSSIER_SHUTDOWN_TIMEOUT_MS');
    expect(await postmasterPid(folder.dataDir)).toBeNull();
  }, 90_000);
});
