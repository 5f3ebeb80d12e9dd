import { ChangeAction, type HistoryValueKind, historyEnumLabel, historyFieldOf } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import type { FieldChanges_ChangeFragment } from '../../../apollo/generated';
import { useLanguage } from '../../../i18n';
import { useFormat } from '../forms/useFormat';

type FieldChange = FieldChanges_ChangeFragment['changes'][number];

/**
 * The fields of one recorded change as a person reads them: the field's label in the UI language and each
 * value as the dossier shows it (enum labels, dates in the reader's time zone, yuan, names for references).
 * A field or value the labels do not know (an older history) shows as stored rather than not at all.
 */
export function FieldChanges({ change }: { change: FieldChanges_ChangeFragment }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useFormat();

  const show = (kind: HistoryValueKind | undefined, value: string | null, name: string | null) => {
    if (value === null) return '—';
    switch (kind?.kind) {
      case 'enum':
        return historyEnumLabel(kind.labels, value, language) ?? value;
      case 'timestamp':
        return format.dateTime(value);
      case 'date':
        return format.date(value);
      case 'money':
        return format.money(value);
      case 'boolean':
        return value === 'true' ? t('history.yes') : t('history.no');
      case 'reference':
        // The API names what it can; a record since deleted (or out of the reader's sight) has no name.
        return name ?? t('history.unavailable');
      default:
        return value;
    }
  };

  const line = ({ field, before, after, beforeName, afterName, redacted }: FieldChange) => {
    const known = historyFieldOf(change.entityType, field);
    // Personal data the reader may not see: the API names the field and withholds both values.
    const value = (raw: string | null, name: string | null) =>
      redacted ? t('history.redacted') : show(known?.value, raw, name);
    const shownBefore = <del>{value(before, beforeName)}</del>;
    const shownAfter = <ins>{value(after, afterName)}</ins>;
    return (
      <li key={field}>
        <span className="field-changes__field">
          {t('history.fieldLabel', { label: known?.label[language] ?? field })}
        </span>
        {/* A new record has only values after, a deleted one only values before. */}
        {change.action === ChangeAction.CREATE ? (
          shownAfter
        ) : change.action === ChangeAction.DELETE ? (
          shownBefore
        ) : (
          <>
            {shownBefore} → {shownAfter}
          </>
        )}
      </li>
    );
  };

  return <ul className="field-changes">{change.changes.map(line)}</ul>;
}
