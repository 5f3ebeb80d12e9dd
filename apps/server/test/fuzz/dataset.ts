import {
  Confidentiality,
  DecisionRole,
  DocumentCategory,
  InfluenceLevel,
  RelationshipState,
  StaffRole,
} from '@dossier/domain';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { hashPassword } from '../../src/modules/auth/passwords.js';
import type { Customer } from '../../src/modules/customer/customer.entity.js';
import {
  approveDestruction,
  destroyDocument,
  fileDocument,
} from '../../src/modules/document/document.service.js';
import { DocumentDestruction } from '../../src/modules/document/document-destruction.entity.js';
import { requestLoan } from '../../src/modules/document/document-loan.service.js';
import { Staff } from '../../src/modules/staff/staff.entity.js';
import { tradeFixtures } from '../../src/modules/trade/trade.fixtures.js';
import { builders } from '../builders.js';
import type { testDatabase } from '../harness.js';

type TestDatabase = Awaited<ReturnType<typeof testDatabase>>;

export const FUZZ_PASSWORD = 'fuzz-pass-1';

export interface FuzzDataset {
  /** Sign-in e-mails of the callers. */
  emails: { rep: string; analyst: string; manager: string };
  /** Global ids of every row built, of every type. */
  ids: string[];
  /** Texts a real request would carry: names, codes, e-mails. */
  texts: string[];
}

/** A category per level that the loan rules treat differently: INTERNAL minutes are lent on registration. */
const CATEGORY: Record<Confidentiality, DocumentCategory> = {
  TOP_SECRET: DocumentCategory.CONTRACT,
  SECRET: DocumentCategory.PRICE_LIST,
  CONFIDENTIAL: DocumentCategory.PROPOSAL,
  INTERNAL: DocumentCategory.MINUTES,
};

/**
 * The archive around the dossiers, so document ids name real rows in every state: a document of each level
 * in each customer's dossier (the first customer's past retention), a loan granted at once and one waiting
 * for approval, one destruction approved and one carried out.
 */
async function buildArchive(db: TestDatabase, customers: Customer[], borrowers: Staff[]): Promise<string[]> {
  const build = builders(db.orm);
  const archivist = await build.staff({ email: 'archivist@fuzz.example' }, StaffRole.ARCHIVIST);
  const admin = await build.staff({ email: 'admin@fuzz.example' }, StaffRole.ADMIN);
  const as = (viewer: Staff) => db.context({ viewer });
  const file = async (customer: Customer, level: Confidentiality, retentionYears: number) => {
    const document = await fileDocument(
      as(archivist),
      {
        customerId: toGlobalId('Customer', customer.id),
        category: CATEGORY[level],
        confidentiality: level,
        title: `${level} 档案`,
        documentDate: '2015-03-01',
        retentionYears,
        fileName: `${level}.pdf`,
        mediaType: 'application/pdf',
      },
      Buffer.from(`%PDF-1.7 ${level}`),
    );
    return { id: toGlobalId('Document', document.id), version: document.version };
  };
  const ids: string[] = [];
  for (const [i, customer] of customers.entries()) {
    const borrower = borrowers[i] as Staff;
    for (const level of Object.values(Confidentiality)) {
      const document = await file(customer, level, i === 0 ? 5 : 30);
      ids.push(document.id);
      if (level === Confidentiality.INTERNAL || level === Confidentiality.CONFIDENTIAL) {
        ids.push(toGlobalId('DocumentLoan', (await requestLoan(as(borrower), document.id)).id));
      }
      if (i === 0 && level === Confidentiality.TOP_SECRET) {
        await approveDestruction(as(archivist), document.id, document.version);
      }
    }
  }
  const doomed = await file(customers[0] as Customer, Confidentiality.INTERNAL, 5);
  const approved = await approveDestruction(as(archivist), doomed.id, doomed.version);
  await destroyDocument(as(admin), doomed.id, approved.version);
  const record = await db.orm.em.fork().findOneOrFail(DocumentDestruction, { document: approved.id });
  ids.push(doomed.id, toGlobalId('DocumentDestruction', record.id), toGlobalId('Staff', archivist.id));
  return ids;
}

/**
 * A small dossier: three customers (two the rep's, one the manager's), two key persons each with
 * relationships and roles, a project each, orders with lines and payments, and the archive's documents
 * (buildArchive). Small, so the per-request checksum stays cheap.
 */
export async function buildFuzzDataset(db: TestDatabase): Promise<FuzzDataset> {
  const build = builders(db.orm);
  const trade = tradeFixtures(db.orm);
  const passwordHash = await hashPassword(FUZZ_PASSWORD);
  const emails = {
    rep: 'rep@fuzz.example',
    analyst: 'analyst@fuzz.example',
    manager: 'manager@fuzz.example',
  };
  const rep = await build.staff({ email: emails.rep, passwordHash }, StaffRole.SALES_REP);
  const analyst = await build.staff({ email: emails.analyst, passwordHash }, StaffRole.ANALYST);
  const manager = await build.staff({ email: emails.manager, passwordHash }, StaffRole.SALES_MANAGER);
  const product = await trade.product();

  const ids = [toGlobalId('Staff', rep.id), toGlobalId('Staff', analyst.id), toGlobalId('Staff', manager.id)];
  const texts: string[] = [...Object.values(emails), product.name];
  const owners = [rep, rep, manager];
  const customers: Customer[] = [];
  for (const [i, owner] of owners.entries()) {
    const customer = await build.customer({ owner: build.ref(Staff, owner) });
    customers.push(customer);
    const project = await build.project(customer);
    ids.push(toGlobalId('Customer', customer.id), toGlobalId('Project', project.id));
    texts.push(customer.name, customer.code, project.name);
    for (const state of [RelationshipState.POSITIVE, RelationshipState.NEUTRAL]) {
      const keyPerson = await build.keyPerson(customer);
      const relationship = await build.relationship(keyPerson, owner, state);
      const role = await build.role(keyPerson, DecisionRole.DECISION_MAKER, InfluenceLevel.HIGH, project);
      ids.push(
        toGlobalId('KeyPerson', keyPerson.id),
        toGlobalId('Relationship', relationship.id),
        toGlobalId('DecisionRoleAssignment', role.id),
      );
      if (keyPerson.name) texts.push(keyPerson.name);
    }
    for (const orderedAt of ['2026-03-15', '2026-09-01']) {
      const order = await trade.order(customer, {
        orderedAt,
        dueDate: '2026-12-31',
        rep: owner,
        paidAmount: i === 0 ? '100.00' : undefined,
        lines: [{ product, quantity: 3, unitPrice: '250.00' }],
      });
      ids.push(toGlobalId('Order', order.id));
      texts.push(order.number);
    }
  }
  ids.push(...(await buildArchive(db, customers, owners)));
  texts.push(...Object.values(Confidentiality).map((level) => `${level} 档案`));
  return { emails, ids, texts };
}
