import { type Confidentiality, confidentialityLabels } from '@dossier/domain';
import { useLabel } from '../../i18n';
import './documents.css';

/** A document's confidentiality (密级) as a coloured badge, the most protected the most striking. */
export function LevelBadge({ level }: { level: Confidentiality }) {
  const label = useLabel();
  return <span className={`level level--${level.toLowerCase()}`}>{label(confidentialityLabels, level)}</span>;
}
