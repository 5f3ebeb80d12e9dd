import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderCard_OrderFragment } from '../../../apollo/generated';
import { Field } from '../forms/Field';
import { FormDialog } from '../forms/FormDialog';
import { localToday } from '../forms/localToday';
import { MutationError } from '../forms/MutationError';
import { useSubmit } from '../forms/useSubmit';
import { useRecordPayment } from './useRecordPayment';

const FIELDS = ['amount', 'paidOn', 'method', 'note'] as const;

export function RecordPaymentForm({
  order,
  onClose,
}: {
  order: OrderCard_OrderFragment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [record, { loading }] = useRecordPayment(order);
  const { submit, error, fieldError } = useSubmit(onClose);
  // Most payments settle the order: the open amount is the likeliest figure.
  const [amount, setAmount] = useState(order.openAmount);
  const [paidOn, setPaidOn] = useState(localToday);
  const [method, setMethod] = useState('');
  const [note, setNote] = useState('');

  return (
    <FormDialog
      title={t('trade.recordPaymentFor', { number: order.number })}
      submitting={loading}
      onClose={onClose}
      onSubmit={() =>
        submit(() =>
          record({ amount: amount.trim(), paidOn, method: method.trim() || null, note: note.trim() || null }),
        )
      }
    >
      <Field label={t('trade.paymentAmount')} error={fieldError('amount')}>
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            required
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('trade.paidOn')} error={fieldError('paidOn')}>
        {(control) => (
          <input
            {...control}
            type="date"
            required
            value={paidOn}
            onChange={(e) => setPaidOn(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('trade.method')} error={fieldError('method')}>
        {(control) => <input {...control} value={method} onChange={(e) => setMethod(e.target.value)} />}
      </Field>
      <Field label={t('trade.note')} error={fieldError('note')}>
        {(control) => <textarea {...control} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <MutationError error={error} fields={FIELDS} />
    </FormDialog>
  );
}
