import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LoginRoute } from '../features/auth/LoginRoute';
import { renderWithProviders } from '../test/render';
import { LanguageSwitch } from './LanguageSwitch';

function Page() {
  return (
    <>
      <LanguageSwitch />
      <LoginRoute />
    </>
  );
}

describe('LanguageSwitch', () => {
  it('switches every label from English to Chinese and remembers the choice', () => {
    renderWithProviders(<Page />, { language: 'en' });
    expect(screen.getByRole('heading').textContent).toBe('Sign in to Dossier');
    expect(document.documentElement.lang).toBe('en');

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } });

    expect(screen.getByRole('heading').textContent).toBe('登录客户档案系统');
    expect(screen.getByLabelText('邮箱').getAttribute('type')).toBe('email');
    expect(screen.getByLabelText('密码').getAttribute('type')).toBe('password');
    expect(screen.getByRole('button').textContent).toBe('登录');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: '语言' }).value).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('客户档案');
    expect(localStorage.getItem('dossier.language')).toBe('zh-CN');
  });

  it('starts in the saved language even when the browser prefers another', () => {
    localStorage.setItem('dossier.language', 'en');
    renderWithProviders(<Page />, { language: 'zh-CN' });
    expect(screen.getByRole('heading').textContent).toBe('Sign in to Dossier');
  });
});
