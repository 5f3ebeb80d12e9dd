import type { PreloadQueryFunction } from '@apollo/client/react';
import { useSuspenseQuery } from '@apollo/client/react';
import { useTransition } from 'react';
import { useTranslation } from 'react-i18next';
import { TradeTabDocument, TradeTabOrdersDocument } from '../../../apollo/generated';
import '../forms/dossier-tab.css';
import { OrderCard } from './OrderCard';
import { TradeTotals } from './TradeTotals';

export function preloadTradeTab(preloadQuery: PreloadQueryFunction, customerId: string) {
  return preloadQuery(TradeTabDocument, { variables: { customerId } });
}

/** Trade record (交易状况): orders with their lines, payments and returns, newest first. */
export function TradeTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [loadingMore, startTransition] = useTransition();
  const { data, fetchMore } = useSuspenseQuery(TradeTabDocument, { variables: { customerId } });
  const orders = data.customer?.orders;
  if (!orders) return null;

  function showMore() {
    startTransition(async () => {
      // The cache's connection policy appends the page to the orders shown.
      await fetchMore({
        query: TradeTabOrdersDocument,
        variables: { customerId, after: orders?.pageInfo.endCursor ?? null },
      });
    });
  }

  return (
    <section className="dossier-tab" aria-labelledby="trade-heading">
      <header className="dossier-tab__header">
        <h2 id="trade-heading">{t('trade.heading')}</h2>
      </header>
      {orders.nodes.length === 0 ? (
        <p className="muted">{t('trade.empty')}</p>
      ) : (
        <>
          <TradeTotals orders={orders.nodes} totalCount={orders.totalCount} />
          {orders.nodes.map((order) => (
            <OrderCard key={order.id} order={order} />
          ))}
          {orders.pageInfo.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={loadingMore}
              onClick={showMore}
            >
              {t(loadingMore ? 'app.loading' : 'trade.showMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
