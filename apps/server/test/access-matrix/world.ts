import { randomUUID } from 'node:crypto';
import {
  ArchiveFindingKind,
  Confidentiality,
  DocumentCategory,
  ReminderKind,
  StaffRole,
} from '@dossier/domain';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import {
  ArchiveInspection,
  ArchiveInspectionItem,
} from '../../src/modules/archive-inspection/archive-inspection.entity.js';
import { hashPassword } from '../../src/modules/auth/passwords.js';
import { Customer } from '../../src/modules/customer/customer.entity.js';
import { sha256, storeContent } from '../../src/modules/document/document.content.js';
import { Document } from '../../src/modules/document/document.entity.js';
import { deliverReminders } from '../../src/modules/inbox/inbox.sweep.js';
import { KeyPersonProfile } from '../../src/modules/key-person/key-person-profile.embeddable.js';
import { Staff } from '../../src/modules/staff/staff.entity.js';
import { tradeFixtures } from '../../src/modules/trade/trade.fixtures.js';
import { builders } from '../builders.js';
import type { testDatabase } from '../harness.js';
import { daysFromNow, PASSWORD } from './arguments.js';

type Db = Awaited<ReturnType<typeof testDatabase>>;

/** Global ids of one book's rows, by GraphQL type. */
export type BookIds = Record<string, string>;

/** The values of a book's personal data, old (in its history) and current: none may show where denied. */
export interface Book {
  ids: BookIds;
  /**
   * A second target for the writes that use theirs up (a loan decided or returned, a document destroyed):
   * the second keeper's, as both the archivist and an admin may make them.
   */
  second: BookIds;
  /** Names, codes and numbers that identify the book's rows. */
  names: string[];
  /** Rows of the owner's own, which nobody else reads whatever their role (their inbox item). */
  own: BookIds;
  /** The destroyed document's title: only the keepers' destruction records still show it. */
  destroyed: string[];
  personal: string[];
}

/** Primary keys named before the rows exist, so a query can ask for them before and after. */
function plannedIds() {
  return {
    customer: randomUUID(),
    keyPerson: randomUUID(),
    project: randomUUID(),
    order: randomUUID(),
    document: randomUUID(),
    inspection: randomUUID(),
  };
}

export const plannedGlobalIds = (planned: ReturnType<typeof plannedIds>): BookIds => ({
  Customer: toGlobalId('Customer', planned.customer),
  KeyPerson: toGlobalId('KeyPerson', planned.keyPerson),
  Project: toGlobalId('Project', planned.project),
  Order: toGlobalId('Order', planned.order),
  Document: toGlobalId('Document', planned.document),
});

/**
 * Planned rows that are no node of a dossier: the archive inspection is the keepers' company-wide record,
 * so `node(id:)` knows no such type (null for everyone) while `archiveInspection(id:)` reads it.
 */
export const plannedKeeperIds = (planned: ReturnType<typeof plannedIds>): BookIds => ({
  ArchiveInspection: toGlobalId('ArchiveInspection', planned.inspection),
});

/**
 * Viewers related to the owner of the probed customer yet outside the line that reads it: a rep in the
 * owner's own team (a colleague of theirs and of the rep who holds a relationship there), and a manager
 * beside the owner's manager under the same head. They read and write as their role, and see nothing of it.
 */
export const OUTSIDERS = { OWNER_TEAMMATE: StaffRole.SALES_REP, SIBLING_MANAGER: StaffRole.SALES_MANAGER };
export type Outsider = keyof typeof OUTSIDERS;

/**
 * The matrix's company: the five viewers (a rep under a manager, an analyst, an archivist, an admin), and
 * outside their line another rep under another manager (under a head of sales), who owns the customer the
 * matrix probes; a colleague of that rep holds a relationship there, and the outsiders sit around them.
 * Each of the rep and the manager has a book of their own, built as the other's is, for the allow half.
 * Two more keepers approve and carry out the books' destructions.
 */
export async function buildStaff(db: Db) {
  const build = builders(db.orm);
  // The viewers sign in too: `login` is in the matrix.
  const passwordHash = await hashPassword(PASSWORD);
  const manager = await build.staff({ name: '经理', passwordHash }, StaffRole.SALES_MANAGER);
  const viewers = {
    [StaffRole.SALES_REP]: await build.staff({
      name: '销售',
      passwordHash,
      manager: build.ref(Staff, manager),
    }),
    [StaffRole.SALES_MANAGER]: manager,
    [StaffRole.ANALYST]: await build.staff({ name: '分析师', passwordHash }, StaffRole.ANALYST),
    [StaffRole.ARCHIVIST]: await build.staff({ name: '档案员', passwordHash }, StaffRole.ARCHIVIST),
    [StaffRole.ADMIN]: await build.staff({ name: '管理员', passwordHash }, StaffRole.ADMIN),
  } as Record<StaffRole, Staff>;
  const head = await build.staff({ name: '销售总监' }, StaffRole.SALES_MANAGER);
  const otherManager = await build.staff(
    { name: '别组经理', manager: build.ref(Staff, head) },
    StaffRole.SALES_MANAGER,
  );
  const inOtherTeam = { manager: build.ref(Staff, otherManager) };
  const other = await build.staff({ name: '别组销售', ...inOtherTeam });
  const holder = await build.staff({ name: '别组同事', ...inOtherTeam });
  const outsiders: Record<Outsider, Staff> = {
    OWNER_TEAMMATE: await build.staff({ name: '别组另一同事', passwordHash, ...inOtherTeam }),
    SIBLING_MANAGER: await build.staff(
      { name: '平级经理', passwordHash, manager: build.ref(Staff, head) },
      StaffRole.SALES_MANAGER,
    ),
  };
  const keepers = [
    await build.staff({ name: '档案审批员' }, StaffRole.ARCHIVIST),
    await build.staff({ name: '档案销毁员' }, StaffRole.ARCHIVIST),
  ] as const;
  const otherAnalyst = await build.staff({ name: '另一分析师' }, StaffRole.ANALYST);
  // Staff administration's target: nobody's manager, owns nothing, so it may even be deactivated.
  const leaver = await build.staff({ name: '离职员工' });
  const product = await tradeFixtures(db.orm).product();
  // The company-wide list: `listed` for the writes to aim at, `present` recorded in every book.
  const competitors = {
    listed: await build.competitor({ name: '矩阵对手甲' }),
    present: await build.competitor({ name: '矩阵对手乙' }),
  };
  const token = await db.execute<{ createApiToken: { apiToken: { id: string } } }>(
    'mutation ($expiresAt: DateTimeISO!) { createApiToken(name: "别人的令牌", expiresAt: $expiresAt) { apiToken { id } } }',
    { expiresAt: daysFromNow(30) },
    { viewer: otherAnalyst },
  );
  const otherToken = token.data?.createApiToken.apiToken.id;
  if (!otherToken) throw new Error(JSON.stringify(token.errors));
  const planned = plannedIds();
  return { viewers, outsiders, other, holder, otherToken, leaver, product, keepers, planned, competitors };
}

export type World = Awaited<ReturnType<typeof buildStaff>>;

/**
 * One customer's dossier, owned by `owner`: a key person with phones, e-mail and a profile that the owner
 * then changes through the API (so the history holds old personal values), a relationship of the owner's
 * (and one of `colleague`'s), a project with an event and a decision role, an order with a payment, a
 * credit report, and its archive (fileArchive).
 */
export async function buildBook(
  db: Db,
  owner: Staff,
  company: Pick<World, 'product' | 'keepers' | 'competitors'>,
  tag: string,
  planned = plannedIds(),
  colleague?: Staff,
): Promise<Book> {
  const build = builders(db.orm);
  const customer = await build.customer({
    id: planned.customer,
    name: `客户${tag}`,
    code: `C-${tag}`,
    owner: build.ref(Staff, owner),
  });
  const profile = Object.assign(new KeyPersonProfile(), { family: `家庭${tag}`, interests: `爱好${tag}` });
  const keyPerson = await build.keyPerson(customer, {
    id: planned.keyPerson,
    name: `联系人${tag}`,
    mobile: `1380000${tag}`,
    officePhone: `010-5555${tag}`,
    email: `kp-${tag}@example.com`,
    profile,
  });
  const relationship = await build.relationship(keyPerson, owner);
  if (colleague) await build.relationship(keyPerson, colleague);
  const project = await build.project(customer, {
    id: planned.project,
    name: `项目${tag}`,
    owner: build.ref(Staff, owner),
  });
  const role = await build.role(keyPerson, undefined, undefined, project);
  const presence = await build.presence(customer, company.competitors.present, {
    sharePercent: '40.00',
    strengths: `优势${tag}`,
  });
  const order = await tradeFixtures(db.orm).order(customer, {
    id: planned.order,
    number: `O-${tag}`,
    orderedAt: '2026-10-15',
    dueDate: '2026-11-15',
    rep: owner,
    lines: [{ product: company.product, quantity: 2, unitPrice: '1500.00' }],
  });
  const gid = (type: string, id: string) => toGlobalId(type, id);
  const written = await db.execute<{
    updateKeyPerson: { id: string };
    addProjectEvent: { id: string };
    recordCreditReport: { id: string };
    recordPayment: { id: string };
    recordFeedback: { id: string };
    recordSatisfactionSurvey: { id: string };
  }>(
    `mutation ($kp: ID!, $project: ID!, $customer: ID!, $order: ID!, $competitor: ID!) {
      updateKeyPerson(id: $kp, expectedVersion: 1, input: { favoursCompetitorId: $competitor,
        mobile: "1390000${tag}", profile: { family: "新家庭${tag}" } }) { id }
      addProjectEvent(input: { projectId: $project, title: "拜访${tag}", occurredAt: "2026-11-02T02:00:00Z" }) { id }
      recordCreditReport(input: { customerId: $customer, rating: A, reportedAt: "2026-11-01",
        validUntil: "2027-11-01" }) { id }
      recordPayment(input: { orderId: $order, amount: "1000.00", paidOn: "2026-11-10" }) { id }
      recordFeedback(input: { customerId: $customer, kind: COMPLAINT, channel: PHONE, category: DELIVERY,
        severity: HIGH, receivedAt: "2026-11-03T02:00:00Z", description: "投诉${tag}", keyPersonId: $kp }) { id }
      recordSatisfactionSurvey(input: { customerId: $customer, surveyedOn: "2026-11-04", productScore: 4,
        deliveryScore: 2, serviceScore: 5, priceScore: 3, comment: "满意度${tag}" }) { id }
    }`,
    {
      kp: gid('KeyPerson', keyPerson.id),
      project: gid('Project', project.id),
      customer: gid('Customer', customer.id),
      order: gid('Order', order.id),
      competitor: gid('Competitor', company.competitors.present.id),
    },
    { viewer: owner },
  );
  if (written.errors || !written.data) throw new Error(JSON.stringify(written.errors));
  const archive = await fileArchive(db, owner, customer, company.keepers, tag, planned.document);
  const sheet = await sendSheets(db, owner, gid('Customer', customer.id), tag);
  const inspection = await inspectArchive(db, customer, tag, planned, archive.titles.slice(0, 2));
  return {
    own: { InboxItem: await remind(db, owner, customer) },
    second: { ...archive.second, ArchiveInspectionItem: inspection.second },
    destroyed: archive.destroyed,
    ids: {
      ...archive.ids,
      ArchiveInspection: inspection.id,
      ArchiveInspectionItem: inspection.first,
      Customer: gid('Customer', customer.id),
      KeyPerson: gid('KeyPerson', keyPerson.id),
      Relationship: gid('Relationship', relationship.id),
      Project: gid('Project', project.id),
      DecisionRoleAssignment: gid('DecisionRoleAssignment', role.id),
      Order: gid('Order', order.id),
      ProjectEvent: written.data.addProjectEvent.id,
      CreditReport: written.data.recordCreditReport.id,
      Payment: written.data.recordPayment.id,
      CustomerSheetLink: sheet.open,
      'CustomerSheetLink:submitted': sheet.submitted,
      Feedback: written.data.recordFeedback.id,
      SatisfactionSurvey: written.data.recordSatisfactionSurvey.id,
      CustomerCompetitor: gid('CustomerCompetitor', presence.id),
    },
    names: [
      customer.name,
      customer.code,
      `联系人${tag}`,
      `项目${tag}`,
      `O-${tag}`,
      `拜访${tag}`,
      sheet.proposedCity,
      `投诉${tag}`,
      `满意度${tag}`,
      `优势${tag}`,
      ...archive.titles,
    ],
    personal: [
      `1380000${tag}`,
      `1390000${tag}`,
      `010-5555${tag}`,
      `kp-${tag}@example.com`,
      `家庭${tag}`,
      `爱好${tag}`,
    ],
  };
}

/** A reminder in the owner's inbox about the customer, as the sweep delivers it. */
async function remind(db: Db, owner: Staff, customer: Customer): Promise<string> {
  const kind = ReminderKind.REVIEW_DUE;
  const draft = {
    kind,
    recipientId: owner.id,
    key: customer.id,
    customerId: customer.id,
    dueOn: '2026-11-20',
    params: { customer: customer.name, days: 61 },
    link: '/customers',
  };
  await db.orm.em
    .fork()
    .transactional((em) =>
      deliverReminders(em, { kind, settles: false, collect: async () => [] }, [draft], '2026-11-29'),
    );
  const [row] = await db.orm.em
    .fork()
    .execute<Array<{ id: string }>>('select id from inbox_item where recipient_id = ? and key = ?', [
      owner.id,
      customer.id,
    ]);
  return toGlobalId('InboxItem', row?.id as string);
}

/**
 * A past half-yearly archive inspection of the book's own (a period of its own, e.g. 2001-03 for tag 0001)
 * with two findings about the book's first documents: one for the archivist to tick, one for the admin.
 * Through the ORM, so its id can be planned; generating goes through the API in the matrix's writes.
 */
async function inspectArchive(
  db: Db,
  customer: Customer,
  tag: string,
  planned: ReturnType<typeof plannedIds>,
  titles: string[],
) {
  const em = db.orm.em.fork();
  const inspection = new ArchiveInspection(`${2000 + Number(tag)}-03`, new Date('2026-11-20T02:00:00Z'));
  inspection.id = planned.inspection;
  const documents = await em.find(
    Document,
    { customer: customer.id, title: { $in: titles } },
    { orderBy: { title: 'asc' } },
  );
  const items = documents.map(
    (document) =>
      new ArchiveInspectionItem({
        inspection: em.getReference(ArchiveInspection, inspection.id, { wrapped: true }),
        document: em.getReference(Document, document.id, { wrapped: true }),
        customer: em.getReference(Customer, customer.id, { wrapped: true }),
        kind: ArchiveFindingKind.DESTRUCTION_PENDING,
        details: JSON.stringify({
          title: (document as Document).title,
          level: (document as Document).confidentiality,
        }),
      }),
  );
  await em.persist([inspection, ...items]).flush();
  const [first, second] = items.map((item) => toGlobalId('ArchiveInspectionItem', item.id));
  if (!first || !second) throw new Error('the book has fewer than two documents');
  return { id: toGlobalId('ArchiveInspection', inspection.id), first, second };
}

/**
 * Two customer sheet links of the book's customer, sent by its owner: one open (to revoke), one the
 * customer filled in, proposing another city (to review). Through the API, as a rep and a customer do.
 */
async function sendSheets(db: Db, owner: Staff, customer: string, tag: string) {
  const send = async () => {
    const result = await db.execute<{ createCustomerSheetLink: { url: string; link: { id: string } } }>(
      'mutation ($c: ID!) { createCustomerSheetLink(customerId: $c) { url link { id } } }',
      { c: customer },
      { viewer: owner },
    );
    const created = result.data?.createCustomerSheetLink;
    if (!created) throw new Error(JSON.stringify(result.errors));
    return { id: created.link.id, token: created.url.split('/').pop() ?? '' };
  };
  const open = await send();
  const submitted = await send();
  const proposedCity = `城市${tag}`;
  const result = await db.execute(
    'mutation ($t: String!, $city: String!) { submitCustomerSheet(token: $t, values: [{ field: "city", value: $city }]) }',
    { t: submitted.token, city: proposedCity },
    { address: `192.0.2.${Number(tag)}` },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return { open: open.id, submitted: submitted.id, proposedCity };
}

/** What each of a book's documents is there for: its level, its category, and what is done with it. */
const ARCHIVE = [
  // The document lookups and borrowing aim at; its id is planned.
  { key: 'Document', level: Confidentiality.INTERNAL, category: DocumentCategory.PROPOSAL },
  // Requested by the owner: a core secret's loan awaits the sales head, a proposal's the department head.
  { key: 'DocumentLoan:requested', level: Confidentiality.CONFIDENTIAL, category: DocumentCategory.CONTRACT },
  { key: 'DocumentLoan:requested', level: Confidentiality.CONFIDENTIAL, category: DocumentCategory.PROPOSAL },
  // Borrowed by the owner, lent on registration.
  { key: 'DocumentLoan:granted', level: Confidentiality.INTERNAL, category: DocumentCategory.PROPOSAL },
  { key: 'DocumentLoan:granted', level: Confidentiality.INTERNAL, category: DocumentCategory.PROPOSAL },
  // Approved for destruction by one keeper, for another to carry out.
  { key: 'Document:approved', level: Confidentiality.INTERNAL, category: DocumentCategory.PROPOSAL },
  { key: 'Document:approved', level: Confidentiality.INTERNAL, category: DocumentCategory.PROPOSAL },
  // Destroyed: its record stays.
  { key: 'DocumentDestruction', level: Confidentiality.INTERNAL, category: DocumentCategory.LETTER },
  { key: 'Document:secret', level: Confidentiality.SECRET, category: DocumentCategory.PROPOSAL },
  { key: 'Document:top-secret', level: Confidentiality.TOP_SECRET, category: DocumentCategory.MINUTES },
] as const;

/**
 * A book's archive: a document of every level, all past retention on the matrix's day (dated 2010, kept
 * ten years); loans the owner asked for (awaiting approval, and lent); documents approved for destruction
 * and one destroyed. Filed straight through the ORM, so the first one's id can be planned; the loans,
 * approvals and the destruction go through the API, as their history and audit entries would.
 */
async function fileArchive(
  db: Db,
  owner: Staff,
  customer: Customer,
  [approver, destroyer]: World['keepers'],
  tag: string,
  plannedDocument: string,
) {
  const ids: BookIds = {};
  const second: BookIds = {};
  const titles: string[] = [];
  const destroyed: string[] = [];
  for (const [i, item] of ARCHIVE.entries()) {
    const em = db.orm.em.fork();
    const bytes = Buffer.from(`矩阵档案 ${tag} ${i}`);
    const document = new Document({
      customer: em.getReference(Customer, customer.id, { wrapped: true }),
      category: item.category,
      confidentiality: item.level,
      title: `文件${tag}-${i}`,
      documentDate: '2010-01-01',
      fileName: `file-${i}.txt`,
      mediaType: 'text/plain',
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      uploadedBy: em.getReference(Staff, owner.id, { wrapped: true }),
    });
    if (i === 0) document.id = plannedDocument;
    document.retentionYears = 10;
    await em.persist(document).flush();
    await storeContent(em, document.id, bytes);
    (item.key === 'DocumentDestruction' ? destroyed : titles).push(document.title);
    const id = await archiveStep(db, item.key, toGlobalId('Document', document.id), {
      owner,
      approver,
      destroyer,
    });
    if (ids[item.key]) second[item.key] = id;
    else ids[item.key] = id;
  }
  return { ids, second, titles, destroyed };
}

/** Puts a filed document where its key says, through the API; the global id the matrix aims at. */
async function archiveStep(
  db: Db,
  key: (typeof ARCHIVE)[number]['key'],
  document: string,
  staff: { owner: Staff; approver: Staff; destroyer: Staff },
): Promise<string> {
  const run = async <T>(viewer: Staff, mutation: string) => {
    const result = await db.execute<T>(mutation, { document }, { viewer });
    if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  if (key.startsWith('DocumentLoan')) {
    const loan = await run<{ requestDocumentLoan: { id: string } }>(
      staff.owner,
      'mutation ($document: ID!) { requestDocumentLoan(documentId: $document) { id } }',
    );
    return loan.requestDocumentLoan.id;
  }
  if (key !== 'Document:approved' && key !== 'DocumentDestruction') return document;
  await run(
    staff.approver,
    'mutation ($document: ID!) { approveDocumentDestruction(id: $document, expectedVersion: 1) { id } }',
  );
  if (key === 'Document:approved') return document;
  const destroyed = await run<{ destroyDocument: { id: string } }>(
    staff.destroyer,
    'mutation ($document: ID!) { destroyDocument(id: $document, expectedVersion: 2) { id } }',
  );
  return destroyed.destroyDocument.id;
}
