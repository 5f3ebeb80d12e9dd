import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { RecordPaymentDocument, TradeTabDocument, TradeTabOrdersDocument } from '../../../apollo/generated';
import { renderTab } from '../../../test/renderTab';
import { TradeTab } from './TradeTab';

const customerId = 'Customer:1';

const order = {
  __typename: 'Order',
  id: 'Order:7',
  number: 'SO-2026-0007',
  orderedAt: '2026-10-08',
  dueDate: '2026-11-07',
  total: '12000.00',
  paidAmount: '2000.00',
  returnedAmount: '500.00',
  openAmount: '9500.00',
  lines: [
    {
      __typename: 'OrderLine',
      quantity: 10,
      unitPrice: '1250.00',
      discount: '0.0400',
      amount: '12000.00',
      product: { __typename: 'Product', id: 'Product:3', name: '工业传感器', sku: 'SNS-300' },
    },
  ],
  payments: [
    {
      __typename: 'Payment',
      id: 'Payment:1',
      amount: '2000.00',
      paidOn: '2026-10-20',
      method: '银行转账',
      note: null,
    },
  ],
  returns: [
    {
      __typename: 'OrderReturn',
      id: 'OrderReturn:1',
      amount: '500.00',
      returnedOn: '2026-10-25',
      reason: '包装破损',
    },
  ],
};

const paidOrder = {
  ...order,
  id: 'Order:6',
  number: 'SO-2026-0006',
  total: '800.50',
  paidAmount: '800.50',
  returnedAmount: '0.00',
  openAmount: '0.00',
  lines: [],
  payments: [],
  returns: [],
};

const tabMock = {
  request: { query: TradeTabDocument, variables: { customerId } },
  result: {
    data: {
      customer: {
        __typename: 'Customer',
        id: customerId,
        creditLimit: '50000.00',
        orders: {
          __typename: 'OrderConnection',
          nodes: [order, paidOrder],
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
          totalCount: 2,
        },
      },
    },
  },
};

const paymentInput = {
  orderId: order.id,
  amount: '3000.00',
  paidOn: '2026-11-02',
  method: '承兑汇票',
  note: null,
};

function amountsOf(element: HTMLElement) {
  return Object.fromEntries(
    within(element)
      .getAllByRole('term')
      .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
  );
}

async function openPaymentForm() {
  const card = await screen.findByRole('article', { name: 'Order SO-2026-0007' });
  fireEvent.click(within(card).getByRole('button', { name: 'Record a payment' }));
  const dialog = screen.getByRole('dialog', { name: 'Record a payment for order SO-2026-0007' });
  fireEvent.change(within(dialog).getByLabelText('Amount (CNY)'), { target: { value: '3000.00' } });
  fireEvent.change(within(dialog).getByLabelText('Paid on'), { target: { value: '2026-11-02' } });
  fireEvent.change(within(dialog).getByLabelText('Method'), { target: { value: '承兑汇票' } });
  return { card, dialog };
}

describe('TradeTab', () => {
  it('shows each order with its lines, settlement in CNY, payments, returns and the totals', async () => {
    await renderTab(<TradeTab customerId={customerId} />, { mocks: [tabMock] });

    const card = await screen.findByRole('article', { name: 'Order SO-2026-0007' });
    expect(amountsOf(card)).toEqual({
      Total: 'CN¥12,000.00',
      Paid: 'CN¥2,000.00',
      Returned: 'CN¥500.00',
      Open: 'CN¥9,500.00',
    });
    const [line] = within(within(card).getByRole('table')).getAllByRole('row').slice(1);
    expect(
      within(line as HTMLElement)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['工业传感器 SNS-300', '10', 'CN¥1,250.00', '4%', 'CN¥12,000.00']);
    expect(
      within(card)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Oct 20, 2026 · CN¥2,000.00 · 银行转账', 'Oct 25, 2026 · CN¥500.00 · 包装破损']);
    expect(amountsOf(screen.getByRole('region', { name: 'Totals of 2 of 2 orders' }))).toEqual({
      Total: 'CN¥12,800.50',
      Paid: 'CN¥2,800.50',
      Returned: 'CN¥500.00',
      Open: 'CN¥9,500.00',
    });
    // A settled order offers no payment.
    const settled = screen.getByRole('article', { name: 'Order SO-2026-0006' });
    expect(within(settled).queryByRole('button', { name: 'Record a payment' })).toBeNull();
  });

  it('offers a reader (analyst, archivist) no payment to record', async () => {
    await renderTab(<TradeTab customerId={customerId} />, { mocks: [tabMock], mayEdit: false });

    const card = await screen.findByRole('article', { name: 'Order SO-2026-0007' });
    expect(within(card).queryByRole('button', { name: 'Record a payment' })).toBeNull();
  });

  it('lowers the open amount as soon as a payment is recorded, then keeps the server figures', async () => {
    const saved = {
      __typename: 'Payment',
      id: 'Payment:2',
      amount: '3000.00',
      paidOn: '2026-11-02',
      method: '承兑汇票',
      note: null,
    };
    await renderTab(<TradeTab customerId={customerId} />, {
      mocks: [
        tabMock,
        {
          request: { query: RecordPaymentDocument, variables: { input: paymentInput } },
          delay: 30,
          result: {
            data: {
              recordPayment: {
                ...saved,
                order: {
                  __typename: 'Order',
                  id: order.id,
                  paidAmount: '5000.00',
                  openAmount: '6500.00',
                  payments: [...order.payments, saved],
                },
              },
            },
          },
        },
      ],
    });
    const { card, dialog } = await openPaymentForm();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    // Before the server answers.
    expect(amountsOf(card)).toMatchObject({ Paid: 'CN¥5,000.00', Open: 'CN¥6,500.00' });
    expect(amountsOf(screen.getByRole('region', { name: /^Totals/ }))).toMatchObject({ Open: 'CN¥6,500.00' });
    expect(within(card).getByText('Nov 2, 2026 · CN¥3,000.00 · 承兑汇票')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Saving…' })).toBeTruthy();

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(amountsOf(card)).toMatchObject({ Paid: 'CN¥5,000.00', Open: 'CN¥6,500.00' });
    expect(within(card).getAllByRole('listitem')).toHaveLength(3);
  });

  it('shows the server refusal next to the amount and restores the open amount', async () => {
    await renderTab(<TradeTab customerId={customerId} />, {
      mocks: [
        tabMock,
        {
          request: { query: RecordPaymentDocument, variables: { input: paymentInput } },
          result: {
            errors: [
              new GraphQLError('input.amount must not exceed the open amount 2500.00', {
                extensions: { code: 'BAD_USER_INPUT', field: 'input.amount' },
              }),
            ],
          },
        },
      ],
    });
    const { card, dialog } = await openPaymentForm();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const amount = within(dialog).getByLabelText('Amount (CNY)');
    await screen.findByText('input.amount must not exceed the open amount 2500.00');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(amount.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'input.amount must not exceed the open amount 2500.00',
    );
    expect(amountsOf(card)).toMatchObject({ Paid: 'CN¥2,000.00', Open: 'CN¥9,500.00' });
    // Nothing but the field message: no second, generic alert.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('labels amounts in Chinese with the yuan sign', async () => {
    await renderTab(<TradeTab customerId={customerId} />, { mocks: [tabMock], language: 'zh-CN' });

    const card = await screen.findByRole('article', { name: '订单 SO-2026-0007' });
    expect(amountsOf(card)).toEqual({
      订单金额: '¥12,000.00',
      已付金额: '¥2,000.00',
      退赔折价: '¥500.00',
      未付金额: '¥9,500.00',
    });
  });

  it('shows older orders on demand and counts them into the totals', async () => {
    const firstPage = structuredClone(tabMock);
    firstPage.result.data.customer.orders.nodes = [order];
    firstPage.result.data.customer.orders.pageInfo = {
      __typename: 'PageInfo',
      hasNextPage: true,
      endCursor: 'c1',
    };
    await renderTab(<TradeTab customerId={customerId} />, {
      mocks: [
        firstPage,
        {
          request: { query: TradeTabOrdersDocument, variables: { customerId, after: 'c1' } },
          result: {
            data: {
              customer: {
                __typename: 'Customer',
                id: customerId,
                orders: {
                  __typename: 'OrderConnection',
                  nodes: [paidOrder],
                  pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c2' },
                  totalCount: 2,
                },
              },
            },
          },
        },
      ],
    });
    expect(await screen.findByRole('region', { name: 'Totals of 1 of 2 orders' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show more orders' }));

    const totals = await screen.findByRole('region', { name: 'Totals of 2 of 2 orders' });
    expect(amountsOf(totals)).toMatchObject({ Total: 'CN¥12,800.50', Open: 'CN¥9,500.00' });
    expect(screen.getAllByRole('article').map((card) => card.getAttribute('aria-labelledby'))).toHaveLength(
      2,
    );
    expect(screen.queryByRole('button', { name: 'Show more orders' })).toBeNull();
  });
});
