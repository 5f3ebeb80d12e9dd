import { COLUMNS, type ColumnSpec, ImportKind, LINE_FIELDS } from './import.columns.js';
import type { ImportProblem } from './import.report.js';

/** Where each field's column is, by the header the file gave it. */
export interface ColumnMap {
  kind: ImportKind;
  columns: Map<string, { index: number; header: string }>;
  /** Headers that name no column of this kind: their cells are not imported. */
  ignored: string[];
}

/** "Unit Price (¥)", "unit_price" and "UNIT PRICE" are the same header; so are 单价（元） and 单价. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]/g, '')
    .replace(/[\s_\-*.:/#]+/g, '');
}

const NAMES = new Map(
  Object.values(ImportKind).map((kind) => [
    kind,
    new Map(
      COLUMNS[kind].flatMap((spec) => spec.names.map((name) => [normalizeHeader(name), spec] as const)),
    ),
  ]),
);

const specOf = (kind: ImportKind, header: string): ColumnSpec | undefined =>
  NAMES.get(kind)?.get(normalizeHeader(header));

const headerProblem = (header: string | null, message: string): ImportProblem => ({
  line: 1,
  column: header,
  message,
});

/** Maps the header row onto a kind's fields; a missing required column or a repeated one is a problem. */
export function mapColumns(kind: ImportKind, headers: readonly string[]) {
  const map: ColumnMap = { kind, columns: new Map(), ignored: [] };
  const problems: ImportProblem[] = [];
  headers.forEach((header, index) => {
    if (header === '') return;
    const spec = specOf(kind, header);
    const earlier = spec && map.columns.get(spec.field);
    if (!spec) map.ignored.push(header);
    else if (earlier) problems.push(headerProblem(header, `means the same as column "${earlier.header}"`));
    else map.columns.set(spec.field, { index, header });
  });
  const lineFields = LINE_FIELDS.filter((field) => map.columns.has(field));
  // An orders file either has lines or not; half a line cannot be imported.
  const lineRequired = kind === ImportKind.ORDERS && lineFields.length > 0;
  for (const spec of COLUMNS[kind]) {
    const required =
      spec.required || (lineRequired && (LINE_FIELDS as readonly string[]).includes(spec.field));
    if (required && !map.columns.has(spec.field)) {
      problems.push(headerProblem(null, `${kind} need a column "${spec.names.join('" / "')}"`));
    }
  }
  return { map, problems };
}

/**
 * The kind whose required columns are all there and which recognises the most headers. On a tie the kind
 * listed first wins: a sheet of only a customer code and a name is a customer list, not key persons.
 */
export function inferKind(headers: readonly string[]): ImportKind | ImportProblem {
  const scored = Object.values(ImportKind)
    .map((kind) => {
      const fields = new Set(headers.map((header) => specOf(kind, header)?.field).filter(Boolean));
      const complete = COLUMNS[kind].every((spec) => !spec.required || fields.has(spec.field));
      return { kind, score: complete ? fields.size : 0 };
    })
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score);
  return (
    scored[0]?.kind ??
    headerProblem(
      null,
      'the headers fit no kind of record; name the kind (customers, key-persons, orders, order-lines)',
    )
  );
}
