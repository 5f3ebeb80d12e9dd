import { useTranslation } from 'react-i18next';
import type { BackupPanel_StatusFragment } from '../../apollo/generated';
import { formatAge, formatBytes, formatDateTime, useLanguage } from '../../i18n';

/**
 * The backups on the admin page (issue 12): the last verified one, how old it is and its size; the last run
 * when it failed, so a broken schedule is seen before a restore is needed; or why there is none.
 */
export function BackupPanel({ status }: { status: BackupPanel_StatusFragment }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { lastVerified, lastRun } = status;
  const failed = lastRun && !lastRun.verified ? lastRun : null;

  return (
    <section className="backup-panel" aria-labelledby="backup-panel-title">
      <h2 id="backup-panel-title">{t('backups.title')}</h2>
      {!status.scheduled && <p>{t('backups.notScheduled')}</p>}
      {lastVerified ? (
        <p>
          {t('backups.lastVerified', {
            at: formatDateTime(lastVerified.finishedAt, language),
            age: formatAge(Math.max(0, Date.now() - Date.parse(lastVerified.finishedAt)) / 1000, language),
            size: formatBytes(lastVerified.sizeBytes, language),
          })}{' '}
          <span className="backup-panel__file">{lastVerified.file}</span>
        </p>
      ) : (
        status.scheduled && <p>{t('backups.noneVerified')}</p>
      )}
      {failed && (
        <p role="alert">
          {t('backups.lastRunFailed', {
            at: formatDateTime(failed.finishedAt, language),
            error: failed.error ?? t('backups.unverified'),
          })}
        </p>
      )}
    </section>
  );
}
