import { addMoney } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { OrderCard_OrderFragment } from '../../../apollo/generated';
import { Amounts } from './Amounts';

type Settled = Pick<OrderCard_OrderFragment, 'total' | 'paidAmount' | 'returnedAmount' | 'openAmount'>;

/** Sums of the orders shown, exact to the cent. */
export function TradeTotals({ orders, totalCount }: { orders: readonly Settled[]; totalCount: number }) {
  const { t } = useTranslation();
  const sum = (field: keyof Settled) => addMoney('0', ...orders.map((order) => order[field]));
  return (
    <section className="trade-totals" aria-labelledby="trade-totals-heading">
      <h3 id="trade-totals-heading">{t('trade.totals', { shown: orders.length, all: totalCount })}</h3>
      <Amounts
        total={sum('total')}
        paid={sum('paidAmount')}
        returned={sum('returnedAmount')}
        open={sum('openAmount')}
      />
    </section>
  );
}
