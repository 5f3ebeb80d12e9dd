import { Confidentiality, confidentialityLabels } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../../i18n';
import { Field } from '../forms/Field';

/** The confidentiality level's select, with the levels' labels in the UI language. */
export function LevelField({
  level,
  onChange,
  error,
}: {
  level: Confidentiality;
  onChange: (level: Confidentiality) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Field label={t('documents.level')} error={error}>
      {(control) => (
        <select {...control} value={level} onChange={(e) => onChange(e.target.value as Confidentiality)}>
          {Object.values(Confidentiality).map((value) => (
            <option key={value} value={value}>
              {label(confidentialityLabels, value)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
