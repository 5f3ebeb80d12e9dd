import { createHash } from 'node:crypto';
import {
  AuditEvent,
  Confidentiality,
  type ContentAction,
  DocumentCategory,
  mayServe,
  StaffRole,
} from '@dossier/domain';
import { GraphQLError } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { Staff } from '../staff/staff.entity.js';
import {
  approveDestruction,
  destroyDocument,
  documentContent,
  documentsPastRetention,
  type FileDocumentInput,
  fileDocument,
  MAX_DOCUMENT_BYTES,
} from './document.service.js';

const clock = fixedClock('2026-11-30T02:00:00Z');
const db = await testDatabase({ clock });
const build = builders(db.orm);
const staff = {} as Record<StaffRole, Staff>;
let secondArchivist: Staff;
let customerId: string;

beforeAll(async () => {
  for (const role of Object.values(StaffRole))
    if (role !== StaffRole.SALES_REP) staff[role] = await build.staff({ name: `${role} 员工` }, role);
  // The rep's manager reads the rep's dossiers (need-to-know): the matrix's manager is the one above.
  staff.SALES_REP = await build.staff(
    { name: 'SALES_REP 员工', manager: build.ref(Staff, staff.SALES_MANAGER) },
    StaffRole.SALES_REP,
  );
  secondArchivist = await build.staff({ name: '第二档案员' }, StaffRole.ARCHIVIST);
  customerId = toGlobalId(
    'Customer',
    (await build.customer({ owner: build.ref(Staff, staff.SALES_REP) })).id,
  );
});

const as = (viewer: Staff) => db.context({ viewer });

const pdf = (text: string) => Buffer.from(`%PDF-1.7 ${text}`);

function input(extra: Partial<FileDocumentInput> = {}): FileDocumentInput {
  return {
    customerId,
    category: DocumentCategory.PROPOSAL,
    confidentiality: Confidentiality.INTERNAL,
    title: '技术方案建议书',
    documentDate: '2026-11-02',
    retentionYears: 10,
    fileName: 'proposal.pdf',
    mediaType: 'application/pdf',
    ...extra,
  };
}

const file = async (extra: Partial<FileDocumentInput> = {}, bytes = pdf(JSON.stringify(extra))) =>
  toGlobalId('Document', (await fileDocument(as(staff.SALES_REP), input(extra), bytes)).id);

/** The error code and field of a refused call. */
async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  const { code, field } = (error as GraphQLError).extensions;
  return { code, field };
}

const auditCount = async (event: AuditEvent) =>
  Number(
    (await db.orm.em.fork().execute('select count(*) as n from audit_log where event = ?', [event]))[0]?.n,
  );

describe('filing a document', () => {
  it('keeps the bytes with their SHA-256', async () => {
    const bytes = pdf('报价');
    const document = await fileDocument(as(staff.SALES_REP), input({ title: '报价单' }), bytes);
    expect(document.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(document.sizeBytes).toBe(bytes.length);
  });

  it.each([
    ['an unsupported type', input({ mediaType: 'video/mp4' }), pdf('x'), 'input.mediaType'],
    ['an empty file', input(), Buffer.alloc(0), 'input.content'],
    ['a file over 25 MB', input(), Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 1), 'input.content'],
    ['a blank title', input({ title: '  ' }), pdf('x'), 'input.title'],
    ['retention of 51 years', input({ retentionYears: 51 }), pdf('x'), 'input.retentionYears'],
    [
      'years and a date',
      input({ retentionYears: 5, retainUntil: '2030-01-01' }),
      pdf('x'),
      'input.retainUntil',
    ],
    ['a date in the future', input({ documentDate: '2026-12-01' }), pdf('x'), 'input.documentDate'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, bad, bytes, field) => {
    const before = await db.orm.em.fork().execute('select count(*)::int as n from document');
    expect(await refusal(fileDocument(as(staff.SALES_REP), bad, bytes))).toEqual({
      code: 'BAD_USER_INPUT',
      field,
    });
    expect(await db.orm.em.fork().execute('select count(*)::int as n from document')).toEqual(before);
  });

  it('refuses an analyst, who writes nothing', async () => {
    expect((await refusal(fileDocument(as(staff.ANALYST), input(), pdf('x')))).code).toBe('FORBIDDEN');
  });
});

describe('content: each level × role × action', () => {
  const documents = {} as Record<Confidentiality, string>;
  beforeAll(async () => {
    for (const level of Object.values(Confidentiality)) {
      documents[level] = await file({ confidentiality: level, title: `${level} 文件` });
    }
  });

  const cases = Object.values(Confidentiality).flatMap((level) =>
    Object.values(StaffRole).flatMap((role) =>
      (['VIEW', 'DOWNLOAD'] as ContentAction[]).map((a) => [level, role, a] as const),
    ),
  );

  it.each(cases)('%s × %s × %s', async (level, role, action) => {
    const allowed = mayServe(level, action, { role, holdsRunningLoan: false });
    const event = action === 'VIEW' ? AuditEvent.DOCUMENT_VIEWED : AuditEvent.DOCUMENT_DOWNLOADED;
    const before = await auditCount(event);
    const served = documentContent(as(staff[role]), documents[level], action);
    if (allowed) {
      const content = await served;
      expect(content.disposition).toBe(action === 'VIEW' ? 'inline' : 'attachment');
      expect(content.bytes.toString()).toContain(level);
      expect(await auditCount(event)).toBe(before + 1);
    } else {
      expect((await refusal(served)).code).toBe('FORBIDDEN');
      expect(await auditCount(event)).toBe(before);
    }
  });

  it('never serves a secret file with a download disposition, whoever asks', async () => {
    for (const role of Object.values(StaffRole)) {
      expect((await refusal(documentContent(as(staff[role]), documents.SECRET, 'DOWNLOAD'))).code).toBe(
        'FORBIDDEN',
      );
      expect((await documentContent(as(staff[role]), documents.SECRET, 'VIEW')).disposition).toBe('inline');
    }
  });

  it('refuses content that no longer matches its checksum', async () => {
    const id = await file({ title: '被篡改' });
    await db.orm.em
      .fork()
      .execute(
        `update document_content set bytes = 'tampered'::bytea where document_id = (select id from document where title = '被篡改')`,
      );
    await expect(documentContent(as(staff.ADMIN), id, 'VIEW')).rejects.toThrow('does not match its SHA-256');
  });
});

describe('retention and destruction', () => {
  it('lists documents past retention on a date, and not the permanent or current ones', async () => {
    const old = await file({ title: '旧合同', documentDate: '2015-06-01', retentionYears: 10 });
    const current = await file({ title: '新合同', documentDate: '2020-06-01', retentionYears: 10 });
    const permanent = await file({ title: '永久', documentDate: '2000-01-01', retentionYears: null });
    const listed = (await documentsPastRetention(as(staff.ARCHIVIST))).map((d) =>
      toGlobalId('Document', d.id),
    );
    expect(listed).toContain(old);
    expect(listed).not.toContain(current);
    expect(listed).not.toContain(permanent);
    expect(
      (await documentsPastRetention(as(staff.ARCHIVIST), '2030-06-01')).map((d) =>
        toGlobalId('Document', d.id),
      ),
    ).toContain(current);
    expect((await refusal(documentsPastRetention(as(staff.SALES_REP)))).code).toBe('FORBIDDEN');
  });

  it.each([StaffRole.SALES_REP, StaffRole.SALES_MANAGER, StaffRole.ANALYST])(
    'refuses %s approving or carrying out a destruction',
    async (role) => {
      const id = await file({ title: `拒绝 ${role}`, documentDate: '2010-01-01', retentionYears: 5 });
      expect((await refusal(approveDestruction(as(staff[role]), id, 1))).code).toBe('FORBIDDEN');
      expect((await refusal(destroyDocument(as(staff[role]), id, 1))).code).toBe('FORBIDDEN');
    },
  );

  it('refuses destroying without approval, before retention ends, or by the approver alone', async () => {
    const current = await file({ title: '未到期', documentDate: '2024-01-01', retentionYears: 10 });
    expect(await refusal(approveDestruction(as(staff.ARCHIVIST), current, 1))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
    const old = await file({ title: '待批准', documentDate: '2010-01-01', retentionYears: 5 });
    expect((await refusal(destroyDocument(as(staff.ARCHIVIST), old, 1))).field).toBe('id');
    await approveDestruction(as(staff.ARCHIVIST), old, 1);
    expect((await refusal(destroyDocument(as(staff.ARCHIVIST), old, 2))).code).toBe('FORBIDDEN');
    expect((await refusal(destroyDocument(as(staff.ADMIN), old, 1))).code).toBe('VERSION_CONFLICT');
  });

  it('removes the bytes, keeps the record, and answers NOT_FOUND on every path to the content', async () => {
    const bytes = pdf('销毁对象');
    const document = await fileDocument(
      as(staff.SALES_REP),
      input({
        title: '销毁对象',
        documentDate: '2010-01-01',
        retentionYears: 5,
        category: DocumentCategory.CONTRACT,
      }),
      bytes,
    );
    const id = toGlobalId('Document', document.id);
    await approveDestruction(as(staff.ARCHIVIST), id, 1);
    const destroyed = await destroyDocument(as(secondArchivist), id, 2);
    expect(destroyed.destroyedAt).toEqual(clock.now());

    const em = db.orm.em.fork();
    expect(await em.execute('select 1 from document_content where document_id = ?', [document.id])).toEqual(
      [],
    );
    const [record] = await em.execute(
      `select sha256, approved_by_id, carried_out_by_id, to_char(destroyed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as destroyed_at
       from document_destruction where document_id = ?`,
      [document.id],
    );
    expect(record).toEqual({
      sha256: document.sha256,
      approved_by_id: staff.ARCHIVIST.id,
      carried_out_by_id: secondArchivist.id,
      destroyed_at: '2026-11-30T02:00:00Z',
    });
    for (const role of Object.values(StaffRole)) {
      for (const action of ['VIEW', 'DOWNLOAD'] as const) {
        expect(await refusal(documentContent(as(staff[role]), id, action))).toEqual({
          code: 'NOT_FOUND',
          field: 'id',
        });
      }
    }
    expect((await refusal(approveDestruction(as(staff.ADMIN), id, 3))).code).toBe('NOT_FOUND');
    expect((await refusal(destroyDocument(as(staff.ADMIN), id, 3))).code).toBe('NOT_FOUND');
    expect(await auditCount(AuditEvent.DOCUMENT_DESTROYED)).toBe(1);
  });
});
