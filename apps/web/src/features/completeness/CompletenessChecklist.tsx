import { completenessCodeLabels, completenessSectionLabels } from '@dossier/domain';
import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompletenessChecklist_CustomerFragment } from '../../apollo/generated';
import { useLabel } from '../../i18n';
import { CompletenessBadge } from './CompletenessBadge';
import { sectionHref } from './sectionPath';

/**
 * The dossier's completeness badge; tapped, the items it misses, each a link to the tab where it is filled
 * in. Following a link closes the list.
 */
export function CompletenessChecklist({ customer }: { customer: CompletenessChecklist_CustomerFragment }) {
  const { t } = useTranslation();
  const label = useLabel();
  const id = useId();
  const details = useRef<HTMLDetailsElement>(null);
  const { score, missing } = customer.completeness;
  return (
    <details className="completeness-checklist" ref={details}>
      <summary aria-describedby={`${id}-title`}>
        <span id={`${id}-title`}>{t('completeness.title')}</span>
        <CompletenessBadge score={score} />
      </summary>
      <div className="completeness-checklist__panel">
        {missing.length === 0 ? (
          <p>{t('completeness.nothingMissing')}</p>
        ) : (
          <>
            <p className="muted">{t('completeness.missingTitle', { count: missing.length })}</p>
            <ul aria-label={t('completeness.missingList')}>
              {missing.map((item) => (
                <li key={item.code}>
                  <Link
                    to={sectionHref(customer.id, item.section)}
                    onClick={() => details.current?.removeAttribute('open')}
                  >
                    {label(completenessCodeLabels, item.code)}
                    <span className="muted"> · {label(completenessSectionLabels, item.section)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </details>
  );
}
