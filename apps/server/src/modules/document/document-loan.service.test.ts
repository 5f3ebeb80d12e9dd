import { randomUUID } from 'node:crypto';
import { Confidentiality, DocumentCategory, StaffRole } from '@dossier/domain';
import { GraphQLError } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Staff } from '../staff/staff.entity.js';
import { documentContent, fileDocument } from './document.service.js';
import { decideLoan, requestLoan, returnLoan } from './document-loan.service.js';
import { loanRegisterPage } from './loan-register.query.js';

const clock = fixedClock('2026-11-30T02:00:00Z');
const at = (hoursLater: number) => fixedClock(new Date(clock.now().getTime() + hoursLater * 3_600_000));
const db = await testDatabase({ clock });
const build = builders(db.orm);
let salesHead: Staff;
let departmentHead: Staff;
let otherManager: Staff;
let rep: Staff;
let analyst: Staff;
let archivist: Staff;
let customerId: string;

beforeAll(async () => {
  salesHead = await build.staff({ name: '销售总监' }, StaffRole.SALES_MANAGER);
  departmentHead = await build.staff(
    { name: '部门经理', manager: build.ref(Staff, salesHead) },
    StaffRole.SALES_MANAGER,
  );
  otherManager = await build.staff(
    { name: '他部经理', manager: build.ref(Staff, salesHead) },
    StaffRole.SALES_MANAGER,
  );
  rep = await build.staff({ name: '借阅代表', manager: build.ref(Staff, departmentHead) });
  analyst = await build.staff({ name: '分析员' }, StaffRole.ANALYST);
  archivist = await build.staff({ name: '档案员' }, StaffRole.ARCHIVIST);
  customerId = toGlobalId('Customer', (await build.customer({ owner: build.ref(Staff, rep) })).id);
});

const as = (viewer: Staff, hoursLater = 0) => db.context({ viewer, clock: at(hoursLater) });

async function file(confidentiality: Confidentiality, category = DocumentCategory.PROPOSAL) {
  const document = await fileDocument(
    as(archivist),
    {
      customerId,
      category,
      confidentiality,
      title: `${confidentiality} ${category}`,
      documentDate: '2026-11-01',
      retentionYears: 10,
      fileName: 'file.pdf',
      mediaType: 'application/pdf',
    },
    Buffer.from(`%PDF-1.7 ${confidentiality} ${category}`),
  );
  return toGlobalId('Document', document.id);
}

async function codeOf(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return (error as GraphQLError).extensions.code;
}

/** What downloading the document as the rep answers, some hours after the start. */
/** The whole loan register as the viewer reads it. */
const loanRegister = async (viewer: Staff) =>
  (await loanRegisterPage(as(viewer), null, { limit: 200, after: null })).rows;

const download = (document: string, hoursLater: number) =>
  documentContent(as(rep, hoursLater), document, 'DOWNLOAD').then(
    (content) => content.disposition,
    (error: GraphQLError) => error.extensions.code,
  );

describe('borrowing', () => {
  it('lends an INTERNAL document on registration for 2 days, then no longer', async () => {
    const document = await file(Confidentiality.INTERNAL);
    expect(await download(document, 0)).toBe('FORBIDDEN');
    const loan = await requestLoan(as(rep), document);
    expect(loan.dueAt?.toISOString()).toBe('2026-12-02T02:00:00.000Z');
    expect(await download(document, 47.9)).toBe('attachment');
    expect(await download(document, 48)).toBe('FORBIDDEN');
  });

  it('lends a CONFIDENTIAL document on the department head’s approval, for at most 4 hours', async () => {
    const document = await file(Confidentiality.CONFIDENTIAL);
    expect(await codeOf(requestLoan(as(rep), document, 5))).toBe('BAD_USER_INPUT');
    const loan = await requestLoan(as(rep), document);
    const id = toGlobalId('DocumentLoan', loan.id);
    expect(await download(document, 0)).toBe('FORBIDDEN');
    // Another department's manager reads neither the dossier nor the loan: it does not exist for them.
    expect(await codeOf(decideLoan(as(otherManager), id, true, 1))).toBe('NOT_FOUND');
    expect(await codeOf(decideLoan(as(rep), id, true, 1))).toBe('FORBIDDEN');
    expect(await codeOf(decideLoan(as(analyst), id, true, 1))).toBe('FORBIDDEN');
    await decideLoan(as(departmentHead, 1), id, true, 1);
    expect(await download(document, 4.9)).toBe('attachment');
    // Granted an hour after the start, so the injected clock crosses 4 hours at 5.
    expect(await download(document, 5)).toBe('FORBIDDEN');
  });

  it('lends a core secret only on the sales head’s approval', async () => {
    const document = await file(Confidentiality.CONFIDENTIAL, DocumentCategory.CONTRACT);
    const id = toGlobalId('DocumentLoan', (await requestLoan(as(rep), document)).id);
    expect(await codeOf(decideLoan(as(departmentHead), id, true, 1))).toBe('FORBIDDEN');
    await decideLoan(as(salesHead), id, true, 1);
    expect(await download(document, 1)).toBe('attachment');
  });

  it('the head of another sales line finds no loan of a dossier outside their book, nor decides it', async () => {
    const rivalHead = await build.staff({ name: '别线总监' }, StaffRole.SALES_MANAGER);
    const document = await file(Confidentiality.CONFIDENTIAL, DocumentCategory.CONTRACT);
    const loan = await requestLoan(as(rep), document);
    const id = toGlobalId('DocumentLoan', loan.id);
    const never = toGlobalId('DocumentLoan', randomUUID());
    // At the top of a line, as the sales head is: answered as for a loan that never existed.
    expect(await codeOf(decideLoan(as(rivalHead), id, false, 1))).toBe('NOT_FOUND');
    expect(await codeOf(decideLoan(as(rivalHead), never, false, 1))).toBe('NOT_FOUND');
    const [row] = await db.orm.em
      .fork()
      .execute('select refused, decided_by_id from document_loan where id = ?', [loan.id]);
    expect(row).toEqual({ refused: false, decided_by_id: null });
  });

  it.each([Confidentiality.SECRET, Confidentiality.TOP_SECRET])(
    'never lends a %s document',
    async (level) => {
      expect(await codeOf(requestLoan(as(rep), await file(level)))).toBe('FORBIDDEN');
    },
  );

  it('refuses an analyst’s loan request: analysts write nothing', async () => {
    expect(await codeOf(requestLoan(as(analyst), await file(Confidentiality.INTERNAL)))).toBe('FORBIDDEN');
  });

  it('serves nothing after a refusal or a return, and keeps both in the register', async () => {
    const refused = await file(Confidentiality.CONFIDENTIAL);
    const refusedLoan = toGlobalId('DocumentLoan', (await requestLoan(as(rep), refused)).id);
    await decideLoan(as(archivist), refusedLoan, false, 1);
    expect(await download(refused, 1)).toBe('FORBIDDEN');
    expect(await codeOf(decideLoan(as(departmentHead), refusedLoan, true, 2))).toBe('BAD_USER_INPUT');

    const returned = await file(Confidentiality.INTERNAL, DocumentCategory.MINUTES);
    const returnedLoan = toGlobalId('DocumentLoan', (await requestLoan(as(rep), returned)).id);
    expect(await download(returned, 1)).toBe('attachment');
    await returnLoan(as(rep, 2), returnedLoan, 1);
    expect(await download(returned, 3)).toBe('FORBIDDEN');

    const register = await loanRegister(archivist);
    const entry = (id: string) => register.find((loan) => toGlobalId('DocumentLoan', loan.id) === id);
    expect(entry(refusedLoan)).toMatchObject({ refused: true, grantedAt: null });
    expect(entry(returnedLoan)?.returnedAt?.toISOString()).toBe('2026-11-30T04:00:00.000Z');
    expect((await loanRegister(analyst)).length).toBe(0);
    expect((await loanRegister(rep)).every((loan) => loan.borrower.id === rep.id)).toBe(true);
  });
});
