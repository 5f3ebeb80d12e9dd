import { Confidentiality, DocumentCategory, StaffRole } from '@dossier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Clock, localDateAt } from '../src/core/clock/clock.js';
import { loadEnv } from '../src/core/env.js';
import { parseGlobalId, toGlobalId } from '../src/core/graphql/global-id.js';
import { createLogger } from '../src/core/logger.js';
import { hashPassword } from '../src/modules/auth/passwords.js';
import { fileDocument } from '../src/modules/document/document.service.js';
import { Staff } from '../src/modules/staff/staff.entity.js';
import { type RunningDossier, startDossier } from '../src/server.js';
import { builders } from './builders.js';
import { testDatabase } from './harness.js';
import { httpGraphQL } from './http-graphql.js';

// Issue 10's acceptance of the documents archive, end to end over HTTP: GraphQL for the register and the
// decisions, GET /documents/:id/content for the bytes, on a clock the test moves.

const START = new Date('2026-11-30T02:00:00Z');
let now = START;
const clock: Clock = {
  timeZone: 'Asia/Shanghai',
  now: () => new Date(now),
  today: () => localDateAt(now, 'Asia/Shanghai'),
};
const hoursLater = (hours: number) => {
  now = new Date(START.getTime() + hours * 3_600_000);
};

const db = await testDatabase({ clock });
const build = builders(db.orm);
let dossier: RunningDossier;
let graphql: ReturnType<typeof httpGraphQL>;
let base: string;

/** The five roles of the matrix, with the customer's owner as the rep and the manager above them. */
const ROLES = ['SALES_REP', 'SALES_MANAGER', 'ANALYST', 'ARCHIVIST', 'ADMIN'] as const;
type Role = (typeof ROLES)[number];
const staff = {} as Record<Role | 'COLLEAGUE' | 'SALES_HEAD', Staff>;
const bearer = {} as Record<keyof typeof staff, Record<string, string>>;
let customerId: string;

async function signIn(key: keyof typeof staff, role: StaffRole, manager: Staff | null = null) {
  const email = `${key.toLowerCase()}@example.com`;
  staff[key] = await build.staff(
    {
      name: key,
      email,
      passwordHash: await hashPassword(`${key}-pass-1`),
      manager: manager ? build.ref(Staff, manager) : null,
    },
    role,
  );
  const { body } = await graphql<{ login: { token: string } }>(
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: email, p: `${key}-pass-1` },
  );
  bearer[key] = { authorization: `Bearer ${body.data?.login.token}` };
}

beforeAll(async () => {
  const env = loadEnv({ NODE_ENV: 'production', PORT: '0', DATABASE_URL: db.url, DOSSIER_SEED: 'none' });
  dossier = await startDossier(env, createLogger({ ...env, LOG_LEVEL: 'silent' }), clock);
  base = `http://127.0.0.1:${dossier.port}`;
  graphql = httpGraphQL(base);
  await signIn('SALES_HEAD', StaffRole.SALES_MANAGER);
  await signIn('SALES_MANAGER', StaffRole.SALES_MANAGER, staff.SALES_HEAD);
  await signIn('SALES_REP', StaffRole.SALES_REP, staff.SALES_MANAGER);
  await signIn('COLLEAGUE', StaffRole.SALES_REP, staff.SALES_MANAGER);
  await signIn('ANALYST', StaffRole.ANALYST);
  await signIn('ARCHIVIST', StaffRole.ARCHIVIST);
  await signIn('ADMIN', StaffRole.ADMIN);
  const customer = await build.customer({ owner: build.ref(Staff, staff.SALES_REP) });
  // The colleague who borrows in the approval cases works on one of the customer's projects, so the
  // dossier is theirs to read (need-to-know).
  await build.project(customer, { owner: build.ref(Staff, staff.COLLEAGUE) });
  customerId = toGlobalId('Customer', customer.id);
});

afterAll(() => dossier.stop());

/** Each level's document: INTERNAL minutes are lent on registration, CONFIDENTIAL proposals on approval. */
const CATEGORY: Record<Confidentiality, DocumentCategory> = {
  TOP_SECRET: DocumentCategory.LETTER,
  SECRET: DocumentCategory.PRICE_LIST,
  CONFIDENTIAL: DocumentCategory.PROPOSAL,
  INTERNAL: DocumentCategory.MINUTES,
};

/** A fresh document of the level in the rep's customer's dossier, past its retention. */
async function file(level: Confidentiality): Promise<string> {
  const document = await fileDocument(
    db.context({ viewer: staff.ARCHIVIST }),
    {
      customerId,
      category: CATEGORY[level],
      confidentiality: level,
      title: `${level} 文件`,
      documentDate: '2015-03-01',
      retentionYears: 5,
      fileName: `${level}.pdf`,
      mediaType: 'application/pdf',
    },
    Buffer.from(`%PDF-1.7 ${level}`),
  );
  return toGlobalId('Document', document.id);
}

/** A GraphQL answer's data, or its first error's code. */
async function run<T>(who: keyof typeof staff, query: string, variables: Record<string, unknown>) {
  const { body } = await graphql<T>(query, variables, { headers: bearer[who] });
  const code = body.errors?.[0]?.extensions?.code;
  return code ? { code: String(code) } : { data: body.data as T };
}

const MY_ACCESS =
  'query ($id: ID!) { document(id: $id) { version myAccess { view download borrow approveDestruction destroy } } }';

interface Access {
  view: boolean;
  download: boolean;
  borrow: boolean;
  approveDestruction: boolean;
  destroy: boolean;
}

async function myAccess(who: keyof typeof staff, id: string) {
  const answer = await run<{ document: { version: number; myAccess: Access } }>(who, MY_ACCESS, { id });
  if (!answer.data) throw new Error(`document(id) answered ${answer.code}`);
  return answer.data.document;
}

/** The error code of a refused content request's JSON answer. */
const codeOf = async (response: Response) =>
  ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code;

const content = (who: keyof typeof staff, id: string, download: boolean) =>
  fetch(`${base}/documents/${id}/content${download ? '?download' : ''}`, { headers: bearer[who] });

const REQUEST = 'mutation ($id: ID!) { requestDocumentLoan(documentId: $id) { id status version } }';
const DECIDE =
  'mutation ($id: ID!, $v: Int!) { decideDocumentLoan(id: $id, approve: true, expectedVersion: $v) { status } }';
const APPROVE_DESTRUCTION =
  'mutation ($id: ID!, $v: Int!) { approveDocumentDestruction(id: $id, expectedVersion: $v) { version } }';
const DESTROY =
  'mutation ($id: ID!, $v: Int!) { destroyDocument(id: $id, expectedVersion: $v) { documentId sha256 } }';

type Loan = { requestDocumentLoan: { id: string; status: string; version: number } };

/** What an action came to, and whether the screens offered it to the role beforehand (null: no flag). */
type Attempt = { outcome: string; offered: boolean | null };

/** The role's `myAccess` flag for the action, read just before `act` tries the action. */
async function attempt(
  role: Role,
  id: string,
  flag: keyof Access,
  act: () => Promise<string>,
): Promise<Attempt> {
  const offered = (await myAccess(role, id)).myAccess[flag];
  return { outcome: await act(), offered };
}

/** How the content came (`inline`, `attachment`), or the refusal's code: a refusal carries no disposition. */
async function served(role: Role, id: string, download: boolean): Promise<string> {
  const response = await content(role, id, download);
  const disposition = response.headers.get('content-disposition');
  if (!response.ok) {
    expect(disposition).toBeNull();
    return String(await codeOf(response));
  }
  return disposition?.split(';')[0] ?? 'none';
}

/**
 * Each action as the role tries it on a fresh document, answering what happened: how the content came
 * (`inline`, `attachment`), the loan's status, `DESTROYED`, or the refusal's code. Alongside, the action's
 * `myAccess` flag the role read just before (null where the action has none).
 */
const ACTIONS: Record<string, (role: Role, id: string) => Promise<Attempt>> = {
  view: (role, id) => attempt(role, id, 'view', () => served(role, id, false)),
  download: (role, id) => attempt(role, id, 'download', () => served(role, id, true)),
  borrow: (role, id) =>
    attempt(role, id, 'borrow', async () => {
      const answer = await run<Loan>(role, REQUEST, { id });
      if (!answer.data) return answer.code;
      const status = answer.data.requestDocumentLoan.status;
      // A loan on registration is a loan at once: the download follows.
      if (status === 'ON_LOAN') expect((await content(role, id, true)).status).toBe(200);
      return status;
    }),
  async approve(role, id) {
    const requested = await run<Loan>('COLLEAGUE', REQUEST, { id });
    if (!requested.data) return { outcome: `NOT_LENT(${requested.code})`, offered: null };
    const loan = requested.data.requestDocumentLoan;
    const seen = await run<{ node: { mayDecide: boolean } | null }>(
      role,
      'query ($id: ID!) { node(id: $id) { ... on DocumentLoan { mayDecide } } }',
      { id: loan.id },
    );
    const answer = await run<{ decideDocumentLoan: { status: string } }>(role, DECIDE, {
      id: loan.id,
      v: loan.version,
    });
    return {
      outcome: answer.data ? answer.data.decideDocumentLoan.status : answer.code,
      offered: seen.data?.node?.mayDecide ?? false,
    };
  },
  async destroy(role, id) {
    // Approved by a keeper other than the role, so a keeper's attempt is a lawful second pair of hands.
    const approver = role === 'ARCHIVIST' ? 'ADMIN' : 'ARCHIVIST';
    const approved = await run<{ approveDocumentDestruction: { version: number } }>(
      approver,
      APPROVE_DESTRUCTION,
      { id, v: (await myAccess(approver, id)).version },
    );
    const version = approved.data?.approveDocumentDestruction.version;
    return attempt(role, id, 'destroy', async () => {
      const answer = await run<{ destroyDocument: { documentId: string } }>(role, DESTROY, {
        id,
        v: version,
      });
      if (answer.data) expect(answer.data.destroyDocument.documentId).toBe(id);
      return answer.data ? 'DESTROYED' : answer.code;
    });
  },
};

/**
 * What DOMAIN.md's table says: one row per action and level, one column per role (the owner rep, the
 * manager above, analyst, archivist, admin). Written out by hand: the rules under test are not consulted.
 * `approve`: a colleague of the rep (same manager) asks to borrow and the role decides; an INTERNAL
 * document is lent on registration, so nothing is left to decide, and a rep or an analyst decides nothing
 * anyway. `NOT_LENT(…)`: the colleague's request itself was refused.
 */
const EXPECTED = `
  action    level          SALES_REP            SALES_MANAGER        ANALYST              ARCHIVIST            ADMIN
  view      TOP_SECRET     FORBIDDEN            FORBIDDEN            FORBIDDEN            inline               inline
  view      SECRET         inline               inline               inline               inline               inline
  view      CONFIDENTIAL   FORBIDDEN            FORBIDDEN            FORBIDDEN            inline               inline
  view      INTERNAL       FORBIDDEN            FORBIDDEN            FORBIDDEN            inline               inline
  download  TOP_SECRET     FORBIDDEN            FORBIDDEN            FORBIDDEN            FORBIDDEN            FORBIDDEN
  download  SECRET         FORBIDDEN            FORBIDDEN            FORBIDDEN            FORBIDDEN            FORBIDDEN
  download  CONFIDENTIAL   FORBIDDEN            FORBIDDEN            FORBIDDEN            attachment           attachment
  download  INTERNAL       FORBIDDEN            FORBIDDEN            FORBIDDEN            attachment           attachment
  borrow    TOP_SECRET     FORBIDDEN            FORBIDDEN            FORBIDDEN            FORBIDDEN            FORBIDDEN
  borrow    SECRET         FORBIDDEN            FORBIDDEN            FORBIDDEN            FORBIDDEN            FORBIDDEN
  borrow    CONFIDENTIAL   REQUESTED            REQUESTED            FORBIDDEN            REQUESTED            REQUESTED
  borrow    INTERNAL       ON_LOAN              ON_LOAN              FORBIDDEN            ON_LOAN              ON_LOAN
  approve   TOP_SECRET     NOT_LENT(FORBIDDEN)  NOT_LENT(FORBIDDEN)  NOT_LENT(FORBIDDEN)  NOT_LENT(FORBIDDEN)  NOT_LENT(FORBIDDEN)
  approve   SECRET         NOT_LENT(FORBIDDEN)  NOT_LENT(FORBIDDEN)  NOT_LENT(FORBIDDEN)  NOT_LENT(FORBIDDEN)  NOT_LENT(FORBIDDEN)
  approve   CONFIDENTIAL   FORBIDDEN            ON_LOAN              FORBIDDEN            ON_LOAN              ON_LOAN
  approve   INTERNAL       FORBIDDEN            BAD_USER_INPUT       FORBIDDEN            BAD_USER_INPUT       BAD_USER_INPUT
  destroy   TOP_SECRET     FORBIDDEN            FORBIDDEN            FORBIDDEN            DESTROYED            DESTROYED
  destroy   SECRET         FORBIDDEN            FORBIDDEN            FORBIDDEN            DESTROYED            DESTROYED
  destroy   CONFIDENTIAL   FORBIDDEN            FORBIDDEN            FORBIDDEN            DESTROYED            DESTROYED
  destroy   INTERNAL       FORBIDDEN            FORBIDDEN            FORBIDDEN            DESTROYED            DESTROYED
`;

/**
 * The table's cases as [level, role, action, expected], checked for shape first: the header names the
 * roles in ROLES' order, and each action × level has exactly one row, so no case can go missing unseen.
 */
function casesOf(table: string) {
  const [header, ...rows] = table
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  expect(header).toEqual(['action', 'level', ...ROLES]);
  const expectedRows = Object.keys(ACTIONS).flatMap((action) =>
    Object.values(Confidentiality).map((level) => `${action} ${level}`),
  );
  expect(rows.map((row) => `${row[0]} ${row[1]}`)).toEqual(expectedRows);
  return rows.flatMap(([action, level, ...outcomes]) => {
    expect(outcomes).toHaveLength(ROLES.length);
    return ROLES.map(
      (role, i) => [level as Confidentiality, role, action as string, outcomes[i] as string] as const,
    );
  });
}

const OK = new Set(['inline', 'attachment', 'REQUESTED', 'ON_LOAN', 'DESTROYED']);

const CASES = casesOf(EXPECTED);

describe(`documents: ${CASES.length} cases of level × role × action`, () => {
  it.each(CASES)('%s × %s × %s → %s', async (level, role, action, expected) => {
    const { outcome, offered } = await (ACTIONS[action] as (typeof ACTIONS)[string])(role, await file(level));
    expect(outcome).toBe(expected);
    // What the screens offer (myAccess, mayDecide) is what the server then does.
    if (offered !== null) expect(offered, 'offered').toBe(OK.has(outcome));
  });
});

describe('a CONFIDENTIAL loan', () => {
  it('runs out 4 hours after its approval, on the clock', async () => {
    const id = await file(Confidentiality.CONFIDENTIAL);
    try {
      expect(
        (
          await run(
            'SALES_REP',
            'mutation ($id: ID!) { requestDocumentLoan(documentId: $id, hours: 5) { id } }',
            { id },
          )
        ).code,
      ).toBe('BAD_USER_INPUT');
      const requested = await run<Loan>('SALES_REP', REQUEST, { id });
      const loan = requested.data?.requestDocumentLoan;
      hoursLater(1);
      expect(
        (
          await run(
            'SALES_MANAGER',
            'mutation ($id: ID!, $v: Int!) { decideDocumentLoan(id: $id, approve: true, expectedVersion: $v) { dueAt } }',
            { id: loan?.id, v: loan?.version },
          )
        ).data,
      ).toEqual({ decideDocumentLoan: { dueAt: '2026-11-30T07:00:00.000Z' } });

      hoursLater(4.99);
      expect((await content('SALES_REP', id, true)).headers.get('content-disposition')).toMatch(
        /^attachment; /,
      );
      expect((await myAccess('SALES_REP', id)).myAccess).toMatchObject({
        view: true,
        download: true,
        borrow: false,
      });

      hoursLater(5);
      const expired = await content('SALES_REP', id, true);
      expect(expired.status).toBe(403);
      expect((await content('SALES_REP', id, false)).status).toBe(403);
      expect((await myAccess('SALES_REP', id)).myAccess).toMatchObject({
        view: false,
        download: false,
        borrow: true,
      });
      const register = await run<{ loanRegister: { nodes: Array<{ id: string; status: string }> } }>(
        'SALES_REP',
        'query ($id: ID!) { loanRegister(filter: { documentId: $id, statuses: [EXPIRED] }) { nodes { id status } } }',
        { id },
      );
      expect(register.data?.loanRegister.nodes).toEqual([{ id: loan?.id, status: 'EXPIRED' }]);
    } finally {
      hoursLater(0);
    }
  });
});

describe('a destroyed document', () => {
  it('keeps its record, loses its bytes, and every way to its content answers NOT_FOUND', async () => {
    const id = await file(Confidentiality.INTERNAL);
    const uuid = parseGlobalId(id)?.id;
    const stored = () =>
      db.orm.em
        .fork()
        .execute('select count(*)::int as n from document_content where document_id = ?', [uuid]);
    expect(await stored()).toEqual([{ n: 1 }]);
    const lent = (await run<Loan>('SALES_REP', REQUEST, { id })).data?.requestDocumentLoan;
    const version = (await myAccess('ARCHIVIST', id)).version;
    const approved = await run<{ approveDocumentDestruction: { version: number } }>(
      'ARCHIVIST',
      APPROVE_DESTRUCTION,
      {
        id,
        v: version,
      },
    );
    const destroyed = await run<{ destroyDocument: { documentId: string; sha256: string } }>(
      'ADMIN',
      DESTROY,
      {
        id,
        v: approved.data?.approveDocumentDestruction.version,
      },
    );
    expect(destroyed.data?.destroyDocument.documentId).toBe(id);

    expect(await stored()).toEqual([{ n: 0 }]);
    const kept = await db.orm.em
      .fork()
      .execute(
        'select sha256, approved_by_id, carried_out_by_id from document_destruction where document_id = ?',
        [uuid],
      );
    expect(kept).toEqual([
      {
        sha256: destroyed.data?.destroyDocument.sha256,
        approved_by_id: staff.ARCHIVIST.id,
        carried_out_by_id: staff.ADMIN.id,
      },
    ]);

    const records = await run<{ documentDestructions: { nodes: Array<Record<string, unknown>> } }>(
      'ARCHIVIST',
      'query { documentDestructions(first: 200) { nodes { documentId title level sha256 approvedBy { name } carriedOutBy { name } customer { id } } } }',
      {},
    );
    expect(records.data?.documentDestructions.nodes).toContainEqual({
      documentId: id,
      title: 'INTERNAL 文件',
      level: 'INTERNAL',
      sha256: destroyed.data?.destroyDocument.sha256,
      approvedBy: { name: 'ARCHIVIST' },
      carriedOutBy: { name: 'ADMIN' },
      customer: { id: customerId },
    });

    for (const who of ['ADMIN', 'ARCHIVIST', 'SALES_REP'] as const)
      for (const download of [false, true]) {
        const response = await content(who, id, download);
        expect([who, download, response.status]).toEqual([who, download, 404]);
        expect(await codeOf(response)).toBe('NOT_FOUND');
      }
    const notFound = async (who: keyof typeof staff, query: string, variables: Record<string, unknown>) =>
      expect((await run(who, query, variables)).code, query).toBe('NOT_FOUND');
    await notFound('ADMIN', MY_ACCESS, { id });
    await notFound('COLLEAGUE', REQUEST, { id });
    await notFound('ARCHIVIST', APPROVE_DESTRUCTION, { id, v: 3 });
    await notFound('ARCHIVIST', DESTROY, { id, v: 3 });
    await notFound(
      'SALES_REP',
      'mutation ($id: ID!, $v: Int!) { returnDocumentLoan(id: $id, expectedVersion: $v) { id } }',
      { id: lent?.id, v: lent?.version },
    );
    const gone = await run<Record<string, unknown>>(
      'ADMIN',
      `query ($id: ID!, $loan: ID!, $customer: ID!) {
        document: node(id: $id) { id }
        loan: node(id: $loan) { id }
        loanRegister(filter: { documentId: $id }) { totalCount }
        documentsPastRetention { id }
        customer: node(id: $customer) { ... on Customer { documents(first: 200) { nodes { id } } } }
      }`,
      { id, loan: lent?.id, customer: customerId },
    );
    expect(gone.data).toMatchObject({ document: null, loan: null, loanRegister: { totalCount: 0 } });
    const listed = gone.data as {
      documentsPastRetention: Array<{ id: string }>;
      customer: { documents: { nodes: Array<{ id: string }> } };
    };
    expect(listed.documentsPastRetention.map((d) => d.id)).not.toContain(id);
    expect(listed.customer.documents.nodes.map((d) => d.id)).not.toContain(id);
  });
});
