import { type PreloadQueryFunction, useSuspenseQuery } from '@apollo/client/react';
import { ChangeVia, changeActionLabels } from '@dossier/domain';
import { useId, useTransition } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { HistoryTabDocument } from '../../../apollo/generated';
import { formatDateTime, useLabel, useLanguage } from '../../../i18n';
import { ShowMore } from '../../../ui/ShowMore';
import { TAB_LABELS } from '../tabs';
import { FieldChanges } from './FieldChanges';
import {
  HISTORY_SECTIONS,
  historyVariables,
  sectionOfParam,
  tabOfEntityType,
  tabOfSection,
} from './sections';

export function preloadHistoryTab(
  preloadQuery: PreloadQueryFunction,
  customerId: string,
  search: URLSearchParams,
) {
  const variables = historyVariables(customerId, sectionOfParam(search.get('section')));
  return preloadQuery(HistoryTabDocument, { variables });
}

/** Who changed what in the dossier, and when, newest first; the section filter lives in the URL. */
export function HistoryTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [language] = useLanguage();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const section = sectionOfParam(params.get('section'));
  const { data, fetchMore } = useSuspenseQuery(HistoryTabDocument, {
    variables: historyVariables(customerId, section),
  });
  // In transitions: `fetchMore` and a new section suspend the query otherwise, and the rows shown would
  // give way to the loading fallback until the older page or the section's first page arrived.
  const [, startSectionChange] = useTransition();
  const history = data.customer?.history;
  if (!history) return null;
  type Row = (typeof history.nodes)[number];
  // A customer's proposal through a sheet link is theirs, accepted by the actor (the history's attribution).
  const whoOf = ({ via, actor }: Row) => {
    if (via === ChangeVia.CUSTOMER_LINK)
      return actor ? t('history.viaLinkAcceptedBy', { name: actor.name }) : t('history.customerViaLink');
    return actor?.name ?? t('history.system');
  };
  const changes = history.nodes;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`}>{t('tabs.history')}</h2>
        <div className="field">
          <label htmlFor={`${id}-section`}>{t('history.section')}</label>
          <select
            id={`${id}-section`}
            value={section ? tabOfSection(section) : ''}
            onChange={(event) => {
              const value = event.target.value;
              startSectionChange(() => setParams(value ? { section: value } : {}, { replace: true }));
            }}
          >
            <option value="">{t('history.allSections')}</option>
            {HISTORY_SECTIONS.map((s) => (
              <option key={s} value={tabOfSection(s)}>
                {t(TAB_LABELS[tabOfSection(s)])}
              </option>
            ))}
          </select>
        </div>
      </div>
      {changes.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <table className="history">
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.who')}</th>
              <th scope="col">{t('history.what')}</th>
              <th scope="col">{t('history.change')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => {
              const changeSection = tabOfEntityType(change.entityType);
              return (
                <tr key={change.id}>
                  <td>{formatDateTime(change.at, language)}</td>
                  <td>{whoOf(change)}</td>
                  <td>
                    {label(changeActionLabels, change.action)}
                    {changeSection && ` · ${t(TAB_LABELS[changeSection])}`}
                  </td>
                  <td>
                    <FieldChanges change={change} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ShowMore pageInfo={history.pageInfo} onMore={(after) => fetchMore({ variables: { after } })}>
        {t('history.loadMore')}
      </ShowMore>
    </section>
  );
}
