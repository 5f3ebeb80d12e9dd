import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadEnv } from '../src/core/env.js';
import { createLogger } from '../src/core/logger.js';
import { type RunningDossier, startDossier } from '../src/server.js';
import { DEMO_REP } from './e2e/browser-harness.js';
import { testDatabase } from './harness.js';
import { httpGraphQL } from './http-graphql.js';

// Issue 16: the server's log of a run that reads dossiers holds none of the demo's phone numbers,
// e-mail addresses or profile texts, at the most talkative level a person would turn on.
const db = await testDatabase();
let dossier: RunningDossier;
let log = '';

beforeAll(async () => {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      log += String(chunk);
      done();
    },
  });
  const env = loadEnv({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: db.url, DOSSIER_SEED: 'demo' });
  dossier = await startDossier(
    env,
    createLogger({ NODE_ENV: 'production', LOG_LEVEL: 'debug' }, { destination }),
  );
}, 120_000);
afterAll(() => dossier?.stop());

const PEOPLE = `query People($search: String) {
  keyPersons(first: 100, filter: { search: $search }) {
    nodes { name mobile officePhone email profile { personality interests family education background notes } }
  }
}`;

interface People {
  keyPersons: { nodes: Array<{ mobile: string | null; profile: { interests: string | null } | null }> };
}

/** Every phone number, e-mail address and profile text of the demo's key persons. */
async function personalData(): Promise<string[]> {
  const rows = await db.orm.em
    .fork()
    .getConnection()
    .execute<Array<{ value: string }>>(
      `select distinct value from key_person, lateral (values (mobile), (office_phone), (email),
       (profile_personality), (profile_interests), (profile_family), (profile_education),
       (profile_background), (profile_notes)) as v(value)
     where value is not null and length(value) >= 4`,
    );
  return rows.map((row) => row.value);
}

it('keeps key persons’ phones, e-mails and profiles out of the log of a rep reading dossiers', async () => {
  const graphql = httpGraphQL(`http://127.0.0.1:${dossier.port}`);
  const { body: signedIn } = await graphql<{ login: { token: string } }>(
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: DEMO_REP.email, p: DEMO_REP.password },
  );
  const auth = { headers: { authorization: `Bearer ${signedIn.data?.login.token}` } };

  const { body } = await graphql<People>(PEOPLE, {}, auth);
  const people = body.data?.keyPersons.nodes ?? [];
  const mobile = people.find((person) => person.mobile)?.mobile;
  expect(people.some((person) => person.profile?.interests)).toBe(true);
  if (!mobile) throw new Error('the rep sees no key person with a mobile number');
  // A phone number typed into the search, and the same in an operation the server refuses.
  const { body: searched } = await graphql<People>(PEOPLE, { search: mobile }, auth);
  expect(searched.errors).toBeUndefined();
  const { body: refused } = await graphql(
    `{ keyPersons(filter: { search: "${mobile}" }) { nodes { salary } } }`,
    {},
    auth,
  );
  expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

  // The log did capture the run: the sign-in and the three requests after it.
  expect(log.match(/"path":"\/graphql","status":\d+,/g)?.length).toBe(4);
  const secrets = await personalData();
  expect(secrets.length).toBeGreaterThan(100);
  expect(secrets.filter((secret) => log.includes(secret))).toEqual([]);
}, 60_000);
