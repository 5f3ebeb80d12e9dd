import { fireEvent, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { HomeRouteDocument, LoginDocument, LogoutDocument, ViewerDocument } from './apollo/generated';
import { renderWithProviders } from './test/render';

const staff = { __typename: 'Staff', id: 'staff-1', name: 'Li Wei', role: 'SALES_REP' };
const signedOut = { request: { query: ViewerDocument }, result: { data: { me: null } } };
const signedIn = { request: { query: ViewerDocument }, result: { data: { me: staff } } };
const home = {
  request: { query: HomeRouteDocument },
  result: { data: { me: { ...staff, title: 'Account executive' } } },
};

describe('App shell', () => {
  it('signs in, greets the user, and signs out again', async () => {
    renderWithProviders(<App />, {
      mocks: [
        signedOut,
        {
          request: { query: LoginDocument, variables: { email: 'li.wei@example.com', password: 'pw' } },
          result: { data: { login: { __typename: 'AuthPayload', staff } } },
        },
        signedIn,
        home,
        { request: { query: LogoutDocument }, result: { data: { logout: true } } },
        // Signing out refetches every active query, the home page's too, before it unmounts.
        signedOut,
        { ...home, result: { data: { me: null } } },
      ],
    });

    expect((await screen.findByRole('heading')).textContent).toBe('Sign in to Dossier');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'li.wei@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect((await screen.findByRole('heading', { name: 'Welcome, Li Wei' })).tagName).toBe('H1');
    expect(screen.getByText('Signed in as Li Wei').tagName).toBe('SPAN');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect((await screen.findByRole('heading', { name: 'Sign in to Dossier' })).tagName).toBe('H1');
    expect(screen.queryByText('Signed in as Li Wei')).toBeNull();
  });

  it('shows the login form when the server says the session is not authenticated', async () => {
    renderWithProviders(<App />, {
      mocks: [
        {
          request: { query: ViewerDocument },
          result: { errors: [new GraphQLError('No session', { extensions: { code: 'UNAUTHENTICATED' } })] },
        },
      ],
    });

    expect((await screen.findByRole('heading')).textContent).toBe('Sign in to Dossier');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the server is unreachable, in the chosen language, and retries on request', async () => {
    renderWithProviders(<App />, {
      language: 'zh-CN',
      mocks: [{ request: { query: ViewerDocument }, error: new TypeError('Failed to fetch') }, signedOut],
    });

    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('无法连接客户档案服务器，请检查网络后重试。');
    expect(screen.getByRole('heading').textContent).toBe('登录客户档案系统');

    fireEvent.click(screen.getByRole('button', { name: '重试' }));

    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('heading').textContent).toBe('登录客户档案系统');
  });
});
