import { useTranslation } from 'react-i18next';
import './completeness.css';

/** good from 80, fair from 50: the bands a manager reads at a glance. */
const bandOf = (score: number) => (score >= 80 ? 'good' : score >= 50 ? 'fair' : 'poor');

/** A dossier's completeness score, 0–100, coloured by band; a meter, read out in full. */
export function CompletenessBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useSemanticElements: <meter> draws a bar; the badge shows the number, coloured by band
    <span
      role="meter"
      aria-valuenow={score}
      aria-valuemin={0}
      aria-valuemax={100}
      className={`completeness completeness--${bandOf(score)}`}
      title={t('completeness.title')}
      aria-label={t('completeness.badge', { score })}
    >
      {score}%
    </span>
  );
}
