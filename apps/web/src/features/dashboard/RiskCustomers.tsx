import { RiskCode, RiskLevel, riskLevelLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { DashboardRiskQueryVariables, RiskCustomers_RowFragment } from '../../apollo/generated';
import { useLabel } from '../../i18n';
import { customerColumns } from './customerColumns';
import { DataTable, type TableColumn } from './DataTable';

/** The levels the filter offers, lowest first; LOW (the default) lists every customer with a signal. */
export const RISK_FILTER_LEVELS = [RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH] as const;

/** Reads the URL's `risk` parameter: the lowest level listed. */
export const readMinLevel = (value: string | null): RiskLevel =>
  RISK_FILTER_LEVELS.find((level) => level === value) ?? RiskLevel.LOW;

/** Reads the URL's `signal`: one of the risk codes, or none (any signal). */
export const readSignal = (value: string | null): RiskCode | undefined =>
  Object.values(RiskCode).find((code) => code === value);

/** The risk table's filters from the URL: `risk` (lowest level), `signal`, `owner` (a Staff id), `region`. */
export function riskVariables(params: URLSearchParams): DashboardRiskQueryVariables {
  const signal = readSignal(params.get('signal'));
  const ownerId = params.get('owner');
  const region = params.get('region');
  return {
    minLevel: readMinLevel(params.get('risk')),
    ...(signal && { signals: [signal] }),
    ...(ownerId && { ownerId }),
    ...(region && { region: [region] }),
  };
}

/** Customers at risk, riskiest first, each with every signal's reason; a row opens the dossier. */
export function RiskCustomers({
  rows,
  fileName,
}: {
  rows: readonly RiskCustomers_RowFragment[];
  fileName: string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const { customer, code, owner } = customerColumns<RiskCustomers_RowFragment>(t, (r) => r);
  const columns: TableColumn<RiskCustomers_RowFragment>[] = [
    customer,
    code,
    owner,
    { header: t('dashboard.region'), value: (r) => r.region ?? '' },
    {
      header: t('dashboard.level'),
      value: (r) => label(riskLevelLabels, r.risk.level),
      render: (r) => (
        <span className={`chip chip--risk-${r.risk.level}`}>{label(riskLevelLabels, r.risk.level)}</span>
      ),
    },
    {
      header: t('dashboard.reasons'),
      // One reason a line, in the file as on the page.
      value: (r) => r.risk.signals.map((s) => s.message).join('\n'),
      render: (r) => (
        <ul className="reasons">
          {r.risk.signals.map((s) => (
            <li key={s.code} className={`reason reason--${s.level}`}>
              {s.message}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <DataTable
      caption={t('dashboard.risk')}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      fileName={fileName}
    />
  );
}
