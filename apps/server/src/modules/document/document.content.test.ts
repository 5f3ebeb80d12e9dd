import { randomUUID } from 'node:crypto';
import { StaffRole } from '@dossier/domain';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Staff } from '../staff/staff.entity.js';
import { ContentCorruptError, readContent, removeContent, sha256, storeContent } from './document.content.js';

const db = await testDatabase();
const build = builders(db.orm);
const logged: string[] = [];
const log = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });
let archivist: Staff;
let customerId: string;

beforeAll(async () => {
  archivist = await build.staff({ name: '档案员' }, StaffRole.ARCHIVIST);
  customerId = (await build.customer()).id;
});

/** A stored document with these bytes; its metadata straight in SQL, as the store only needs id and checksum. */
async function storedDocument(bytes: Buffer) {
  const document = { id: randomUUID(), sha256: sha256(bytes) };
  const em = db.orm.em.fork();
  await em.execute(
    `insert into document (id, customer_id, category, confidentiality, title, document_date, retention_years,
       file_name, media_type, size_bytes, sha256, uploaded_by_id)
     values (?, ?, 'CONTRACT', 'CONFIDENTIAL', '购销合同', '2026-03-02', 10, 'contract.pdf', 'application/pdf', ?, ?, ?)`,
    [document.id, customerId, bytes.length, document.sha256, archivist.id],
  );
  await storeContent(em, document.id, bytes);
  return document;
}

describe('document content', () => {
  it('reads back exactly the bytes stored, checksum verified', async () => {
    const bytes = Buffer.from('%PDF-1.7 购销合同 第一页');
    const document = await storedDocument(bytes);
    expect(await readContent(db.orm.em.fork(), document, log)).toEqual(bytes);
  });

  it('refuses and logs content that no longer matches its checksum, and never returns it', async () => {
    const document = await storedDocument(Buffer.from('%PDF-1.7 original'));
    await db.orm.em
      .fork()
      .execute('update document_content set bytes = ? where document_id = ?', [
        Buffer.from('%PDF-1.7 tampered'),
        document.id,
      ]);
    logged.length = 0;
    await expect(readContent(db.orm.em.fork(), document, log)).rejects.toBeInstanceOf(ContentCorruptError);
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0] ?? '{}')).toMatchObject({ documentId: document.id, level: 50 });
  });

  it('removes the bytes for good: nothing left to read, nothing left in storage', async () => {
    const document = await storedDocument(Buffer.from('to be destroyed'));
    const em = db.orm.em.fork();
    expect(await removeContent(em, document.id)).toBe(true);
    expect(await readContent(em, document, log)).toBeNull();
    expect(await em.execute('select 1 from document_content where document_id = ?', [document.id])).toEqual(
      [],
    );
    expect(await removeContent(em, document.id)).toBe(false);
  });
});

describe('the destruction record is append-only in the database itself', () => {
  it.each([
    ['UPDATE', `update document_destruction set title = 'forged'`],
    ['DELETE', 'delete from document_destruction'],
    ['TRUNCATE', 'truncate document_destruction'],
  ])('refuses %s, whoever sends it', async (operation, statement) => {
    const document = await storedDocument(Buffer.from(`destroyed before ${operation}`));
    const em = db.orm.em.fork();
    await em.execute(
      `insert into document_destruction (id, document_id, title, category, confidentiality, file_name, sha256,
         approved_by_id, approved_at, carried_out_by_id, destroyed_at)
       values (?, ?, '购销合同', 'CONTRACT', 'CONFIDENTIAL', 'contract.pdf', ?, ?, now(), ?, now())`,
      [randomUUID(), document.id, document.sha256, archivist.id, archivist.id],
    );
    const before = await em.execute('select * from document_destruction order by id');
    await expect(em.execute(statement)).rejects.toThrow(
      `document_destruction is append-only: ${operation} refused`,
    );
    expect(await db.orm.em.fork().execute('select * from document_destruction order by id')).toEqual(before);
  });
});
