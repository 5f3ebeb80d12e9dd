import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { NavLink, useLocation } from 'react-router';

interface NavMenuProps {
  label: string;
  entries: ReadonlyArray<{ to: string; label: string }>;
}

/**
 * Several pages behind one menu button, so a full menu fits one row at 1024 px. Radix's menu does the
 * keyboard and focus work (Enter, Space or ↓ opens it, arrows move, Escape closes and returns focus);
 * not modal, so the page stays usable beside it. Rendered in place (no portal): the links stay in the
 * navigation landmark. The button is highlighted while one of its pages is open, as a link would be.
 */
export function NavMenu({ label, entries }: NavMenuProps) {
  const { pathname } = useLocation();
  const current = entries.some((entry) => pathname === entry.to || pathname.startsWith(`${entry.to}/`));
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className={current ? 'header__link header__menu active' : 'header__link header__menu'}
      >
        {label}
        <span aria-hidden="true" className="header__menu-caret">
          ▾
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content className="nav-menu" align="start" sideOffset={4} loop>
        {entries.map((entry) => (
          <DropdownMenu.Item key={entry.to} asChild>
            <NavLink to={entry.to} className="nav-menu__item">
              {entry.label}
            </NavLink>
          </DropdownMenu.Item>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}
