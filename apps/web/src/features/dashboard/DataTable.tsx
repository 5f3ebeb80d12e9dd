import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, downloadXlsx, type Sheet, sheetOf } from './sheet';

export interface TableColumn<Row> extends Column<Row> {
  /** how the page shows the cell, when not as its plain value (a link, a chip) */
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
}

interface Props<Row> {
  caption: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** the .xlsx file's name, without extension */
  fileName: string;
  /** every row of the list, for the file, when the table shows only the first ones */
  allRows?: () => Promise<readonly Row[]>;
}

/** Downloads `sheet()` as `<fileName>.xlsx`; disabled while the file is being written. */
export function DownloadButton({
  sheet,
  fileName,
}: {
  sheet: () => Sheet | Promise<Sheet>;
  fileName: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadXlsx(await sheet(), `${fileName}.xlsx`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="data-table__tools">
      <button type="button" className="button button--secondary" disabled={busy} onClick={download}>
        {t('dashboard.download')}
      </button>
    </div>
  );
}

/**
 * A table of the dashboard with its download: the file has exactly the columns shown, and the rows shown
 * or, for a table of a list's first rows, every row of the list.
 */
export function DataTable<Row>({ caption, columns, rows, rowKey, fileName, allRows }: Props<Row>) {
  return (
    <div className="data-table">
      <DownloadButton
        sheet={async () => sheetOf(caption, columns, allRows ? await allRows() : rows)}
        fileName={fileName}
      />
      <div className="data-table__scroll">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" className={c.numeric ? 'numeric' : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.header} className={c.numeric ? 'numeric' : undefined}>
                    {c.render ? c.render(row) : c.value(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
