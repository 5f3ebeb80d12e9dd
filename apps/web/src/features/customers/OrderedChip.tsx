import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OrderedChipProductDocument } from '../../apollo/generated';
import { formatDate, useLanguage } from '../../i18n';
import { ORDERED_PARAMS, type Ordered } from './listParams';

/**
 * Why a list opened from the dashboard's sales composition is narrowed: no control of the filter
 * row shows "ordered in the period, of this product", so a chip says it, with a button to drop it.
 */
export function OrderedChip({ ordered }: { ordered: Ordered }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const [params, setParams] = useSearchParams();
  const { data } = useQuery(OrderedChipProductDocument, {
    variables: { id: ordered.product ?? '' },
    skip: !ordered.product,
  });
  const product = data?.node?.__typename === 'Product' ? data.node.name : ordered.product;
  const parts = [
    t('customers.orderedChip', {
      from: formatDate(ordered.from, language),
      to: formatDate(ordered.to, language),
    }),
    product && t('customers.orderedProduct', { name: product }),
    ordered.category && t('customers.orderedCategory', { name: ordered.category }),
    ordered.region && t('customers.orderedRegion', { name: ordered.region }),
  ];
  const remove = () => {
    const next = new URLSearchParams(params);
    for (const name of ORDERED_PARAMS) next.delete(name);
    setParams(next, { replace: true });
  };
  return (
    <p className="filter-chip" data-testid="ordered-filter">
      <span>{parts.filter(Boolean).join(' · ')}</span>
      <button
        type="button"
        className="filter-chip__remove"
        aria-label={t('customers.orderedRemove')}
        onClick={remove}
      >
        ×
      </button>
    </p>
  );
}
