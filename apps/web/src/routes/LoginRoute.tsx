import { LoginForm } from '../components/LoginForm';
import { useT } from '../i18n';

export function LoginRoute() {
  const t = useT();
  return (
    <section className="card card--narrow">
      <h1>{t('login.title')}</h1>
      <p className="muted">{t('app.tagline')}</p>
      <LoginForm />
    </section>
  );
}
