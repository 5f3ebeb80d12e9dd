import { RiskCode, riskCodeLabels } from '@dossier/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardRiskChoicesQuery } from '../../apollo/generated';
import { useLabel } from '../../i18n';

interface Choice {
  value: string;
  name: string;
}

/** A select whose empty choice means "any": its value is the URL parameter's. */
function FilterSelect({
  label,
  value,
  choices,
  onChange,
}: {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('customers.any')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

interface Props {
  /** the URL's `signal`, `owner` and `region` ('' for any) */
  values: { signal: string; owner: string; region: string };
  /** the owners and regions with risk customers (those without one cannot be picked) */
  choices: DashboardRiskChoicesQuery;
  onChange: (name: 'signal' | 'owner' | 'region', value: string) => void;
}

/** Narrows the risk table by signal, owner and region; each kept in the URL. */
export function RiskFilters({ values, choices, onChange }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const signals = Object.values(RiskCode).map((code) => ({ value: code, name: label(riskCodeLabels, code) }));
  const owners = choices.owners.flatMap((row) =>
    row.owner ? [{ value: row.owner.id, name: `${row.owner.name} (${row.customers})` }] : [],
  );
  const regions = choices.regions.flatMap((row) =>
    row.region ? [{ value: row.region, name: `${row.region} (${row.customers})` }] : [],
  );
  return (
    <>
      <FilterSelect
        label={t('dashboard.signal')}
        value={values.signal}
        choices={signals}
        onChange={(v) => onChange('signal', v)}
      />
      <FilterSelect
        label={t('dashboard.owner')}
        value={values.owner}
        choices={owners}
        onChange={(v) => onChange('owner', v)}
      />
      <FilterSelect
        label={t('dashboard.region')}
        value={values.region}
        choices={regions}
        onChange={(v) => onChange('region', v)}
      />
    </>
  );
}
