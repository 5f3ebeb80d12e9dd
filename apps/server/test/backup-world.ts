import { createHash, randomBytes } from 'node:crypto';
import { Confidentiality, DocumentCategory, StaffRole } from '@dossier/domain';
import pg from 'pg';
import { toGlobalId } from '../src/core/graphql/global-id.js';
import { fileDocument } from '../src/modules/document/document.service.js';
import { Staff } from '../src/modules/staff/staff.entity.js';
import { builders } from './builders.js';
import type { testDatabase } from './harness.js';

type Db = Awaited<ReturnType<typeof testDatabase>>;

/**
 * A small dossier for backup tests: staff, customers (whose triggers fill the ABC grades and risk rows),
 * key persons, relationships, a project and documents whose bytes are random binary, NUL bytes included.
 */
export async function backupWorld(db: Db, customers = 3) {
  const build = builders(db.orm);
  const archivist = await build.staff({ name: '档案员' }, StaffRole.ARCHIVIST);
  const rep = await build.staff({ name: '销售' }, StaffRole.SALES_REP);
  for (let i = 0; i < customers; i++) {
    const customer = await build.customer({ owner: build.ref(Staff, rep) });
    const person = await build.keyPerson(customer);
    await build.relationship(person, rep);
    await build.role(person, undefined, undefined, await build.project(customer));
    await fileDocument(
      db.context({ viewer: archivist }),
      {
        customerId: toGlobalId('Customer', customer.id),
        category: DocumentCategory.CONTRACT,
        confidentiality: Confidentiality.INTERNAL,
        title: `合同 ${i}`,
        documentDate: '2026-11-02',
        retentionYears: 10,
        fileName: `contract-${i}.pdf`,
        mediaType: 'application/pdf',
      },
      Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(40_000 + i), Buffer.alloc(64)]),
    );
  }
}

/**
 * Every table's row count and contents hash, and every document's SHA-256, read with queries of the
 * test's own (not the backup's): what "the restored database equals the source" means.
 */
export async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select tablename as name from pg_tables
        where schemaname = 'public' and tablename <> 'mikro_orm_migrations' order by 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string; hash: string }>(
        `select count(*) as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as hash from "${name}" t`,
      );
      result[name] = `${rows[0]?.n} rows ${rows[0]?.hash}`;
    }
    const { rows: documents } = await client.query<{ id: string; sha256: string; bytes: Buffer }>(
      `select d.id, d.sha256, c.bytes from document d join document_content c on c.document_id = d.id order by d.id`,
    );
    const hashes = documents.map((d) => ({
      id: d.id,
      recorded: d.sha256,
      actual: createHash('sha256').update(d.bytes).digest('hex'),
    }));
    return { tables: result, documents: hashes };
  } finally {
    await client.end();
  }
}
