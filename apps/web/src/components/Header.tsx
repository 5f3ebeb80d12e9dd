import { useTranslation } from 'react-i18next';
import type { Header_MeFragment } from '../apollo/generated';
import { LanguageSwitch } from './LanguageSwitch';
import { SignOutButton } from './SignOutButton';

export function Header({ me }: { me: Header_MeFragment | null }) {
  const { t } = useTranslation();
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
