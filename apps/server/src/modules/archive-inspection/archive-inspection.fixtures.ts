import { Confidentiality, DocumentCategory, StaffRole } from '@dossier/domain';
import { builders } from '../../../test/builders.js';
import type { testDatabase } from '../../../test/harness.js';
import { type Clock, fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { fileDocument } from '../document/document.service.js';
import { requestLoan, returnLoan } from '../document/document-loan.service.js';
import { Staff } from '../staff/staff.entity.js';

type Db = Awaited<ReturnType<typeof testDatabase>>;

/** 20 February 2027, 10:00 in Beijing: the archive's state a few days before the March inspection. */
export const FEBRUARY = fixedClock('2027-02-20T02:00:00Z');

/**
 * An archive with exactly three findings for the March 2027 inspection: a document filed without
 * retention, an INTERNAL document lent on 20 February for 48 hours and never returned, and a document of
 * 2015 kept ten years (past retention since 2025). Beside them, what must not be found: a document kept
 * ten years from 2027, a loan returned in time.
 */
export async function seedArchive(db: Db, clock: Clock = FEBRUARY) {
  const build = builders(db.orm);
  const archivist = await build.staff({ name: '档案员甲' }, StaffRole.ARCHIVIST);
  const retired = await build.staff({ name: '档案员乙', active: false }, StaffRole.ARCHIVIST);
  const admin = await build.staff({ name: '管理员' }, StaffRole.ADMIN);
  const rep = await build.staff({ name: '借阅代表' });
  const customer = await build.customer({ name: '华东机电', owner: build.ref(Staff, rep) });
  const as = (viewer: Staff) => db.context({ viewer, clock });
  const file = async (title: string, documentDate: string, retentionYears: number | null) => {
    const document = await fileDocument(
      as(archivist),
      {
        customerId: toGlobalId('Customer', customer.id),
        category: DocumentCategory.PROPOSAL,
        confidentiality: Confidentiality.INTERNAL,
        title,
        documentDate,
        retentionYears,
        fileName: 'file.pdf',
        mediaType: 'application/pdf',
      },
      Buffer.from(`%PDF-1.7 ${title}`),
    );
    return toGlobalId('Document', document.id);
  };
  await file('无期限方案', '2027-01-10', null);
  const lent = await file('借出方案', '2027-02-01', 10);
  await file('2015年方案', '2015-01-01', 10);
  const returned = await file('已还方案', '2027-02-02', 10);
  await requestLoan(as(rep), lent, null);
  const loan = await requestLoan(as(rep), returned, null);
  await returnLoan(as(rep), toGlobalId('DocumentLoan', loan.id), loan.version);
  return { archivist, retired, admin, rep, customer };
}
