import { isKeeper, mayHoldApiTokens, StaffRole } from '@dossier/domain';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Header_MeFragment } from '../apollo/generated';
import { SignOutButton } from '../features/auth/SignOutButton';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { NavMenu } from './NavMenu';

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

interface MenuEntry {
  to: string;
  label: ParseKeys;
  shownTo: (role: StaffRole) => boolean;
  /** Pages gathered under one menu button when a role sees more than one of them. */
  group?: 'archive';
}

/** The menu, in its order; each entry shown to the roles that use it (the server guards every page). */
const MENU: readonly MenuEntry[] = [
  { to: '/customers', label: 'nav.customers', shownTo: () => true },
  { to: '/dashboard', label: 'nav.dashboard', shownTo: (role) => DASHBOARD_ROLES.includes(role) },
  { to: '/graphiql', label: 'nav.graphiql', shownTo: (role) => CONSOLE_ROLES.includes(role) },
  { to: '/api-tokens', label: 'nav.apiTokens', shownTo: mayHoldApiTokens },
  { to: '/staff', label: 'nav.staff', shownTo: isAdmin },
  { to: '/loans', label: 'nav.loans', shownTo: (role) => LOAN_ROLES.includes(role), group: 'archive' },
  { to: '/retention', label: 'nav.retention', shownTo: isKeeper, group: 'archive' },
  { to: '/audit-log', label: 'nav.auditLog', shownTo: isAdmin, group: 'archive' },
];

/** What a role's menu shows: its pages, the archive's behind one button once there are two of them. */
function menuOf(role: StaffRole) {
  const shown = MENU.filter((entry) => entry.shownTo(role));
  const archive = shown.filter((entry) => entry.group === 'archive');
  return archive.length > 1
    ? { links: shown.filter((entry) => !entry.group), archive }
    : { links: shown, archive: [] };
}

export function Header({ me }: { me: Header_MeFragment | null }) {
  const { t } = useTranslation();
  const menu = me && menuOf(me.role);
  return (
    <header className="header">
      <span className="header__brand">{t('app.name')}</span>
      {menu && (
        <nav className="header__nav" aria-label={t('nav.label')}>
          {menu.links.map((entry) => (
            <NavLink key={entry.to} to={entry.to} className="header__link">
              {t(entry.label)}
            </NavLink>
          ))}
          {menu.archive.length > 0 && (
            <NavMenu
              label={t('nav.archive')}
              entries={menu.archive.map((entry) => ({ to: entry.to, label: t(entry.label) }))}
            />
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
