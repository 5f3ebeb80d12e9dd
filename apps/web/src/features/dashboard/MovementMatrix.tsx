import { abcClassLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { DashboardRouteQuery } from '../../apollo/generated';
import { formatNumber, useLabel, useLanguage } from '../../i18n';
import { DownloadButton } from './DataTable';
import { CLASSES, type MatrixRow, movementMatrix, movementTotals } from './movements';
import { type Column, sheetOf } from './sheet';

type Movements = DashboardRouteQuery['abcClassification']['movements'];

/** Customers per (class in the previous period, class now); up and down moves stand out. */
export function MovementMatrix({ movements, range }: { movements: Movements; range: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [language] = useLanguage();
  const totals = movementTotals(movements);
  const rows = movementMatrix(movements);
  const rowName = (from: MatrixRow['from']) =>
    from === null
      ? t('dashboard.newCustomers')
      : t('dashboard.before', { class: label(abcClassLabels, from) });
  const columns: Column<MatrixRow>[] = [
    { header: t('dashboard.previousClass'), value: (row) => rowName(row.from) },
    ...CLASSES.map((to, i) => ({
      header: t('dashboard.now', { class: label(abcClassLabels, to) }),
      value: (row: MatrixRow) => row.cells[i]?.customers ?? 0,
    })),
  ];
  return (
    <div className="movements">
      <p className="movements__totals">
        <span className="moved moved--up">
          {t('dashboard.movedUp', { n: formatNumber(totals.up, language) })}
        </span>
        <span className="moved moved--down">
          {t('dashboard.movedDown', { n: formatNumber(totals.down, language) })}
        </span>
      </p>
      <DownloadButton
        sheet={() => sheetOf(t('dashboard.movements'), columns, rows)}
        fileName={`movements_${range}`}
      />
      <table className="matrix">
        <caption className="muted">{t('dashboard.movementsHow')}</caption>
        <thead>
          <tr>
            <td />
            {columns.slice(1).map((column) => (
              <th key={column.header} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.from ?? 'new'}>
              <th scope="row">{rowName(row.from)}</th>
              {row.cells.map((cell) => (
                <td
                  key={cell.to}
                  className={`matrix__cell matrix__cell--${cell.customers > 0 ? cell.direction : 'none'}`}
                >
                  {formatNumber(cell.customers, language)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
