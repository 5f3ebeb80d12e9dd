// A table as the dashboard shows it and as it downloads: the same columns, the same rows.

export type Cell = string | number;

export interface Column<Row> {
  /** the header, in the viewer's language */
  header: string;
  /** the cell as a spreadsheet holds it: numbers stay numbers */
  value: (row: Row) => Cell;
}

export interface Sheet {
  name: string;
  headers: string[];
  rows: Cell[][];
}

export function sheetOf<Row>(name: string, columns: readonly Column<Row>[], rows: readonly Row[]): Sheet {
  return {
    name,
    headers: columns.map((c) => c.header),
    rows: rows.map((row) => columns.map((c) => c.value(row))),
  };
}

/**
 * Writes the sheet as an .xlsx file and hands it to the browser as a download. ExcelJS is a large
 * library: it is fetched here, on the first click, and never with the page.
 */
export async function downloadXlsx(sheet: Sheet, fileName: string): Promise<void> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
  const worksheet = workbook.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  worksheet.addRow(sheet.headers).font = { bold: true };
  worksheet.addRows(sheet.rows);
  worksheet.views = [{ state: 'frozen', ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  const url = URL.createObjectURL(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the browser no longer needs the URL once it has read it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
