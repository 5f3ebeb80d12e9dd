import ExcelJS from 'exceljs';

export type Cell = string | number | Date | null;

/** A CSV as a spreadsheet saves it: quoted where needed, CRLF line ends. */
export function csv(rows: ReadonlyArray<ReadonlyArray<Cell>>): Buffer {
  const quote = (cell: Cell) => {
    const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '');
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return Buffer.from(`${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** An XLSX workbook with one sheet, typed cells as Excel keeps them (numbers, dates). */
export async function xlsx(rows: ReadonlyArray<ReadonlyArray<Cell>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入');
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `count` customer rows with codes prefix-0001…, as a customer sheet would list them. */
export function customerRows(prefix: string, count: number): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return [
      `${prefix}-${n}`,
      `Customer ${prefix} ${n}`,
      i % 2 === 0 ? 'Company' : '政府机构',
      'East',
      '021-5555 0000',
    ];
  });
}
