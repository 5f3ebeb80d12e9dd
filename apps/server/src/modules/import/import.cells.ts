import {
  findUnstorableCharacter,
  formatDecimal,
  isMonthDay,
  type LabelTable,
  tryParseDecimal,
  unstorableCharacterProblem,
} from '@dossier/domain';
import { GraphQLError } from 'graphql';
import { isLocalDate } from '../../core/graphql/scalars.js';
import {
  optionalEmail,
  optionalPhone,
  optionalText,
  optionalWebsite,
  requiredText,
} from '../../core/validation.js';
import type { ColumnMap } from './import.headers.js';
import type { TableRow } from './import.read.js';
import type { ImportProblem } from './import.report.js';

const MONTH_DAY = /^(\d{1,2})[-/.月](\d{1,2})日?$/;
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const INT32 = 2_147_483_647;

/** Spreadsheets write money with separators and a currency sign: "¥1,234.50" is 1234.50. */
const plainNumber = (value: string) => value.replace(/[,，\s¥￥$]|元$/g, '');

/** Enum values by their name or either label, case-insensitive: 政府机构, Government, GOVERNMENT. */
export function choices<E extends string>(labels: LabelTable<E>): Map<string, E> {
  const byText = new Map<string, E>();
  for (const [value, label] of Object.entries(labels) as Array<[E, LabelTable<E>[E]]>) {
    for (const text of [value, label['zh-CN'], label.en]) byText.set(text.toLowerCase(), value);
  }
  return byText;
}

/**
 * Reads one row's cells by field. Every bad cell adds a problem naming the column and reads as null, so a
 * row reports all its faults at once; `ok` tells whether the row is clean.
 */
export class RowReader {
  readonly problems: ImportProblem[] = [];

  constructor(
    private readonly map: ColumnMap,
    readonly row: TableRow,
  ) {
    // The API's text gate, cell by cell: such a cell is this row's problem, never PostgreSQL's.
    for (const field of map.columns.keys()) {
      const found = findUnstorableCharacter(this.raw(field));
      if (found) this.fail(field, unstorableCharacterProblem(found));
    }
  }

  get line(): number {
    return this.row.line;
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  has(field: string): boolean {
    return this.map.columns.has(field);
  }

  header(field: string): string {
    return this.map.columns.get(field)?.header ?? field;
  }

  raw(field: string): string {
    const column = this.map.columns.get(field);
    return column ? (this.row.cells[column.index] ?? '') : '';
  }

  /** Whether a cell of this column already has a problem, so checks that build on it keep quiet. */
  failed(field: string): boolean {
    return this.problems.some((problem) => problem.column === this.header(field));
  }

  /** Records the cell's first problem only: "empty" after "bad character" would just be noise. */
  fail(field: string, problem: string): null {
    if (this.failed(field)) return null;
    this.problems.push({
      line: this.line,
      column: this.header(field),
      message: `${this.header(field)} ${problem}`,
    });
    return null;
  }

  /** Runs one of the API's own validators on the cell; its BAD_USER_INPUT becomes this row's problem. */
  private validated<T>(field: string, validate: (name: string, value: string) => T): T | null {
    try {
      return validate(this.header(field), this.raw(field));
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      if (!this.failed(field)) {
        this.problems.push({ line: this.line, column: this.header(field), message: error.message });
      }
      return null;
    }
  }

  required(field: string, max: number): string | null {
    return this.validated(field, (name, value) => requiredText(name, value, max));
  }

  text(field: string, max: number): string | null {
    return this.validated(field, (name, value) => optionalText(name, value, max));
  }

  phone(field: string): string | null {
    return this.validated(field, optionalPhone);
  }

  email(field: string): string | null {
    return this.validated(field, optionalEmail);
  }

  website(field: string): string | null {
    return this.validated(field, optionalWebsite);
  }

  choice<E extends string>(field: string, options: Map<string, E>, fallback: E | null): E | null {
    const value = this.raw(field);
    if (value === '') return fallback;
    const chosen = options.get(value.toLowerCase());
    return chosen ?? this.fail(field, `must be one of ${[...new Set(options.values())].join(', ')}`);
  }

  date(field: string, required: boolean): string | null {
    const value = this.raw(field);
    if (value === '') return required ? this.fail(field, 'must not be empty') : null;
    const match = DATE.exec(value);
    const date = match ? `${match[1]}-${match[2]?.padStart(2, '0')}-${match[3]?.padStart(2, '0')}` : '';
    return isLocalDate(date) ? date : this.fail(field, 'must be a date such as 2024-03-31');
  }

  /** Money, never negative: at most 12 digits and 2 decimals. */
  amount(field: string, required = false): string | null {
    const value = plainNumber(this.raw(field));
    if (value === '') return required ? this.fail(field, 'must not be empty') : null;
    const parsed = tryParseDecimal(value);
    if (!parsed.ok || parsed.value < 0n) {
      return this.fail(field, 'must be an amount such as 1234.50, not negative');
    }
    return formatDecimal(parsed.value, 2);
  }

  /** A whole number other than zero; negative for a return. */
  quantity(field: string): number | null {
    const value = plainNumber(this.raw(field));
    const quantity = /^-?\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isNaN(quantity) || quantity === 0 || Math.abs(quantity) > INT32) {
      return this.fail(field, 'must be a whole number other than 0 (negative for a return)');
    }
    return quantity;
  }

  /** A fraction 0..1 with up to 4 decimals, or a percentage such as 15%; empty is no discount. */
  discount(field: string): string | null {
    const value = this.raw(field).replace(/\s/g, '');
    if (value === '') return '0.0000';
    const percent = value.endsWith('%');
    const parsed = percent
      ? tryParseDecimal(value.slice(0, -1), { scale: 2, maxIntegerDigits: 3 })
      : tryParseDecimal(value, { scale: 4, maxIntegerDigits: 1 });
    if (!parsed.ok || parsed.value < 0n || parsed.value > 10_000n) {
      return this.fail(field, 'must be a fraction from 0 to 1 (0.15) or a percentage (15%)');
    }
    // 15% is 1500 hundredths of a percent, which is 0.1500 in ten-thousandths: the same units.
    return formatDecimal(parsed.value, 4);
  }

  /** A birthday's month and day: 09-14, 9/14 or 9月14日, kept as MM-DD; 02-29 is one. */
  monthDay(field: string): string | null {
    const value = this.raw(field);
    if (value === '') return null;
    const match = MONTH_DAY.exec(value);
    const monthDay = match ? `${match[1]?.padStart(2, '0')}-${match[2]?.padStart(2, '0')}` : '';
    return isMonthDay(monthDay) ? monthDay : this.fail(field, 'must be a month and day such as 09-14');
  }

  year(field: string): number | null {
    const value = this.raw(field);
    if (value === '') return null;
    const year = /^\d{4}$/.test(value) ? Number(value) : 0;
    return year >= 1900 && year <= 2100 ? year : this.fail(field, 'must be a year from 1900 to 2100');
  }
}
