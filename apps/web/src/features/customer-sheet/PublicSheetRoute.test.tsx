import type { MockLink } from '@apollo/client/testing';
import { act, fireEvent, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PublicSheetDocument, SubmitCustomerSheetDocument } from '../../apollo/generated';
import { renderWithProviders } from '../../test/render';
import { PublicSheetRoute } from './PublicSheetRoute';

const field = (name: string, kind: string, value: string | null, options: string[] = []) => ({
  __typename: 'CustomerSheetField',
  field: name,
  kind,
  required: name === 'name' || name === 'nature',
  maxLength: 100,
  options,
  value,
});

const sheet = {
  data: {
    sheetByToken: {
      __typename: 'CustomerSheet',
      expiresAt: '2026-12-14T02:00:00Z',
      fields: [
        field('name', 'TEXT', '华东精密'),
        field('nature', 'ENUM', 'COMPANY', ['GOVERNMENT', 'COMPANY', 'PARTNER']),
        field('city', 'TEXT', '上海'),
        field('phone', 'PHONE', null),
        field('foundedOn', 'DATE', null),
      ],
    },
  },
};

const open = (
  token: string,
  result: object,
  language: 'en' | 'zh-CN' = 'en',
  more: MockLink.MockedResponse[] = [],
) =>
  act(async () =>
    renderWithProviders(<PublicSheetRoute />, {
      language,
      route: '/sheet/:token',
      path: `/sheet/${token}`,
      mocks: [{ request: { query: PublicSheetDocument, variables: { token } }, result }, ...more],
    }),
  );

describe('PublicSheetRoute', () => {
  it('pre-fills the sheet in the browser’s language and submits every field', async () => {
    let sent: unknown;
    await open('dcs_ok', sheet, 'zh-CN', [
      {
        request: {
          query: SubmitCustomerSheetDocument,
          variables: (variables) => {
            sent = variables;
            return true;
          },
        },
        result: { data: { submitCustomerSheet: true } },
      },
    ]);
    expect(await screen.findByRole('heading', { name: '贵公司的基本情况' })).toBeTruthy();
    expect((screen.getByLabelText('客户名称 (必填)') as HTMLInputElement).value).toBe('华东精密');
    expect((screen.getByLabelText('客户性质 (必填)') as HTMLSelectElement).value).toBe('COMPANY');
    fireEvent.change(screen.getByLabelText('城市'), { target: { value: '苏州' } });
    fireEvent.change(screen.getByLabelText('电话'), { target: { value: '0512-1234' } });
    // A date picker for the founding date, which the input hands on as YYYY-MM-DD.
    const founded = screen.getByLabelText('成立日期') as HTMLInputElement;
    expect(founded.type).toBe('date');
    fireEvent.change(founded, { target: { value: '2003-09-16' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交' }));
    });
    expect(sent).toEqual({
      token: 'dcs_ok',
      values: [
        { field: 'name', value: '华东精密' },
        { field: 'nature', value: 'COMPANY' },
        { field: 'city', value: '苏州' },
        { field: 'phone', value: '0512-1234' },
        { field: 'foundedOn', value: '2003-09-16' },
      ],
    });
    expect((await screen.findByRole('status')).textContent).toBe(
      '谢谢！资料表已提交，您的联系人会进行审核。',
    );
  });

  it.each([
    ['LINK_EXPIRED', 'en', 'This link has expired. Please ask your contact for a new one.'],
    ['LINK_USED', 'zh-CN', '此资料表已提交，链接不能再次使用。'],
    ['NOT_FOUND', 'zh-CN', '此链接无效。请确认打开的是完整的链接地址，或向您的联系人索取新链接。'],
  ] as const)('says plainly when the link does not open (%s, %s)', async (code, language, message) => {
    await open('dcs_closed', { errors: [new GraphQLError('closed', { extensions: { code } })] }, language);
    expect((await screen.findByRole('alert')).textContent).toBe(message);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('switches language on the page', async () => {
    await open('dcs_ok', sheet);
    expect(await screen.findByLabelText('Company name (required)')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } });
    expect(await screen.findByLabelText('客户名称 (必填)')).toBeTruthy();
  });
});
