import { StaffRole } from '@dossier/domain';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { ormConfig } from '../../src/core/database/orm.js';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { hashPassword } from '../../src/modules/auth/passwords.js';
import { builders } from '../builders.js';
import { httpGraphQL } from '../http-graphql.js';

/** One relationship per connection of the load: a writer never races another, so every conflict is its own. */
export interface Link {
  id: string;
  keyPersonId: string;
  staffId: string;
}

export interface Dataset {
  links: Link[];
  email: string;
  password: string;
}

/** A write the client saw succeed: the relationship now has `version` and `note`. */
export interface Ack {
  id: string;
  version: number;
  note: string;
}

/**
 * Each request the load sent: when it was sent (epoch ms), how long it took, its HTTP status (0: no answer)
 * and its code ('OK' when it succeeded).
 */
export interface Outcome {
  sentAt: number;
  ms: number;
  status: number;
  code: string;
}

const SET_STATE = `mutation ($input: SetRelationshipStateInput!) {
  setRelationshipState(input: $input) { id version note }
}`;

/** An admin (who may record any link) and `count` relationships of a customer's key persons. */
export async function prepareDataset(url: string, count: number): Promise<Dataset> {
  const orm = await MikroORM.init(ormConfig(url));
  try {
    const build = builders(orm);
    const password = 'faults under load';
    const admin = await build.staff({ passwordHash: await hashPassword(password) }, StaffRole.ADMIN);
    const customer = await build.customer();
    const links: Link[] = [];
    for (let i = 0; i < count; i++) {
      const keyPerson = await build.keyPerson(customer);
      const relationship = await build.relationship(keyPerson, admin);
      links.push({
        id: relationship.id,
        keyPersonId: toGlobalId('KeyPerson', keyPerson.id),
        staffId: toGlobalId('Staff', admin.id),
      });
    }
    return { links, email: admin.email, password };
  } finally {
    await orm.close();
  }
}

export async function signIn(base: string, dataset: Dataset): Promise<string> {
  const { body } = await httpGraphQL(base)<{ login: { token: string } }>(
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: dataset.email, p: dataset.password },
  );
  const token = body.data?.login.token;
  if (!token) throw new Error(`login failed: ${JSON.stringify(body.errors)}`);
  return token;
}

interface Answer {
  data?: { setRelationshipState?: { version: number; note: string } } | null;
  errors?: Array<{ extensions?: { code?: string; currentVersion?: number } }>;
}

/**
 * One writer per link, each sending its next versioned write as soon as the last was answered (100 ms
 * later after a failure): `setRelationshipState` with a new note. A VERSION_CONFLICT tells the writer the
 * current version (a write whose answer it never saw did commit); anything else it retries as it was.
 */
export function startWriteLoad(base: string, token: string, links: Link[]) {
  let running = true;
  const acks: Ack[] = [];
  const outcomes: Outcome[] = [];
  const writer = async (link: Link, index: number) => {
    let version = 1;
    for (let n = 0; running; n++) {
      const note = `writer ${index} write ${n}`;
      const sentAt = Date.now();
      const started = performance.now();
      let status = 0;
      let code = 'NO_ANSWER';
      try {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: SET_STATE,
            variables: {
              input: {
                keyPersonId: link.keyPersonId,
                staffId: link.staffId,
                state: 'POSITIVE',
                note,
                expectedVersion: version,
              },
            },
          }),
          signal: AbortSignal.timeout(120_000),
        });
        status = response.status;
        const answer = (await response.json()) as Answer;
        const written = answer.data?.setRelationshipState;
        const error = answer.errors?.[0]?.extensions;
        if (written && !answer.errors) {
          code = 'OK';
          version = written.version;
          acks.push({ id: link.id, version: written.version, note: written.note });
        } else {
          code = error?.code ?? 'NO_CODE';
          if (code === 'VERSION_CONFLICT' && typeof error?.currentVersion === 'number')
            version = error.currentVersion;
        }
      } catch {
        // No answer: the connection was refused or cut (the server was killed).
      }
      outcomes.push({ sentAt, ms: performance.now() - started, status, code });
      if (code !== 'OK') await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const writers = Promise.all(links.map(writer));
  return {
    acks,
    outcomes,
    async stop(): Promise<{ acks: Ack[]; outcomes: Outcome[] }> {
      running = false;
      await writers;
      return { acks, outcomes };
    },
  };
}

export interface Consistency {
  /** Acknowledged writes with no committed change recording their note. */
  missingAcks: number;
  /** Relationships whose version is below one the client was told. */
  versionsBehind: number;
  /** Relationships whose count of recorded changes differs from the versions they went through. */
  historyMismatches: number;
  /** Relationships whose note is not the one their latest change recorded. */
  notesNotLatest: number;
  /** Changes with no field changes, field changes with no change, changes of relationships that do not exist. */
  partialRows: number;
}

/**
 * What PostgreSQL holds after the load, checked by queries: every acknowledged write is there, and every
 * relationship's history matches its versions (the builder wrote version 1 with its CREATE change, each
 * later version one UPDATE change with the note's value after it).
 */
export async function checkConsistency(url: string, links: Link[], acks: Ack[]): Promise<Consistency> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = links.map((link) => link.id);
    const one = async (sql: string, params: unknown[]) =>
      Number((await client.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
    const missingAcks = await one(
      `select count(*) as n from unnest($1::uuid[], $2::text[]) as ack(id, note)
       where not exists (
         select from change c join field_change f on f.change_id = c.id
         where c.entity_type = 'Relationship' and c.entity_id = ack.id and f.field = 'note' and f.after = ack.note)`,
      [acks.map((ack) => ack.id), acks.map((ack) => ack.note)],
    );
    const versionsBehind = await one(
      `select count(*) as n from (select id, max(version) as version from unnest($1::uuid[], $2::int[])
         as ack(id, version) group by id) ack join relationship r on r.id = ack.id where r.version < ack.version`,
      [acks.map((ack) => ack.id), acks.map((ack) => ack.version)],
    );
    const historyMismatches = await one(
      `select count(*) as n from relationship r where r.id = any($1) and r.version <> (
         select count(*) from change c where c.entity_type = 'Relationship' and c.entity_id = r.id)`,
      [ids],
    );
    const notesNotLatest = await one(
      `select count(*) as n from relationship r where r.id = any($1) and r.version > 1 and r.note is distinct from (
         select f.after from change c join field_change f on f.change_id = c.id and f.field = 'note'
         where c.entity_type = 'Relationship' and c.entity_id = r.id order by c.at desc, c.id desc limit 1)`,
      [ids],
    );
    const partialRows = await one(
      `select (select count(*) from change c where c.entity_type = 'Relationship' and c.action = 'UPDATE'
                 and not exists (select from field_change f where f.change_id = c.id))
            + (select count(*) from field_change f where not exists (select from change c where c.id = f.change_id))
            + (select count(*) from change c where c.entity_type = 'Relationship'
                 and not exists (select from relationship r where r.id = c.entity_id)) as n`,
      [],
    );
    return { missingAcks, versionsBehind, historyMismatches, notesNotLatest, partialRows };
  } finally {
    await client.end();
  }
}

/** The slowest answer and the count of each code, for the report. */
export function summary(outcomes: Outcome[]): {
  medianMs: number;
  slowestMs: number;
  codes: Record<string, number>;
} {
  const codes: Record<string, number> = {};
  for (const outcome of outcomes) codes[outcome.code] = (codes[outcome.code] ?? 0) + 1;
  const ms = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
  return {
    medianMs: Math.round(ms[Math.floor(ms.length / 2)] ?? 0),
    slowestMs: Math.round(ms.at(-1) ?? 0),
    codes,
  };
}
