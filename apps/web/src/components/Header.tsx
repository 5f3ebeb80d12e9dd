import { gql } from '@apollo/client';
import type { StaffRole } from '../apollo/schema-types';
import { useT } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { SignOutButton } from './SignOutButton';

export interface Header_me {
  id: string;
  name: string;
  role: StaffRole;
}

export const HEADER_ME_FRAGMENT = gql`
  fragment Header_me on Staff {
    id
    name
    role
  }
`;

export function Header({ me }: { me: Header_me | null }) {
  const t = useT();
  return (
    <header className="header">
      <span className="header__brand">{t('app.name')}</span>
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
