import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestDeadline } from './deadline.js';
import { jsonErrors } from './json-errors.js';

let base: string;
let lateAnswer: Promise<unknown> = Promise.resolve();
const server = createServer(
  express()
    .use(requestDeadline(100))
    .get('/slow', async (_req, res) => {
      lateAnswer = sleep(300);
      await lateAnswer;
      // What Apollo does once execution ends: headers, then the body.
      res.setHeader('content-type', 'application/json');
      res.send('{"data":{}}');
    })
    .get('/fast', (_req, res) => {
      res.json({ data: {} });
    })
    .use(jsonErrors()),
);

beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeAll(() => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

describe('requestDeadline', () => {
  it('answers a request still running at the deadline with a JSON 503, and drops the late answer', async () => {
    const response = await fetch(`${base}/slow`);
    expect([response.status, response.headers.get('retry-after'), await response.json()]).toEqual([
      503,
      '1',
      {
        errors: [
          { message: 'The request took longer than 100 ms and was stopped', extensions: { code: 'TIMEOUT' } },
        ],
      },
    ]);
    await lateAnswer;
    // The server is still there and answers the next request as usual.
    const next = await fetch(`${base}/fast`);
    expect([next.status, await next.json()]).toEqual([200, { data: {} }]);
  });

  it('leaves a request answered in time alone', async () => {
    const response = await fetch(`${base}/fast`);
    await sleep(150);
    expect([response.status, await response.json()]).toEqual([200, { data: {} }]);
  });
});
