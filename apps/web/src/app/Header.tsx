import { isKeeper, mayHoldApiTokens, StaffRole } from '@dossier/domain';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Header_MeFragment } from '../apollo/generated';
import { SignOutButton } from '../features/auth/SignOutButton';
import { LanguageSwitch } from '../ui/LanguageSwitch';

/**
 * Who sees the dashboard in the menu: those who steer a team or study it. A rep may still open
 * `/dashboard`; the server scopes every figure to the customers the viewer may see.
 */
const DASHBOARD_ROLES: readonly StaffRole[] = [StaffRole.SALES_MANAGER, StaffRole.ANALYST, StaffRole.ADMIN];

/** Who query the API by hand: the console link would only clutter a rep's tablet (the URL still opens). */
const CONSOLE_ROLES: readonly StaffRole[] = [StaffRole.ANALYST, StaffRole.ADMIN];

/** Who borrow documents or decide loans: the register lists their own, their staff's or every loan. */
const LOAN_ROLES: readonly StaffRole[] = [
  StaffRole.SALES_REP,
  StaffRole.SALES_MANAGER,
  StaffRole.ARCHIVIST,
  StaffRole.ADMIN,
];

export function Header({ me }: { me: Header_MeFragment | null }) {
  const { t } = useTranslation();
  return (
    <header className="header">
      <span className="header__brand">{t('app.name')}</span>
      {me && (
        <nav className="header__nav" aria-label={t('nav.label')}>
          <NavLink to="/customers" className="header__link">
            {t('nav.customers')}
          </NavLink>
          {DASHBOARD_ROLES.includes(me.role) && (
            <NavLink to="/dashboard" className="header__link">
              {t('nav.dashboard')}
            </NavLink>
          )}
          {CONSOLE_ROLES.includes(me.role) && (
            <NavLink to="/graphiql" className="header__link">
              {t('nav.graphiql')}
            </NavLink>
          )}
          {mayHoldApiTokens(me.role) && (
            <NavLink to="/api-tokens" className="header__link">
              {t('nav.apiTokens')}
            </NavLink>
          )}
          {LOAN_ROLES.includes(me.role) && (
            <NavLink to="/loans" className="header__link">
              {t('nav.loans')}
            </NavLink>
          )}
          {isKeeper(me.role) && (
            <NavLink to="/retention" className="header__link">
              {t('nav.retention')}
            </NavLink>
          )}
          {me.role === StaffRole.ADMIN && (
            <NavLink to="/staff" className="header__link">
              {t('nav.staff')}
            </NavLink>
          )}
          {me.role === StaffRole.ADMIN && (
            <NavLink to="/audit-log" className="header__link">
              {t('nav.auditLog')}
            </NavLink>
          )}
        </nav>
      )}
      <div className="header__tools">
        <LanguageSwitch />
        {me && (
          <>
            <span className="header__user">{t('header.signedInAs', { name: me.name })}</span>
            <SignOutButton />
          </>
        )}
      </div>
    </header>
  );
}
