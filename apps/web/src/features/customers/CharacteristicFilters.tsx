import { CUSTOMER_CHARACTERISTICS } from '@dossier/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel, useLanguage } from '../../i18n';
import { Select } from './FilterControls';
import type { CharacteristicParams } from './listParams';

interface Props {
  values: CharacteristicParams;
  onChange: (field: string, value: string) => void;
}

/**
 * Filters on the customer characteristics (客户特征), one control per CUSTOMER_CHARACTERISTICS entry, folded
 * away until opened: twelve more controls would bury the everyday filters on a tablet. Opens by itself when
 * the URL already filters on one.
 */
export function CharacteristicFilters({ values, onChange }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const [language] = useLanguage();
  const id = useId();
  const active = Object.keys(values).length;
  return (
    <details className="filters__more" open={active > 0}>
      <summary>
        {active > 0 ? t('customers.characteristicsActive', { count: active }) : t('characteristics.title')}
      </summary>
      <div className="filters">
        {CUSTOMER_CHARACTERISTICS.map((c) =>
          c.kind === 'enum' ? (
            <Select
              key={c.field}
              id={`${id}-${c.field}`}
              label={c.label[language]}
              value={values[c.field] ?? ''}
              onChange={(value) => onChange(c.field, value)}
            >
              <option value="">{t('customers.any')}</option>
              {Object.keys(c.labels).map((value) => (
                <option key={value} value={value}>
                  {label(c.labels, value)}
                </option>
              ))}
            </Select>
          ) : (
            <div key={c.field} className="field">
              <label htmlFor={`${id}-${c.field}`}>{c.label[language]}</label>
              <input
                id={`${id}-${c.field}`}
                defaultValue={values[c.field] ?? ''}
                onBlur={(event) => onChange(c.field, event.target.value.trim())}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') onChange(c.field, event.currentTarget.value.trim());
                }}
              />
            </div>
          ),
        )}
      </div>
    </details>
  );
}
