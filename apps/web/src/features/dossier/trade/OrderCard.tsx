import { compareMoney } from '@dossier/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderCard_OrderFragment } from '../../../apollo/generated';
import { useMayEdit } from '../forms/mayEdit';
import { useFormat } from '../forms/useFormat';
import { Amounts } from './Amounts';
import { RecordPaymentForm } from './RecordPaymentForm';

/** One order: its lines, what was paid and returned, what is still open, and a way to record a payment. */
export function OrderCard({ order }: { order: OrderCard_OrderFragment }) {
  const { t } = useTranslation();
  const mayEdit = useMayEdit();
  const format = useFormat();
  const [paying, setPaying] = useState(false);
  const open = compareMoney(order.openAmount, '0') > 0;

  return (
    <article className="order-card" aria-labelledby={`order-${order.id}`}>
      <header className="order-card__header">
        <h3 id={`order-${order.id}`}>{t('trade.orderTitle', { number: order.number })}</h3>
        <span className="muted">
          {t('trade.orderedAt', { date: format.date(order.orderedAt) })}
          {order.dueDate && ` · ${t('trade.dueDate', { date: format.date(order.dueDate) })}`}
        </span>
      </header>
      <Amounts
        total={order.total}
        paid={order.paidAmount}
        returned={order.returnedAmount}
        open={order.openAmount}
        owing={open}
      />
      <table className="table">
        <caption className="visually-hidden">{t('trade.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trade.product')}</th>
            <th scope="col">{t('trade.quantity')}</th>
            <th scope="col">{t('trade.unitPrice')}</th>
            <th scope="col">{t('trade.discount')}</th>
            <th scope="col">{t('trade.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line, index) => (
            // Lines have no id of their own; their position in the order is stable.
            <tr key={index}>
              <td>
                {line.product.name} <span className="muted">{line.product.sku}</span>
              </td>
              <td className="amount">{line.quantity}</td>
              <td className="amount">{format.money(line.unitPrice)}</td>
              <td className="amount">{format.percent(line.discount)}</td>
              <td className="amount">{format.money(line.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {order.payments.length > 0 && (
        <>
          <h4>{t('trade.payments')}</h4>
          <ul className="plain-list">
            {order.payments.map((payment) => (
              <li key={payment.id}>
                {format.date(payment.paidOn)} · {format.money(payment.amount)}
                {payment.method && ` · ${payment.method}`}
                {payment.note && <span className="muted"> · {payment.note}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {order.returns.length > 0 && (
        <>
          <h4>{t('trade.returns')}</h4>
          <ul className="plain-list">
            {order.returns.map((item) => (
              <li key={item.id}>
                {format.date(item.returnedOn)} · {format.money(item.amount)} · {item.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {open && mayEdit && (
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={paying}
          onClick={() => setPaying(true)}
        >
          {t('trade.recordPayment')}
        </button>
      )}
      {paying && <RecordPaymentForm order={order} onClose={() => setPaying(false)} />}
    </article>
  );
}
