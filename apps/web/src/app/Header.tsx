import { isKeeper, mayHoldApiTokens, StaffRole } from '@dossier/domain';
import type { ParseKeys } from 'i18next';
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

const isAdmin = (role: StaffRole) => role === StaffRole.ADMIN;

/** The menu, in its order; each entry shown to the roles that use it (the server guards every page). */
const MENU: ReadonlyArray<{ to: string; label: ParseKeys; shownTo: (role: StaffRole) => boolean }> = [
  { to: '/customers', label: 'nav.customers', shownTo: () => true },
  { to: '/dashboard', label: 'nav.dashboard', shownTo: (role) => DASHBOARD_ROLES.includes(role) },
  { to: '/graphiql', label: 'nav.graphiql', shownTo: (role) => CONSOLE_ROLES.includes(role) },
  { to: '/api-tokens', label: 'nav.apiTokens', shownTo: mayHoldApiTokens },
  { to: '/loans', label: 'nav.loans', shownTo: (role) => LOAN_ROLES.includes(role) },
  { to: '/retention', label: 'nav.retention', shownTo: isKeeper },
  { to: '/staff', label: 'nav.staff', shownTo: isAdmin },
  { to: '/audit-log', label: 'nav.auditLog', shownTo: isAdmin },
];

export function Header({ me }: { me: Header_MeFragment | null }) {
  const { t } = useTranslation();
  return (
    <header className="header">
      <span className="header__brand">{t('app.name')}</span>
      {me && (
        <nav className="header__nav" aria-label={t('nav.label')}>
          {MENU.filter((entry) => entry.shownTo(me.role)).map((entry) => (
            <NavLink key={entry.to} to={entry.to} className="header__link">
              {t(entry.label)}
            </NavLink>
          ))}
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
