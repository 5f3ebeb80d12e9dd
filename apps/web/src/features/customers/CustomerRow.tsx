import { abcClassLabels, riskLevelLabels } from '@dossier/domain';
import { Link } from 'react-router';
import type { CustomerRow_CustomerFragment } from '../../apollo/generated';
import { useLabel } from '../../i18n';

export function CustomerRow({ customer }: { customer: CustomerRow_CustomerFragment }) {
  const label = useLabel();
  return (
    <li className="customer-row">
      <Link to={`/customers/${encodeURIComponent(customer.id)}/basic`} className="customer-row__link">
        <span className="customer-row__name">{customer.name}</span>
        <span className="muted">{customer.code}</span>
        <span className="chip">{label(abcClassLabels, customer.abc.class)}</span>
        <span className="chip">{label(riskLevelLabels, customer.risk.level)}</span>
      </Link>
    </li>
  );
}
