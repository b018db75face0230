import { useT } from '../i18n/translator';
import { Page } from './Page';
import { Link } from './router';

export function HomePage({ name, twoFactorEnabled }: { name: string; twoFactorEnabled: boolean }) {
  const t = useT();
  return (
    <Page title={t('home.title', { name })}>
      <div className="card">
        <p>{twoFactorEnabled ? t('home.twoFactorOn') : t('home.twoFactorOff')}</p>
        <p>
          <Link to="/security">{t('home.goToSecurity')}</Link>
        </p>
      </div>
    </Page>
  );
}
