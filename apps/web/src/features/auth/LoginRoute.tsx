import { useTranslation } from 'react-i18next';
import { LoginForm } from './LoginForm';

export function LoginRoute() {
  const { t } = useTranslation();
  return (
    <section className="card card--narrow">
      <h1>{t('login.title')}</h1>
      <p className="muted">{t('app.tagline')}</p>
      <LoginForm />
    </section>
  );
}
