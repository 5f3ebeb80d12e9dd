import { fireEvent, screen } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { LoginDocument } from '../../apollo/generated';
import { renderWithProviders } from '../../test/render';
import { LoginForm } from './LoginForm';

const credentials = { email: 'li.wei@example.com', password: 'correct horse' };

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginForm', () => {
  it('sends the typed email and password to the login mutation', async () => {
    const result = vi.fn(() => ({
      data: {
        login: {
          __typename: 'AuthPayload',
          staff: { __typename: 'Staff', id: 'staff-1', name: 'Li Wei', role: 'SALES_REP' },
        },
      },
    }));
    renderWithProviders(<LoginForm />, {
      mocks: [{ request: { query: LoginDocument, variables: credentials }, result }],
    });

    fillAndSubmit('  li.wei@example.com ', 'correct horse');

    expect(screen.getByRole('button').textContent).toBe('Signing in…');
    await vi.waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    expect(result).toHaveBeenCalledWith(credentials);
    expect((await screen.findByRole('button', { name: 'Sign in' })).hasAttribute('disabled')).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says the email or password is wrong when the server answers UNAUTHENTICATED', async () => {
    renderWithProviders(<LoginForm />, {
      mocks: [
        {
          request: { query: LoginDocument, variables: { ...credentials, password: 'wrong' } },
          result: {
            errors: [new GraphQLError('Invalid credentials', { extensions: { code: 'UNAUTHENTICATED' } })],
          },
        },
      ],
    });

    fillAndSubmit(credentials.email, 'wrong');

    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
  });

  it('shows the same error in Chinese for a Chinese browser', async () => {
    renderWithProviders(<LoginForm />, {
      language: 'zh-CN',
      mocks: [
        {
          request: { query: LoginDocument, variables: { ...credentials, password: 'wrong' } },
          result: {
            errors: [new GraphQLError('Invalid credentials', { extensions: { code: 'UNAUTHENTICATED' } })],
          },
        },
      ],
    });

    fireEvent.change(screen.getByLabelText('邮箱'), { target: { value: credentials.email } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));

    expect((await screen.findByRole('alert')).textContent).toBe('邮箱或密码错误。');
  });
});
