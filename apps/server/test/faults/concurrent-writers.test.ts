import { randomBytes } from 'node:crypto';
import { RelationshipState, StaffRole } from '@dossier/domain';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SET_RELATIONSHIP_STATE } from '../../bench/http/documents.js';
import { type RunningServer, startServer } from '../../bench/http/servers.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../../src/core/database/database-url.js';
import { ormConfig } from '../../src/core/database/orm.js';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { openSession } from '../../src/modules/auth/session.store.js';
import { Staff } from '../../src/modules/staff/staff.entity.js';
import { builders } from '../builders.js';
import { httpGraphQL } from '../http-graphql.js';

// Issue 12, "Concurrency": many people record the relationships of one customer's map at the same moment,
// each with the version they read just before. Optimistic locking lets exactly one of the writers of a
// version through and refuses the others with VERSION_CONFLICT: no update is lost, and the history holds
// one change per acknowledged write and none for a refused one. Real HTTP against a real server process.
const CLIENTS = 50;
const WRITES_PER_CLIENT = 100;
const adminUrl = inject('adminUrl');
const database = `dossier_faults_${randomBytes(6).toString('hex')}`;
const url = withDatabase(adminUrl, database);
let orm: MikroORM;
let server: RunningServer | undefined;

/** The next state a client asks for: always a different one, so every acknowledged write is a change. */
const NEXT: Record<RelationshipState, RelationshipState> = {
  [RelationshipState.POSITIVE]: RelationshipState.NEUTRAL,
  [RelationshipState.NEUTRAL]: RelationshipState.NEGATIVE,
  [RelationshipState.NEGATIVE]: RelationshipState.NONE,
  [RelationshipState.NONE]: RelationshipState.POSITIVE,
};

const READ = `query ($id: ID!) { node(id: $id) { ... on Relationship { state version } } }`;

interface Link {
  id: string;
  keyPersonId: string;
  staffId: string;
}

/**
 * One customer's map: five key persons, each known to the customer's two reps (ten relationships). The
 * writers are everyone who may record those links: the reps' team lead, the team lead's regional manager
 * above them, and two admins, each signed in on several devices.
 */
async function customerMap() {
  const build = builders(orm);
  const region = await build.staff({}, StaffRole.SALES_MANAGER);
  const lead = await build.staff({ manager: build.ref(Staff, region) }, StaffRole.SALES_MANAGER);
  const reps = [
    await build.staff({ manager: build.ref(Staff, lead) }),
    await build.staff({ manager: build.ref(Staff, lead) }),
  ];
  const customer = await build.customer({ owner: build.ref(Staff, reps[0] as Staff) });
  const links: Link[] = [];
  for (let n = 0; n < 5; n += 1) {
    const keyPerson = await build.keyPerson(customer);
    for (const rep of reps) {
      const relationship = await build.relationship(keyPerson, rep, RelationshipState.NEUTRAL);
      links.push({ id: relationship.id, keyPersonId: keyPerson.id, staffId: rep.id });
    }
  }
  const writers = [
    region,
    lead,
    await build.staff({}, StaffRole.ADMIN),
    await build.staff({}, StaffRole.ADMIN),
  ];
  return { links, writers };
}

const versions = async (ids: string[]) =>
  new Map(
    (
      await orm.em
        .fork()
        .getConnection()
        .execute<Array<{ id: string; version: number }>>(
          'select id, version from relationship where id in (?)',
          [ids],
        )
    ).map((row) => [row.id, row.version]),
  );

const changeRows = async (ids: string[]) =>
  new Map(
    (
      await orm.em
        .fork()
        .getConnection()
        .execute<Array<{ entity_id: string; n: number }>>(
          `select entity_id, count(*)::int as n from change
           where entity_type = 'Relationship' and entity_id in (?) group by entity_id`,
          [ids],
        )
    ).map((row) => [row.entity_id, row.n]),
  );

beforeAll(async () => {
  await ensureDatabase(adminUrl, database, inject('templateDatabase'));
  orm = await MikroORM.init(ormConfig(url));
  server = await startServer({
    name: 'dossier',
    args: ['scripts/run.mjs', 'src/main.ts'],
    env: {
      DATABASE_URL: url,
      NODE_ENV: 'production',
      DOSSIER_SEED: 'none',
      LOG_LEVEL: 'warn',
      // 50 sessions of four people sending 10,000 requests in well under a minute.
      DOSSIER_RATE_LIMIT: '100000000',
    },
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await orm?.close();
  await dropDatabase(adminUrl, database);
});

describe('50 people recording the same ten relationships at once', () => {
  it('lose no update: every write is acknowledged or refused with VERSION_CONFLICT, and history matches', async () => {
    const { links, writers } = await customerMap();
    const ids = links.map((link) => link.id);
    const before = { versions: await versions(ids), changes: await changeRows(ids) };
    const tokens: string[] = [];
    for (let n = 0; n < CLIENTS; n += 1) {
      tokens.push((await openSession(orm.em.fork(), (writers[n % writers.length] as Staff).id)).token);
    }
    const graphql = httpGraphQL((server as RunningServer).url.replace(/\/graphql$/, ''));
    const successes = new Map(ids.map((id) => [id, 0]));
    const outcomes: Record<string, number> = {};

    async function client(token: string, offset: number) {
      const headers = { authorization: `Bearer ${token}` };
      for (let n = 0; n < WRITES_PER_CLIENT; n += 1) {
        const link = links[(offset + n) % links.length] as Link;
        const read = await graphql<{ node: { state: RelationshipState; version: number } }>(
          READ,
          { id: toGlobalId('Relationship', link.id) },
          { headers },
        );
        expect(read.body.errors).toBeUndefined();
        const current = read.body.data?.node as { state: RelationshipState; version: number };
        const written = await graphql<{ setRelationshipState: { version: number } }>(
          SET_RELATIONSHIP_STATE,
          {
            input: {
              keyPersonId: toGlobalId('KeyPerson', link.keyPersonId),
              staffId: toGlobalId('Staff', link.staffId),
              state: NEXT[current.state],
              expectedVersion: current.version,
            },
          },
          { headers },
        );
        const code = String(written.body.errors?.[0]?.extensions?.code ?? 'OK');
        outcomes[code] = (outcomes[code] ?? 0) + 1;
        if (code === 'OK') {
          expect(written.body.data?.setRelationshipState.version).toBeGreaterThan(current.version);
          successes.set(link.id, (successes.get(link.id) ?? 0) + 1);
        }
      }
    }
    await Promise.all(tokens.map((token, n) => client(token, n)));

    // Nothing but acknowledgements and version conflicts; both happened (the clients did collide).
    expect(Object.keys(outcomes).sort()).toEqual(['OK', 'VERSION_CONFLICT']);
    expect((outcomes.OK ?? 0) + (outcomes.VERSION_CONFLICT ?? 0)).toBe(CLIENTS * WRITES_PER_CLIENT);
    const after = { versions: await versions(ids), changes: await changeRows(ids) };
    const expected = (from: Map<string, number>) =>
      Object.fromEntries(ids.map((id) => [id, (from.get(id) ?? 0) + (successes.get(id) ?? 0)]));
    expect(Object.fromEntries(after.versions)).toEqual(expected(before.versions));
    expect(Object.fromEntries(after.changes)).toEqual(expected(before.changes));
  }, 600_000);
});
