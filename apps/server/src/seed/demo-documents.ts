import { Confidentiality, DocumentCategory } from '@dossier/domain';
import { sha256 } from '../modules/document/document.content.js';
import type { Row } from './bulk-insert.js';
import type { DemoCustomer } from './demo-customers.js';
import { addDays, addMonths, type Demo } from './demo-random.js';

/** The documents' own generator: adding them left every other part of the demo as it was. */
export const DOCUMENTS_SEED = 20_261_130;

interface Template {
  title: string;
  category: DocumentCategory;
  level: Confidentiality;
  /** The document's date, in months before today. */
  monthsAgo: number;
  /** Retention in years from that date, or a day it is kept until (days from today), or neither: permanent. */
  years?: number;
  untilInDays?: number;
  /** Filed under one of the customer's projects rather than the dossier itself. */
  underProject?: boolean;
}

/**
 * What an archive a few years old holds: papers kept for their term, a few of them past it, so the
 * keepers' retention list (and the destruction it starts) has something to show from the first start.
 * Dated from today, so the same ones are past retention whenever the demo is made.
 */
const TEMPLATES: readonly Template[] = [
  {
    title: '年度报价单',
    category: DocumentCategory.PRICE_LIST,
    level: Confidentiality.INTERNAL,
    monthsAgo: 27,
    years: 2,
  },
  {
    title: '往来函件（货期确认）',
    category: DocumentCategory.LETTER,
    level: Confidentiality.INTERNAL,
    monthsAgo: 41,
    years: 3,
  },
  {
    title: '项目启动会纪要',
    category: DocumentCategory.MINUTES,
    level: Confidentiality.CONFIDENTIAL,
    monthsAgo: 14,
    untilInDays: -20,
    underProject: true,
  },
  {
    title: '营业执照副本（旧版）',
    category: DocumentCategory.LICENCE,
    level: Confidentiality.INTERNAL,
    monthsAgo: 62,
    untilInDays: -3,
  },
  {
    title: '年度采购框架合同',
    category: DocumentCategory.CONTRACT,
    level: Confidentiality.SECRET,
    monthsAgo: 11,
    years: 10,
  },
  {
    title: '项目技术方案书',
    category: DocumentCategory.PROPOSAL,
    level: Confidentiality.CONFIDENTIAL,
    monthsAgo: 5,
    underProject: true,
  },
];

/**
 * The demo archive: the templates spread over the first customers of `owner` (the demo rep, so the
 * documents tab shows them to the rep too), filed by the archivist, each with plain-text content whose
 * checksum is the one every read verifies. Rows for `document` and `document_content`.
 */
export function planDocuments(
  demo: Demo,
  customers: readonly DemoCustomer[],
  projects: readonly Row[],
  owner: string,
  archivist: string,
): { document: Row[]; document_content: Row[] } {
  const theirs = customers.filter((customer) => customer.ownerId === owner).slice(0, 3);
  const document: Row[] = [];
  const content: Row[] = [];
  TEMPLATES.forEach((template, n) => {
    const customer = theirs[n % theirs.length];
    if (!customer) return;
    const project = template.underProject ? projects.find((p) => p.customer_id === customer.id) : undefined;
    const dated = addMonths(demo.calendarToday, -template.monthsAgo);
    const filedAt = addDays(dated, demo.int(1, 20));
    const bytes = Buffer.from(`${customer.name}\n${template.title}\n${demo.day(dated)}\n`);
    const id = demo.id();
    document.push({
      id,
      created_at: filedAt,
      updated_at: filedAt,
      customer_id: customer.id,
      project_id: project ? String(project.id) : null,
      category: template.category,
      confidentiality: template.level,
      title: template.title,
      document_date: demo.day(dated),
      retention_years: template.years ?? null,
      retain_until:
        template.untilInDays === undefined
          ? null
          : demo.day(addDays(demo.calendarToday, template.untilInDays)),
      file_name: `${template.title}.txt`,
      media_type: 'text/plain',
      size_bytes: bytes.length,
      sha256: sha256(bytes),
      uploaded_by_id: archivist,
    });
    content.push({ document_id: id, bytes });
  });
  return { document, document_content: content };
}
