import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { CompetitorOptionsDocument } from '../../apollo/generated';
import { Select } from './FilterControls';

/**
 * Customers where a competitor is present: the company-wide list, retired competitors too (they are still
 * recorded at customers). Read when the list opens; a short list, so a plain select.
 */
export function CompetitorControl({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (competitorId: string) => void;
}) {
  const { t } = useTranslation();
  const { data } = useQuery(CompetitorOptionsDocument);
  return (
    <Select id={id} label={t('customers.competitor')} value={value} onChange={onChange}>
      <option value="">{t('customers.any')}</option>
      {data?.competitors.map((competitor) => (
        <option key={competitor.id} value={competitor.id}>
          {competitor.active ? competitor.name : t('customers.retiredCompetitor', { name: competitor.name })}
        </option>
      ))}
    </Select>
  );
}
