import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HomeRouteDocument } from '../apollo/generated';
import { renderWithProviders } from '../test/render';
import { HomeRoute } from './HomeRoute';

const me = {
  __typename: 'Staff',
  id: 'staff-7',
  name: '王芳',
  role: 'SALES_MANAGER',
  title: '华东区销售经理',
};

describe('HomeRoute', () => {
  it('greets the signed-in user by name with their translated role and title', async () => {
    renderWithProviders(<HomeRoute />, {
      mocks: [{ request: { query: HomeRouteDocument }, result: { data: { me } } }],
    });

    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect((await screen.findByRole('heading')).textContent).toBe('Welcome, 王芳');
    expect(screen.getAllByRole('paragraph').map((p) => p.textContent)).toEqual([
      'Role: Sales manager',
      'Title: 华东区销售经理',
      'Your customer list will appear here.',
    ]);
  });

  it('greets in Chinese and leaves out a missing title', async () => {
    renderWithProviders(<HomeRoute />, {
      language: 'zh-CN',
      mocks: [{ request: { query: HomeRouteDocument }, result: { data: { me: { ...me, title: null } } } }],
    });

    expect((await screen.findByRole('heading')).textContent).toBe('欢迎，王芳');
    expect(screen.getAllByRole('paragraph').map((p) => p.textContent)).toEqual([
      '角色：销售经理',
      '客户列表将显示在这里。',
    ]);
  });
});
