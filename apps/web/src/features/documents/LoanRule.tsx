import { type Confidentiality, type DocumentCategory, loanApprovalLabels, loanTerms } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../../i18n';

const HOURS_PER_DAY = 24;

/**
 * What borrowing a document takes, from the same table the server applies (DOMAIN.md): never lent, read
 * in place only, or whose approval and for how long.
 */
export function LoanRule({ level, category }: { level: Confidentiality; category: DocumentCategory }) {
  const { t } = useTranslation();
  const label = useLabel();
  const terms = loanTerms(level, category);
  let rule: string;
  if (!terms.lendable) rule = t(level === 'TOP_SECRET' ? 'documents.neverLent' : 'documents.inPlaceOnly');
  else {
    const period =
      terms.maxHours % HOURS_PER_DAY === 0
        ? t('documents.upToDays', { days: terms.maxHours / HOURS_PER_DAY })
        : t('documents.upToHours', { hours: terms.maxHours });
    rule = `${label(loanApprovalLabels, terms.approval)}, ${period}`;
  }
  return <span className="muted loan-rule">{rule}</span>;
}
