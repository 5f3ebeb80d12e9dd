import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** One data row with the line the user sees it on (spreadsheet row, or the CSV line where it starts). */
export interface TableRow {
  line: number;
  cells: string[];
}

export interface Table {
  headers: string[];
  rows: TableRow[];
}

export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly line = 1,
  ) {
    super(message);
  }
}

export type FileFormat = 'csv' | 'xlsx';

export function formatOf(fileName: string): FileFormat | null {
  const extension = fileName.toLowerCase().split('.').pop();
  if (extension === 'csv') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  return null;
}

/** UTF-8 (with or without BOM) or, failing that, GB18030: what Excel in China saves a CSV as. */
function decode(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

const DELIMITERS = [',', '\t', ';'] as const;

function delimiterOf(text: string): string {
  const firstLine = text.split('\n', 1)[0] ?? '';
  const counts = DELIMITERS.map((d) => firstLine.split(d).length);
  return DELIMITERS[counts.indexOf(Math.max(...counts))] ?? ',';
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell === '');

function splitTable(records: Array<{ line: number; cells: string[] }>): Table {
  const [header, ...rows] = records.filter((record) => !isBlank(record.cells));
  if (!header) throw new UnreadableFile('the file is empty');
  return { headers: header.cells, rows };
}

/** Where the quote that never closes was opened: csv-parse only tells where it gave up, at the end. */
function openQuoteLine(text: string): number {
  let line = 1;
  let openedOn = 1;
  let quoted = false;
  for (const char of text) {
    if (char === '\n') line += 1;
    else if (char === '"') {
      quoted = !quoted;
      if (quoted) openedOn = line;
    }
  }
  return openedOn;
}

function readCsv(content: Buffer): Table {
  const text = decode(content).replace(/\r\n?/g, '\n');
  try {
    const records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return splitTable(
      records.map(({ record, info }) => {
        const cells = record.map((cell) => cell.trim());
        // info.lines is where the record ends; a quoted cell may span lines.
        const spanned = record.reduce((n, cell) => n + cell.split('\n').length - 1, 0);
        return { line: info.lines - spanned, cells };
      }),
    );
  } catch (error) {
    if (error instanceof CsvError) {
      const line =
        error.code === 'CSV_QUOTE_NOT_CLOSED' ? openQuoteLine(text) : (error as { lines?: number }).lines;
      throw new UnreadableFile(`not a readable CSV file: ${error.message}`, line);
    }
    throw error;
  }
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A cell as text: numbers without float noise, dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return isoDate(value);
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text).trim();
  if ('error' in value) return String(value.error);
  return '';
}

async function readXlsx(content: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFile(`not a readable XLSX file: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new UnreadableFile('the workbook is empty');
  const width = sheet.columnCount;
  const records: Array<{ line: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
    records.push({ line, cells });
  });
  return splitTable(records);
}

/** The header row and data rows of a CSV or of the first non-empty sheet of an XLSX workbook. */
export function readTable(format: FileFormat, content: Buffer): Promise<Table> {
  return format === 'csv' ? Promise.resolve().then(() => readCsv(content)) : readXlsx(content);
}
