import { SHEET_LINK_MAX_DAYS } from '@dossier/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../dossier/forms/MutationError';
import { useCreateSheetLink } from './useSheetLinkMutations';

/** Shorter links for a customer who answers quickly; never longer than the server allows. */
const DAY_CHOICES = [SHEET_LINK_MAX_DAYS, 7, 3] as const;

/** Creates a link for the customer and shows its address this once, to copy and send. */
export function SendSheetDialog({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [days, setDays] = useState<number>(SHEET_LINK_MAX_DAYS);
  const [copied, setCopied] = useState(false);
  const [create, { data, loading, error }] = useCreateSheetLink(customerId);
  const url = data?.createCustomerSheetLink.url;

  function copy() {
    if (!url) return;
    navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <div role="dialog" aria-labelledby={`${id}-title`} className="form-dialog">
      <h3 id={`${id}-title`}>{t('customerSheet.sendTitle')}</h3>
      <p className="muted">{t('customerSheet.sendIntro')}</p>
      {url ? (
        <div className="token-secret" role="status">
          <p>{t('customerSheet.shownOnce')}</p>
          <label htmlFor={`${id}-url`}>{t('customerSheet.linkLabel')}</label>
          <input id={`${id}-url`} readOnly value={url} onFocus={(event) => event.target.select()} />
          <div className="form-dialog__actions">
            <button type="button" className="button" onClick={copy}>
              {t(copied ? 'customerSheet.copied' : 'customerSheet.copy')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('customerSheet.done')}
            </button>
          </div>
        </div>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create({ variables: { customerId, expiresInDays: days } }).catch(() => undefined);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-days`}>{t('customerSheet.validFor')}</label>
            <select id={`${id}-days`} value={days} onChange={(event) => setDays(Number(event.target.value))}>
              {DAY_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {t('customerSheet.days', { count: n })}
                </option>
              ))}
            </select>
          </div>
          <MutationError error={error} fields={[]} />
          <div className="form-dialog__actions">
            <button type="submit" className="button" disabled={loading}>
              {t('customerSheet.create')}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose}>
              {t('dossierForm.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
