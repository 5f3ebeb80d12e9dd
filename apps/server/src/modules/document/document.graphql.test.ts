import { Confidentiality, DocumentCategory, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { parseGlobalId, toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { fileDocument } from './document.service.js';

const clock = fixedClock('2026-11-30T02:00:00Z');
const db = await testDatabase({ clock });
const build = builders(db.orm);
let manager: Staff;
let rep: Staff;
let archivist: Staff;
let analyst: Staff;

beforeAll(async () => {
  manager = await build.staff({ name: '部门经理' }, StaffRole.SALES_MANAGER);
  rep = await build.staff({ name: '代表', manager: build.ref(Staff, manager) });
  archivist = await build.staff({ name: '档案员' }, StaffRole.ARCHIVIST);
  analyst = await build.staff({ name: '分析员' }, StaffRole.ANALYST);
});

async function file(customer: Customer, level: Confidentiality, documentDate = '2026-11-01') {
  const document = await fileDocument(
    db.context({ viewer: archivist }),
    {
      customerId: toGlobalId('Customer', customer.id),
      category: DocumentCategory.PROPOSAL,
      confidentiality: level,
      title: `${level} 方案`,
      documentDate,
      retentionYears: 1,
      fileName: '方案.pdf',
      mediaType: 'application/pdf',
    },
    Buffer.from(`%PDF-1.7 ${level}`),
  );
  return toGlobalId('Document', document.id);
}

const DOCUMENTS = `query ($id: ID!) {
  node(id: $id) { ... on Customer { documents(first: 10) { totalCount nodes {
    id title level size mediaType sha256 retentionUntil pastRetention contentUrl filedBy { name }
    myAccess { view download borrow approveDestruction destroy }
  } } } }
}`;

describe('documents through GraphQL', () => {
  it("lists a dossier's documents with what the viewer may do now", async () => {
    const customer = await build.customer({ owner: build.ref(Staff, rep) });
    const secret = await file(customer, Confidentiality.SECRET);
    const internal = await file(customer, Confidentiality.INTERNAL, '2020-01-02');
    const result = await db.execute<{
      node: { documents: { totalCount: number; nodes: Array<Record<string, unknown>> } };
    }>(DOCUMENTS, { id: toGlobalId('Customer', customer.id) }, { viewer: rep });
    expect(result.errors).toBeUndefined();
    const documents = result.data?.node.documents;
    expect(documents?.totalCount).toBe(2);
    // Filed at the same instant on the pinned clock: the list's order among them is the id's.
    const byId = (id: string) => documents?.nodes.find((d) => d.id === id);
    expect(byId(internal)).toMatchObject({
      level: 'INTERNAL',
      retentionUntil: '2021-01-02',
      pastRetention: true,
      contentUrl: `/documents/${encodeURIComponent(internal)}/content`,
      filedBy: { name: '档案员' },
      myAccess: { view: false, download: false, borrow: true, approveDestruction: false, destroy: false },
    });
    expect(byId(secret)).toMatchObject({
      level: 'SECRET',
      myAccess: { view: true, download: false, borrow: false },
    });
  });

  it('reads the documents of many dossiers in the same number of statements', async () => {
    const customers = await Promise.all(
      Array.from({ length: 6 }, () => build.customer({ owner: build.ref(Staff, rep) })),
    );
    for (const customer of customers) await file(customer, Confidentiality.INTERNAL);
    const query = `query ($first: Int!) { customers(first: $first) { nodes { documents(first: 5) {
      totalCount nodes { id customer { id } filedBy { id } myAccess { view borrow } } } } } }`;
    const statements = async (first: number) =>
      (
        await db.captureSql(async () => {
          const result = await db.execute(query, { first }, { viewer: rep });
          expect(result.errors).toBeUndefined();
        })
      ).length;
    expect(await statements(6)).toBe(await statements(2));
  });

  it('takes a loan from request through approval to the register and back', async () => {
    const customer = await build.customer({ owner: build.ref(Staff, rep) });
    const document = await file(customer, Confidentiality.CONFIDENTIAL);
    const requested = await db.execute<{
      requestDocumentLoan: { id: string; status: string; version: number };
    }>(
      'mutation ($id: ID!) { requestDocumentLoan(documentId: $id, hours: 2) { id status version approval } }',
      { id: document },
      { viewer: rep },
    );
    expect(requested.data?.requestDocumentLoan).toMatchObject({
      status: 'REQUESTED',
      approval: 'DEPARTMENT_HEAD',
    });
    const loan = requested.data?.requestDocumentLoan.id;

    const pending = await db.execute<{ loanRegister: { nodes: Array<{ id: string; mayDecide: boolean }> } }>(
      'query { loanRegister(filter: { statuses: [REQUESTED] }) { nodes { id mayDecide document { title } } } }',
      {},
      { viewer: manager },
    );
    expect(pending.data?.loanRegister.nodes).toEqual([
      { id: loan, mayDecide: true, document: { title: 'CONFIDENTIAL 方案' } },
    ]);

    const decided = await db.execute<{ decideDocumentLoan: { status: string; dueAt: string } }>(
      'mutation ($id: ID!) { decideDocumentLoan(id: $id, approve: true, expectedVersion: 1) { status dueAt decidedBy { name } } }',
      { id: loan },
      { viewer: manager },
    );
    expect(decided.data?.decideDocumentLoan).toEqual({
      status: 'ON_LOAN',
      dueAt: '2026-11-30T04:00:00.000Z',
      decidedBy: { name: '部门经理' },
    });
    const stale = await db.execute(
      'mutation ($id: ID!) { returnDocumentLoan(id: $id, expectedVersion: 1) { id } }',
      { id: loan },
      { viewer: rep },
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
    const returned = await db.execute<{ returnDocumentLoan: { status: string } }>(
      'mutation ($id: ID!) { returnDocumentLoan(id: $id, expectedVersion: 2) { status } }',
      { id: loan },
      { viewer: rep },
    );
    expect(returned.data?.returnDocumentLoan.status).toBe('RETURNED');
    const mine = await db.execute<{ loanRegister: { totalCount: number } }>(
      'query { loanRegister(filter: { statuses: [RETURNED], levels: [CONFIDENTIAL] }) { totalCount } }',
      {},
      { viewer: analyst },
    );
    expect(mine.data?.loanRegister.totalCount).toBe(0);
  });

  it("records the document and its loan in the dossier's history, under DOCUMENTS", async () => {
    const customer = await build.customer({ owner: build.ref(Staff, rep) });
    const document = await file(customer, Confidentiality.INTERNAL);
    await db.execute(
      'mutation ($id: ID!) { requestDocumentLoan(documentId: $id, hours: 3) { id } }',
      { id: document },
      { viewer: rep },
    );
    const result = await db.execute<{
      node: {
        history: {
          nodes: Array<{
            entityType: string;
            actor: { name: string };
            changes: Array<Record<string, unknown>>;
          }>;
        };
      };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on Customer { history(sections: [DOCUMENTS]) { nodes {
        entityType actor { name } changes { field after afterName } } } } } }`,
      { id: toGlobalId('Customer', customer.id) },
      { viewer: rep },
    );
    // Both written at the pinned clock's instant: their order in the history is the ids'.
    const changes = result.data?.node.history.nodes ?? [];
    const of = (type: string) => changes.find((change) => change.entityType === type);
    expect(changes).toHaveLength(2);
    expect(of('Document')?.actor.name).toBe('档案员');
    expect(of('Document')?.changes).toContainEqual({
      field: 'confidentiality',
      after: 'INTERNAL',
      afterName: null,
    });
    expect(of('DocumentLoan')?.actor.name).toBe('代表');
    expect(of('DocumentLoan')?.changes).toEqual(
      expect.arrayContaining([
        { field: 'documentId', after: document, afterName: 'INTERNAL 方案' },
        { field: 'hours', after: '3', afterName: null },
        { field: 'dueAt', after: '2026-11-30T05:00:00.000Z', afterName: null },
      ]),
    );
  });

  it("lets keepers change a document's metadata, recorded, and withdraws a destruction on a new retention", async () => {
    const customer = await build.customer({ owner: build.ref(Staff, rep) });
    const document = await file(customer, Confidentiality.INTERNAL, '2020-01-02');
    const UPDATE = `mutation ($id: ID!, $v: Int!, $input: UpdateDocumentInput!) {
      updateDocument(id: $id, expectedVersion: $v, input: $input) { version title level retentionUntil destructionApprovedBy { name } } }`;
    const approved = await db.execute<{ approveDocumentDestruction: { version: number } }>(
      'mutation ($id: ID!) { approveDocumentDestruction(id: $id, expectedVersion: 1) { version } }',
      { id: document },
      { viewer: archivist },
    );
    expect(approved.data?.approveDocumentDestruction.version).toBe(2);
    const refused = await db.execute(
      UPDATE,
      { id: document, v: 2, input: { title: '改名' } },
      { viewer: rep },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const blank = await db.execute(
      UPDATE,
      { id: document, v: 2, input: { title: ' ' } },
      { viewer: archivist },
    );
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const updated = await db.execute<{ updateDocument: Record<string, unknown> }>(
      UPDATE,
      { id: document, v: 2, input: { title: '会议纪要（更正）', level: 'SECRET', retentionYears: 30 } },
      { viewer: archivist },
    );
    expect(updated.data?.updateDocument).toEqual({
      version: 3,
      title: '会议纪要（更正）',
      level: 'SECRET',
      retentionUntil: '2050-01-02',
      destructionApprovedBy: null,
    });
    const stale = await db.execute(
      UPDATE,
      { id: document, v: 2, input: { title: '再改' } },
      { viewer: archivist },
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
    const history = await db.orm.em
      .fork()
      .execute(
        "select f.field, f.before, f.after from change c join field_change f on f.change_id = c.id where c.entity_id = ? and c.action = 'UPDATE' and f.field = 'confidentiality'",
        [parseGlobalId(document)?.id],
      );
    expect(history).toEqual([{ field: 'confidentiality', before: 'INTERNAL', after: 'SECRET' }]);
  });

  it('hides a document from a rep whose book does not hold the dossier, as if it did not exist', async () => {
    const outsider = await build.staff({ name: '他人代表' });
    const customer = await build.customer({ owner: build.ref(Staff, rep) });
    const document = await file(customer, Confidentiality.SECRET);
    const answer = await db.execute(
      `query ($id: ID!) { document(id: $id) { id } }`,
      { id: document },
      { viewer: outsider },
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const node = await db.execute<{ node: unknown }>(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: document },
      { viewer: outsider },
    );
    expect(node.data?.node).toBeNull();
    const request = await db.execute(
      'mutation ($id: ID!) { requestDocumentLoan(documentId: $id) { id } }',
      { id: document },
      { viewer: outsider },
    );
    expect(request.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const seen = await db.execute<{ document: { id: string } }>(
      `query ($id: ID!) { document(id: $id) { id } }`,
      { id: document },
      { viewer: manager },
    );
    expect(seen.data?.document.id).toBe(document);
  });

  it('refuses bad input, unknown documents and other roles with the API codes', async () => {
    const customer = await build.customer({ owner: build.ref(Staff, rep) });
    const document = await file(customer, Confidentiality.TOP_SECRET);
    const codeOf = async (query: string, variables: Record<string, unknown>, viewer: Staff) => {
      const result = await db.execute(query, variables, { viewer });
      return [result.errors?.[0]?.extensions?.code, result.errors?.[0]?.extensions?.field];
    };
    const request = 'mutation ($id: ID!) { requestDocumentLoan(documentId: $id) { id } }';
    expect(await codeOf(request, { id: document }, rep)).toEqual(['FORBIDDEN', undefined]);
    expect(await codeOf(request, { id: 'nonsense' }, rep)).toEqual(['BAD_USER_INPUT', 'id']);
    expect(
      await codeOf(request, { id: toGlobalId('Document', '0190f0b1-7f4e-7a6b-9e59-3f1f2a3b4c5d') }, rep),
    ).toEqual(['NOT_FOUND', 'id']);
    expect(await codeOf('query { loanRegister(first: 201) { totalCount } }', {}, rep)).toEqual([
      'BAD_USER_INPUT',
      'first',
    ]);
    expect(await codeOf('query { documentDestructions { totalCount } }', {}, rep)).toEqual([
      'FORBIDDEN',
      undefined,
    ]);
    expect(await codeOf('query { documentsPastRetention { id } }', {}, analyst)).toEqual([
      'FORBIDDEN',
      undefined,
    ]);
  });
});
