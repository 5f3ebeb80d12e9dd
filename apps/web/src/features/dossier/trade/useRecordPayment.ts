import { useMutation } from '@apollo/client/react';
import { addMoney, openAmount, tryParseDecimal } from '@dossier/domain';
import {
  type OrderCard_OrderFragment,
  RecordPaymentDocument,
  type RecordPaymentInput,
} from '../../../apollo/generated';

/** Records a payment; the order's paid and open amounts change at once, the server's figures follow. */
export function useRecordPayment(order: OrderCard_OrderFragment) {
  const [mutate, { loading }] = useMutation(RecordPaymentDocument);

  function record(input: Omit<RecordPaymentInput, 'orderId'>) {
    const variables = { input: { ...input, orderId: order.id } };
    // A malformed amount is the server's to refuse (next to the field); nothing to show before that.
    if (!tryParseDecimal(input.amount).ok) return mutate({ variables });
    const paidAmount = addMoney(order.paidAmount, input.amount);
    const payment = {
      __typename: 'Payment' as const,
      id: `Payment:optimistic-${order.id}`,
      amount: input.amount,
      paidOn: input.paidOn,
      method: input.method ?? null,
      note: input.note ?? null,
    };
    return mutate({
      variables,
      optimisticResponse: {
        recordPayment: {
          ...payment,
          order: {
            __typename: 'Order',
            id: order.id,
            paidAmount,
            openAmount: openAmount({ total: order.total, returned: order.returnedAmount, paid: paidAmount }),
            payments: [...order.payments, payment],
          },
        },
      },
    });
  }

  return [record, { loading }] as const;
}
