import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerTree_CustomerFragment } from '../../../apollo/generated';

type Branch = CustomerTree_CustomerFragment['branches'][number];

const dossierLink = (id: string) => `/customers/${encodeURIComponent(id)}/basic`;

/** Head office above, branches (and theirs) below: where this customer sits in its group. */
export function CustomerTree({ customer }: { customer: CustomerTree_CustomerFragment }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="customer-tree-title">
      <h3 id="customer-tree-title">{t('basic.tree')}</h3>
      {customer.parent ? (
        <p>
          {t('basic.headOffice')} <Link to={dossierLink(customer.parent.id)}>{customer.parent.name}</Link>
        </p>
      ) : (
        <p className="muted">{t('basic.isHeadOffice')}</p>
      )}
      {customer.branches.length > 0 ? (
        <Branches branches={customer.branches} />
      ) : (
        <p className="muted">{t('basic.noBranches')}</p>
      )}
    </section>
  );
}

function Branches({ branches }: { branches: ReadonlyArray<Branch | Omit<Branch, 'branches'>> }) {
  return (
    <ul className="tree">
      {branches.map((branch) => (
        <li key={branch.id}>
          <Link to={dossierLink(branch.id)}>{branch.name}</Link>
          {'branches' in branch && branch.branches.length > 0 && <Branches branches={branch.branches} />}
        </li>
      ))}
    </ul>
  );
}
