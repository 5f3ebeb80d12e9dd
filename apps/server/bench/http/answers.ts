import { isDeepStrictEqual } from 'node:util';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { DOSSIER, DOSSIER_LIST } from './documents.js';
import type { Fixtures } from './fixtures.js';
import { post } from './measure.js';
import { PG_DOSSIER, PG_DOSSIER_LIST, postgraphileCounts } from './postgraphile-documents.js';
import { type Kind, PAGE_SIZE } from './scenarios.js';
import type { RunningServer } from './servers.js';

/** The raw-SQL server's answers to scenarios 1 and 2, which the other servers' are held against. */
export interface Answers {
  list?: unknown;
  dossier?: unknown;
}

async function ask(server: RunningServer, token: string, body: object): Promise<unknown> {
  const { status, text } = await post(server, token, JSON.stringify(body));
  const answer = JSON.parse(text) as { errors?: unknown };
  if (status !== 200 || answer.errors)
    throw new Error(`${server.name} answered ${status}: ${text.slice(0, 500)}`);
  return answer;
}

/** The customers, key persons, relationships and roles a scenario 1 answer in our schema lists. */
function ourCounts(answer: unknown) {
  type Person = { relationships: unknown[]; roles: unknown[] };
  const nodes = (answer as { data: { customers: { nodes: Array<{ name: string; keyPersons: Person[] }> } } })
    .data.customers.nodes;
  const persons = nodes.flatMap((c) => c.keyPersons);
  return {
    customers: nodes.map((c) => c.name),
    keyPersons: persons.length,
    relationships: persons.reduce((n, p) => n + p.relationships.length, 0),
    roles: persons.reduce((n, p) => n + p.roles.length, 0),
  };
}

const differ = (name: string, ours: unknown, theirs: unknown) =>
  new Error(
    `${name} and the raw-SQL server answer differently:\n${name}: ${JSON.stringify(ours).slice(0, 800)}\n` +
      `raw SQL: ${JSON.stringify(theirs).slice(0, 800)}`,
  );

/**
 * Once before timing, before anything is written: the raw-SQL server's answers to scenarios 1 and 2 are
 * kept; our server's must be the same JSON, and PostGraphile's list the same customers in the same order
 * with as many key persons, relationships and roles (its ids and field names are its own). Our server with
 * batching off runs the same code and comes after the writes: it is not compared.
 */
export async function assertSameAnswers(
  kind: Kind,
  server: RunningServer,
  fixtures: Fixtures,
  answers: Answers,
): Promise<void> {
  const customerId = fixtures.customerIds[0] as string;
  if (kind === 'unbatched') return;
  if (kind === 'postgraphile') {
    const list = await ask(server, fixtures.token, {
      query: PG_DOSSIER_LIST,
      variables: { manager: fixtures.managerId, first: PAGE_SIZE },
    });
    await ask(server, fixtures.token, { query: PG_DOSSIER, variables: { id: customerId } });
    if (!answers.list) return;
    const [ours, theirs] = [ourCounts(answers.list), postgraphileCounts(list)];
    if (!isDeepStrictEqual(ours, theirs)) throw differ(server.name, theirs, ours);
    return;
  }
  const list = await ask(server, fixtures.token, {
    query: DOSSIER_LIST,
    variables: { first: PAGE_SIZE },
    operationName: 'DossierList',
  });
  const dossier = await ask(server, fixtures.token, {
    query: DOSSIER,
    variables: { id: toGlobalId('Customer', customerId) },
    operationName: 'Dossier',
  });
  if (kind === 'raw') {
    Object.assign(answers, { list, dossier });
    return;
  }
  if (!answers.list) return;
  if (!isDeepStrictEqual(list, answers.list)) throw differ(`${server.name} (scenario 1)`, list, answers.list);
  if (!isDeepStrictEqual(dossier, answers.dossier)) {
    throw differ(`${server.name} (scenario 2)`, dossier, answers.dossier);
  }
}
