import {
  abcClassLabels,
  customerLifecycleLabels,
  customerNatureLabels,
  customerOrderFieldLabels,
  customerTierLabels,
  type LabelTable,
  riskCodeLabels,
  riskLevelLabels,
  sortDirectionLabels,
} from '@dossier/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useViewer } from '../../app/Shell';
import { type PlainMessageKey, useLabel } from '../../i18n';
import { CharacteristicFilters } from './CharacteristicFilters';
import { CompetitorControl } from './CompetitorControl';
import { SearchBox, Select } from './FilterControls';
import { type EnumFilter, readListParams, withOwner, withParam } from './listParams';
import { OrderedChip } from './OrderedChip';
import { OwnerControl } from './OwnerControl';

const ENUM_CONTROLS: Array<{ name: EnumFilter; label: PlainMessageKey; options: LabelTable<string> }> = [
  { name: 'nature', label: 'customers.nature', options: customerNatureLabels },
  { name: 'tier', label: 'customers.tier', options: customerTierLabels },
  { name: 'lifecycle', label: 'customers.lifecycle', options: customerLifecycleLabels },
  { name: 'abc', label: 'customers.abc', options: abcClassLabels },
  { name: 'risk', label: 'customers.risk', options: riskLevelLabels },
  { name: 'signal', label: 'customers.signal', options: riskCodeLabels },
];

/** Search, filters and sort of the customer list, all held in the URL's search parameters. */
export function CustomerFilters() {
  const { t } = useTranslation();
  const label = useLabel();
  const id = useId();
  const me = useViewer();
  const [params, setParams] = useSearchParams();
  const list = readListParams(params, me?.role);
  const set = (name: string, value: string) => setParams(withParam(params, name, value), { replace: true });

  return (
    <search className="filters">
      <SearchBox
        id={`${id}-q`}
        label={t('customers.search')}
        hint={t('customers.searchHint')}
        value={list.search}
        onSearch={(value) => set('q', value)}
      />
      <OwnerControl
        id={`${id}-owner`}
        value={list.owner}
        onChange={(owner) => setParams(withOwner(params, owner), { replace: true })}
      />
      {ENUM_CONTROLS.map((control) => (
        <Select
          key={control.name}
          id={`${id}-${control.name}`}
          label={t(control.label)}
          value={list.filters[control.name] ?? ''}
          onChange={(v) => set(control.name, v)}
        >
          <option value="">{t('customers.any')}</option>
          {Object.keys(control.options).map((value) => (
            <option key={value} value={value}>
              {label(control.options, value)}
            </option>
          ))}
        </Select>
      ))}
      <div className="field">
        <label htmlFor={`${id}-region`}>{t('customers.region')}</label>
        <input
          id={`${id}-region`}
          defaultValue={list.region}
          onBlur={(event) => set('region', event.target.value.trim())}
          onKeyDown={(event) => {
            if (event.key === 'Enter') set('region', event.currentTarget.value.trim());
          }}
        />
      </div>
      <CompetitorControl
        id={`${id}-competitor`}
        value={list.competitor}
        onChange={(v) => set('competitor', v)}
      />
      <Select
        id={`${id}-sort`}
        label={t('customers.sort')}
        value={list.sort}
        onChange={(v) => set('sort', v)}
      >
        {Object.keys(customerOrderFieldLabels).map((value) => (
          <option key={value} value={value}>
            {label(customerOrderFieldLabels, value as keyof typeof customerOrderFieldLabels)}
          </option>
        ))}
      </Select>
      <Select
        id={`${id}-dir`}
        label={t('customers.direction')}
        value={list.direction}
        onChange={(v) => set('dir', v)}
      >
        {Object.keys(sortDirectionLabels).map((value) => (
          <option key={value} value={value}>
            {label(sortDirectionLabels, value as keyof typeof sortDirectionLabels)}
          </option>
        ))}
      </Select>
      <CharacteristicFilters values={list.characteristics} onChange={set} />
      {list.ordered && <OrderedChip ordered={list.ordered} />}
      {params.size > 0 && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setParams({}, { replace: true })}
        >
          {t('customers.clear')}
        </button>
      )}
    </search>
  );
}
