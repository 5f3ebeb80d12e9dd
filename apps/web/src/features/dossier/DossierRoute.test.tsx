import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  BasicTabDocument,
  DossierRouteDocument,
  HistoryTabDocument,
  UpdateCustomerDocument,
  ViewerDocument,
} from '../../apollo/generated';
import { renderApp } from '../../test/render';
import { noCharacteristics } from './basic/characteristics.fixtures';

const signedIn = {
  request: { query: ViewerDocument },
  result: { data: { me: { __typename: 'Staff', id: 's1', name: '魏丽', role: 'SALES_REP' } } },
};

const header = {
  __typename: 'Customer',
  id: 'c1',
  name: '上海同创电力',
  code: 'C000237',
  version: 3,
  mayEdit: true,
  reviewedAt: null,
  tier: 'GENERAL',
  owner: null,
  abc: { __typename: 'AbcGrade', class: 'B' },
  risk: { __typename: 'RiskAssessment', level: 'LOW' },
  completeness: { __typename: 'Completeness', score: 62, missing: [] },
};

const basic = {
  ...header,
  nature: 'COMPANY',
  lifecycle: 'ACTIVE',
  industry: null,
  region: null,
  city: null,
  address: null,
  phone: null,
  website: null,
  legalRepresentative: null,
  foundedOn: null,
  creditLimit: null,
  parent: null,
  branches: [],
  characteristics: noCharacteristics,
  sheetLinks: [],
  weeklyChecks: [],
};

describe('the dossier route', () => {
  it('opens /customers/:id on the basic tab, with every section in the tab bar', async () => {
    const { router } = await act(async () =>
      renderApp('/customers/c1', {
        mocks: [
          signedIn,
          {
            request: { query: DossierRouteDocument, variables: { id: 'c1' } },
            result: { data: { customer: header } },
          },
          {
            request: { query: BasicTabDocument, variables: { customerId: 'c1' } },
            result: { data: { customer: basic } },
          },
        ],
      }),
    );

    expect((await screen.findByRole('heading', { name: 'Basic sheet' })).tagName).toBe('H2');
    expect(router.state.location.pathname).toBe('/customers/c1/basic');
    const tabs = screen.getByRole('navigation', { name: 'Dossier sections' }).querySelectorAll('a');
    expect([...tabs].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Basic sheet', '/customers/c1/basic'],
      ['Key persons', '/customers/c1/people'],
      ['Relationship map', '/customers/c1/map'],
      ['Decision roles', '/customers/c1/roles'],
      ['Projects', '/customers/c1/projects'],
      ['Trade', '/customers/c1/trade'],
      ['Credit', '/customers/c1/credit'],
      ['Documents', '/customers/c1/documents'],
      ['Feedback', '/customers/c1/feedback'],
      ['Competitors', '/customers/c1/competitors'],
      ['History', '/customers/c1/history'],
    ]);
    expect(screen.getByText('Owner: nobody', { exact: false }).textContent).toBe(
      'C000237 · Owner: nobody · Never reviewed',
    );
  });

  it('shows an analyst the dossier with nothing to change, and says why', async () => {
    await act(async () =>
      renderApp('/customers/c1/basic', {
        mocks: [
          { ...signedIn, result: { data: { me: { ...signedIn.result.data.me, role: 'ANALYST' } } } },
          {
            request: { query: DossierRouteDocument, variables: { id: 'c1' } },
            result: { data: { customer: { ...header, mayEdit: false } } },
          },
          {
            request: { query: BasicTabDocument, variables: { customerId: 'c1' } },
            result: { data: { customer: basic } },
          },
        ],
      }),
    );

    expect((await screen.findByRole('heading', { name: 'Basic sheet' })).tagName).toBe('H2');
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    const review = screen.getByRole('button', { name: 'Mark reviewed' }) as HTMLButtonElement;
    expect(review.disabled).toBe(true);
    expect(screen.getByText('Your role reads dossiers and changes none.').id).toBe('dossier-read-only');
  });

  it('offers a sales rep the basic sheet’s edit button', async () => {
    await act(async () =>
      renderApp('/customers/c1/basic', {
        mocks: [
          signedIn,
          {
            request: { query: DossierRouteDocument, variables: { id: 'c1' } },
            result: { data: { customer: header } },
          },
          {
            request: { query: BasicTabDocument, variables: { customerId: 'c1' } },
            result: { data: { customer: basic } },
          },
        ],
      }),
    );

    expect((await screen.findByRole('button', { name: 'Edit' })).tagName).toBe('BUTTON');
  });

  it("reads the header's completeness again after a save, so the badge shows the new score", async () => {
    const phoneMissing = { __typename: 'MissingItem', code: 'MISSING_PHONE', section: 'BASIC' };
    const scored = (score: number, missing: object[]) => ({
      ...header,
      completeness: { __typename: 'Completeness', score, missing },
    });
    await act(async () =>
      renderApp('/customers/c1/basic', {
        mocks: [
          signedIn,
          {
            request: { query: DossierRouteDocument, variables: { id: 'c1' } },
            result: { data: { customer: scored(14, [phoneMissing]) } },
          },
          {
            request: { query: BasicTabDocument, variables: { customerId: 'c1' } },
            result: { data: { customer: basic } },
          },
          {
            request: {
              query: UpdateCustomerDocument,
              variables: { id: 'c1', expectedVersion: 3, input: { phone: '021-5555 0101' } },
            },
            result: { data: { updateCustomer: { ...basic, version: 4, phone: '021-5555 0101' } } },
          },
          {
            request: { query: DossierRouteDocument, variables: { id: 'c1' } },
            result: { data: { customer: { ...scored(18, []), version: 4 } } },
          },
        ],
      }),
    );
    const badge = () => screen.getByRole('meter').getAttribute('aria-label');
    expect(await screen.findByRole('meter')).toBeTruthy();
    expect(badge()).toBe('Dossier completeness 14 of 100');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    fireEvent.change(screen.getByLabelText('Phone'), { target: { value: '021-5555 0101' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save' })));
    await waitFor(() => expect(badge()).toBe('Dossier completeness 18 of 100'));
  });

  it('says "not found" for a customer the API does not return and for an unknown tab', async () => {
    const { router } = await act(async () =>
      renderApp('/customers/gone/history', {
        mocks: [
          signedIn,
          {
            request: { query: DossierRouteDocument, variables: { id: 'gone' } },
            result: { data: { customer: null } },
          },
          // The tab's own read starts beside the dossier's and finds nothing either.
          {
            request: { query: HistoryTabDocument, variables: { customerId: 'gone' } },
            result: { data: { customer: null } },
          },
        ],
      }),
    );
    expect((await screen.findByRole('heading', { name: 'Page not found' })).tagName).toBe('H1');

    await act(() => router.navigate('/customers/c1/nonsense'));
    expect((await screen.findByRole('heading', { name: 'Page not found' })).tagName).toBe('H1');
  });
});
