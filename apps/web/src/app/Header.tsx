import { isKeeper, mayHoldApiTokens, StaffRole } from '@dossier/domain';
import type { ParseKeys } from 'i18next';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Header_MeFragment } from '../apollo/generated';
import { SignOutButton } from '../features/auth/SignOutButton';
import { InboxLink } from '../features/inbox/InboxLink';
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

/** Who check their reps' dossiers every Monday (客服部主管每周一检查): managers, and admins for every team. */
const WEEKLY_CHECK_ROLES: readonly StaffRole[] = [StaffRole.SALES_MANAGER, StaffRole.ADMIN];

interface MenuEntry {
  to: string;
  label: ParseKeys;
  shownTo: (role: StaffRole) => boolean;
  /** Pages gathered under one menu button (labelled `nav.<group>`) when a role sees more than one of them. */
  group?: 'team' | 'api' | 'archive';
}

/** The menu, in its order; each entry shown to the roles that use it (the server guards every page). */
const MENU: readonly MenuEntry[] = [
  { to: '/customers', label: 'nav.customers', shownTo: () => true },
  { to: '/dashboard', label: 'nav.dashboard', shownTo: (role) => DASHBOARD_ROLES.includes(role) },
  {
    to: '/weekly-check',
    label: 'nav.weeklyCheck',
    shownTo: (role) => WEEKLY_CHECK_ROLES.includes(role),
    group: 'team',
  },
  { to: '/graphiql', label: 'nav.graphiql', shownTo: (role) => CONSOLE_ROLES.includes(role), group: 'api' },
  { to: '/api-tokens', label: 'nav.apiTokens', shownTo: mayHoldApiTokens, group: 'api' },
  { to: '/staff', label: 'nav.staff', shownTo: isAdmin, group: 'team' },
  { to: '/loans', label: 'nav.loans', shownTo: (role) => LOAN_ROLES.includes(role), group: 'archive' },
  { to: '/retention', label: 'nav.retention', shownTo: isKeeper, group: 'archive' },
  { to: '/archive-inspections', label: 'nav.archiveInspections', shownTo: isKeeper, group: 'archive' },
  { to: '/audit-log', label: 'nav.auditLog', shownTo: isAdmin, group: 'archive' },
  // The monthly reports to the leaders (档案管理…定期向领导汇报): read by those who read the dashboard; beside
  // the archive's pages, so an admin's menu keeps one row on a 1024 px tablet.
  {
    to: '/reports',
    label: 'nav.reports',
    shownTo: (role) => DASHBOARD_ROLES.includes(role),
    group: 'archive',
  },
];

/**
 * Loaded only for the roles whose menu has a group: Radix's menu is ~29 KB gzip, and a rep's first
 * screen (Customers, Loan register) has none.
 */
const NavMenu = lazy(() => import('./NavMenu').then((module) => ({ default: module.NavMenu })));

const GROUP_LABELS = { team: 'nav.team', api: 'nav.api', archive: 'nav.archive' } as const;

type MenuItem = { entry: MenuEntry } | { group: NonNullable<MenuEntry['group']>; entries: MenuEntry[] };

/**
 * What a role's menu shows, in the menu's order: its pages, each group's behind one button (where its
 * first page is) once the role sees two of them, so an admin's menu fits one row on a 1024 px tablet.
 */
function menuOf(role: StaffRole): MenuItem[] {
  const shown = MENU.filter((entry) => entry.shownTo(role));
  const items: MenuItem[] = [];
  for (const entry of shown) {
    const together = shown.filter((other) => entry.group && other.group === entry.group);
    if (together.length < 2) items.push({ entry });
    else if (together[0] === entry && entry.group) items.push({ group: entry.group, entries: together });
  }
  return items;
}

export function Header({ me }: { me: Header_MeFragment | null }) {
  const { t } = useTranslation();
  const menu = me && menuOf(me.role);
  return (
    <header className="header">
      <span className="header__brand">{t('app.name')}</span>
      {menu && (
        <nav className="header__nav" aria-label={t('nav.label')}>
          <InboxLink />
          {menu.map((item) =>
            'entry' in item ? (
              <NavLink key={item.entry.to} to={item.entry.to} className="header__link">
                {t(item.entry.label)}
              </NavLink>
            ) : (
              <Suspense
                key={item.group}
                fallback={
                  // The button's place and label while its menu loads, so the row does not shift.
                  <button type="button" className="header__link header__menu" disabled>
                    {t(GROUP_LABELS[item.group])}
                    <span aria-hidden="true" className="header__menu-caret">
                      ▾
                    </span>
                  </button>
                }
              >
                <NavMenu
                  label={t(GROUP_LABELS[item.group])}
                  entries={item.entries.map((entry) => ({ to: entry.to, label: t(entry.label) }))}
                />
              </Suspense>
            ),
          )}
        </nav>
      )}
      <div className="header__tools">
        <LanguageSwitch />
        {me && (
          <>
            {/* The name alone beside "Sign out" keeps the admin's menu on one row of a 1024 px tablet. */}
            <span className="header__user" title={t('header.signedInAs', { name: me.name })}>
              {me.name}
            </span>
            <SignOutButton />
          </>
        )}
      </div>
    </header>
  );
}
