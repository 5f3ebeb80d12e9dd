import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../../src/core/database/free-port.js';

/** A server under test: a child process answering POST /graphql on a loopback port. */
export interface RunningServer {
  name: string;
  url: string;
  /** Resident memory of the process serving requests, in MB. */
  rssMb(): Promise<number>;
  /** CPU time the process serving requests has used so far (user and system), in seconds. */
  cpuSeconds(): Promise<number>;
  stop(): Promise<void>;
}

export interface ServerSpec {
  name: string;
  /** Node arguments (entry point first) and extra environment; PORT and HOST are added. */
  args: string[];
  env: Record<string, string>;
  /** Everything the server writes (stdout and stderr), as it comes. */
  onOutput?: (text: string) => void;
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const serverRoot = here('../../');
export const repositoryRoot = here('../../../../');

const childrenOf = async (pid: number): Promise<number[]> => {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return text.split(' ').filter(Boolean).map(Number);
};

/** The deepest descendant: wrappers such as scripts/start.mjs hand over to one child process. */
async function serving(pid: number): Promise<number> {
  let current = pid;
  for (let children = await childrenOf(current); children.length > 0; children = await childrenOf(current)) {
    current = children[0] as number;
  }
  return current;
}

async function rssOfServer(pid: number): Promise<number> {
  const status = await readFile(`/proc/${await serving(pid)}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Linux counts a process's CPU time in clock ticks of 1/100 s (USER_HZ) in /proc/<pid>/stat. */
const TICKS_PER_SECOND = 100;

/** utime + stime (fields 14 and 15 of /proc/<pid>/stat, counted after the parenthesised name). */
async function cpuOfServer(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${await serving(pid)}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Polls until POST /graphql answers (any status but the 503 of a server still starting), for at most two minutes. */
async function ready(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    const answered = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    }).then(
      (response) => response.status !== 503,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer in two minutes:\n${output()}`);
}

/** Starts a server under `nice` (the bench shares its machine), on a free loopback port. */
export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const port = await findFreePort();
  const child = spawn('nice', ['-n', '10', process.execPath, ...spec.args], {
    cwd: serverRoot,
    env: { ...process.env, ...spec.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
    spec.onOutput?.(chunk.toString());
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}/graphql`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for (const pid of await childrenOf(child.pid ?? 0)) process.kill(pid, 'SIGTERM');
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await ready(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    name: spec.name,
    url,
    rssMb: () => rssOfServer(child.pid ?? 0),
    cpuSeconds: () => cpuOfServer(child.pid ?? 0),
    stop,
  };
}
