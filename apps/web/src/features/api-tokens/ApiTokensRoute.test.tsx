import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  ApiTokensDocument,
  CreateApiTokenDocument,
  RevokeApiTokenDocument,
  ViewerDocument,
} from '../../apollo/generated';
import { renderApp } from '../../test/render';

const me = { __typename: 'Staff', id: 'staff-9', name: 'Anna Analyst', role: 'ANALYST' };
const token = (extra: Record<string, unknown> = {}) => ({
  __typename: 'ApiToken',
  id: 'token-1',
  name: 'Power BI',
  createdAt: '2026-11-01T08:00:00.000Z',
  expiresAt: '2099-01-01T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  version: 1,
  ...extra,
});
const SECRET = 'dpat_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

describe('the API tokens page', () => {
  it('shows a new token once, with a copy button, and lists it', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    renderApp('/api-tokens', {
      mocks: [
        { request: { query: ViewerDocument }, result: { data: { me } } },
        { request: { query: ApiTokensDocument }, result: { data: { apiTokens: [] } } },
        {
          request: { query: CreateApiTokenDocument, variables: (v) => v.name === 'Power BI' },
          result: {
            data: { createApiToken: { __typename: 'ApiTokenCreated', token: SECRET, apiToken: token() } },
          },
        },
        { request: { query: ApiTokensDocument }, result: { data: { apiTokens: [token()] } } },
      ],
    });
    await screen.findByRole('heading', { name: 'API tokens' });
    expect(screen.getByText('You have no API tokens yet.').tagName).toBe('P');

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' Power BI ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    const secret = await screen.findByText(SECRET);
    expect(secret.tagName).toBe('CODE');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByRole('button', { name: 'Copied' });
    expect(writeText).toHaveBeenCalledWith(SECRET);

    const row = (await screen.findByRole('rowheader', { name: 'Power BI' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Never').tagName).toBe('TD');

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByText(SECRET)).toBeNull();
  });

  it('revokes a token at the version read, and says so', async () => {
    renderApp('/api-tokens', {
      mocks: [
        { request: { query: ViewerDocument }, result: { data: { me } } },
        {
          request: { query: ApiTokensDocument },
          result: { data: { apiTokens: [token({ lastUsedAt: '2026-11-20T02:00:00.000Z' })] } },
        },
        {
          request: { query: RevokeApiTokenDocument, variables: { id: 'token-1', expectedVersion: 1 } },
          result: { data: { revokeApiToken: token({ revokedAt: '2026-11-21T00:00:00.000Z', version: 2 }) } },
        },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke Power BI' }));
    expect((await screen.findByText('Revoked')).tagName).toBe('SPAN');
    expect(screen.queryByRole('button', { name: 'Revoke Power BI' })).toBeNull();
  });
});
