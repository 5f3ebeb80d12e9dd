import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A URL no route knows, e.g. an old bookmark or a typo. */
export function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h1>{t('notFound.title')}</h1>
      <p className="muted">{t('notFound.body')}</p>
      <Link to="/customers" className="button">
        {t('notFound.back')}
      </Link>
    </section>
  );
}
