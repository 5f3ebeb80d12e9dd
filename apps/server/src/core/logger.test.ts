import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, wantsPrettyLogs } from './logger.js';

/** A stream keeping what the logger writes. */
function captured() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('logs', () => {
  it('are pretty only for a person at a terminal in development', () => {
    expect(wantsPrettyLogs({ NODE_ENV: 'development' }, { isTTY: true })).toBe(true);
    expect(wantsPrettyLogs({ NODE_ENV: 'development' }, { isTTY: false })).toBe(false);
    expect(wantsPrettyLogs({ NODE_ENV: 'production' }, { isTTY: true })).toBe(false);
  });

  it('write a request as one short line in a terminal', () => {
    const out = captured();
    const log = createLogger(
      { NODE_ENV: 'development', LOG_LEVEL: 'info' },
      { pretty: true, destination: out.stream },
    );
    log
      .child({ requestId: 'r-12345678' })
      .info({ method: 'POST', path: '/graphql', status: 200, ms: 12.4 }, 'request');
    log.warn({ operation: 'Customers', ms: 1500 }, 'slow operation');
    const lines = out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: POST \/graphql 200 12 ms$/);
    expect(lines[1]).toMatch(
      /^\[\d\d:\d\d:\d\d\] WARN: slow operation \(1500 ms\) \{"operation":"Customers"\}$/,
    );
  });

  it('write JSON, one object per line, for machines', () => {
    const out = captured();
    const log = createLogger({ NODE_ENV: 'production', LOG_LEVEL: 'info' }, { destination: out.stream });
    log.info({ method: 'GET', path: '/readyz', status: 200, ms: 3 }, 'request');
    expect(JSON.parse(out.text())).toMatchObject({ level: 30, msg: 'request', method: 'GET', status: 200 });
  });
});
