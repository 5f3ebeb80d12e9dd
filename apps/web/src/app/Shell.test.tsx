import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DocumentNode } from 'graphql';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import {
  CompetitorOptionsDocument,
  CustomersRouteDocument,
  LoanRegisterDocument,
  LoginDocument,
  LogoutDocument,
  OwnerOptionsDocument,
  ViewerDocument,
  WeeklyCheckDocument,
} from '../apollo/generated';
import { renderApp } from '../test/render';

const staff = { __typename: 'Staff', id: 'staff-1', name: 'Li Wei', role: 'SALES_REP' };
const signedOut = { request: { query: ViewerDocument }, result: { data: { me: null } } };
const signedIn = { request: { query: ViewerDocument }, result: { data: { me: staff } } };
const emptyList = {
  request: { query: CustomersRouteDocument, variables: () => true },
  result: {
    data: {
      customers: {
        __typename: 'CustomerConnection',
        totalCount: 0,
        nodes: [],
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/** What the pages opened here ask for, left unanswered: these tests are about where the menu goes, not the page. */
const pending = (query: DocumentNode) => ({
  request: { query, variables: () => true },
  delay: Number.POSITIVE_INFINITY,
  maxUsageCount: Number.POSITIVE_INFINITY,
});
const listFilters = [pending(OwnerOptionsDocument), pending(CompetitorOptionsDocument)];

describe('the app shell', () => {
  it('asks for a sign-in at a deep link, then opens that page; signing out returns to the form', async () => {
    const { router } = renderApp('/customers?q=acme', {
      mocks: [
        signedOut,
        emptyList,
        ...listFilters,
        {
          request: { query: LoginDocument, variables: { email: 'li.wei@example.com', password: 'pw' } },
          result: { data: { login: { __typename: 'AuthPayload', staff } } },
        },
        signedIn,
        { request: { query: LogoutDocument }, result: { data: { logout: true } } },
        signedOut,
      ],
    });

    expect((await screen.findByRole('heading')).textContent).toBe('Sign in to Dossier');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'li.wei@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('heading', { name: 'Customers' })).tagName).toBe('H1');
    expect(router.state.location.pathname + router.state.location.search).toBe('/customers?q=acme');
    expect(screen.getByTitle('Signed in as Li Wei').textContent).toBe('Li Wei');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect((await screen.findByRole('heading', { name: 'Sign in to Dossier' })).tagName).toBe('H1');
    expect(screen.queryByTitle('Signed in as Li Wei')).toBeNull();
  });

  it.each([
    [
      'SALES_MANAGER',
      ['Customers', 'Dashboard', 'Weekly check'],
      { Archive: ['Loan register', 'Monthly reports'] },
    ],
    ['ANALYST', ['Customers', 'Dashboard', 'Monthly reports'], { API: ['GraphQL console', 'API tokens'] }],
    [
      'ADMIN',
      ['Customers', 'Dashboard'],
      {
        Team: ['Weekly check', 'Staff'],
        API: ['GraphQL console', 'API tokens'],
        Archive: ['Loan register', 'Retention', 'Archive inspections', 'Audit log', 'Monthly reports'],
      },
    ],
    ['SALES_REP', ['Customers', 'Loan register'], {}],
    ['ARCHIVIST', ['Customers'], { Archive: ['Loan register', 'Retention', 'Archive inspections'] }],
  ])('gives a %s the menu %j, with the pages behind its buttons %j', async (role, links, groups) => {
    const { router } = renderApp('/customers', {
      mocks: [
        { request: { query: ViewerDocument }, result: { data: { me: { ...staff, role } } } },
        emptyList,
        ...listFilters,
        pending(WeeklyCheckDocument),
        pending(LoanRegisterDocument),
      ],
    });
    await screen.findByRole('heading', { name: 'Customers' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    // Everyone's menu opens with their inbox (empty here: no badge).
    expect([...nav.querySelectorAll(':scope > a')].map((a) => a.textContent)).toEqual(['Inbox', ...links]);
    // Each group's menu loads apart (a rep's first screen does without it): its button then works.
    await waitFor(() =>
      expect(
        within(nav)
          .queryAllByRole('button')
          .map((button) => [button.textContent, button.hasAttribute('disabled')]),
      ).toEqual(Object.keys(groups).map((label) => [`${label}▾`, false])),
    );
    for (const [label, pages] of Object.entries(groups)) {
      // From the keyboard: Enter opens it on its first page, Enter there opens the page and closes the menu.
      fireEvent.keyDown(within(nav).getByRole('button', { name: label }), { key: 'Enter' });
      const menu = await within(nav).findByRole('menu', { name: label });
      expect(
        within(menu)
          .getAllByRole('menuitem')
          .map((item) => item.textContent),
      ).toEqual(pages);
      await waitFor(() => expect(document.activeElement?.textContent).toBe(pages[0]));
      fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Enter' });
      await waitFor(() => expect(within(nav).queryByRole('menu')).toBeNull());
      // Where it went (a lazy page, the console, may still be loading).
      const { navigation, location } = router.state;
      expect((navigation.location ?? location).pathname).toBe(
        within(menu).getByRole('menuitem', { name: pages[0] }).getAttribute('href'),
      );
    }
  });

  it('shows the login form when the server says the session is not authenticated', async () => {
    renderApp('/customers', {
      mocks: [
        {
          request: { query: ViewerDocument },
          result: { errors: [new GraphQLError('No session', { extensions: { code: 'UNAUTHENTICATED' } })] },
        },
        emptyList,
      ],
    });

    expect((await screen.findByRole('heading')).textContent).toBe('Sign in to Dossier');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the server is unreachable, in the chosen language, and retries on request', async () => {
    renderApp('/customers', {
      language: 'zh-CN',
      mocks: [
        { request: { query: ViewerDocument }, error: new TypeError('Failed to fetch') },
        emptyList,
        signedOut,
      ],
    });

    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('无法连接客户档案服务器，请检查网络后重试。');
    expect(screen.getByRole('heading').textContent).toBe('登录客户档案系统');

    fireEvent.click(screen.getByRole('button', { name: '重试' }));

    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('heading').textContent).toBe('登录客户档案系统');
  });

  it('sends / to the customer list and shows "not found" for an unknown address', async () => {
    const { router } = renderApp('/', { mocks: [signedIn, emptyList, ...listFilters] });
    expect((await screen.findByRole('heading', { name: 'Customers' })).tagName).toBe('H1');
    expect(router.state.location.pathname).toBe('/customers');

    await router.navigate('/no-such-page');
    expect((await screen.findByRole('heading', { name: 'Page not found' })).tagName).toBe('H1');
  });
});
