import type { ReactNode } from 'react';
import { useT } from '../i18n/translator';
import { Link } from './router';

const PAGES = [
  { to: '/', id: 'nav.home' },
  { to: '/security', id: 'nav.security' },
] as const;

/** The signed-in frame of the control panel: navigation beside (on phones, above) the page. */
export function Shell({ route, children }: { route: string; children: ReactNode }) {
  const t = useT();
  return (
    <div className="shell">
      <nav className="shell__nav" aria-label={t('nav.label')}>
        <ul>
          {PAGES.map((page) => (
            <li key={page.to}>
              <Link
                to={page.to}
                className="shell__link"
                aria-current={route === page.to || (page.to === '/' && route === '') ? 'page' : undefined}
              >
                {t(page.id)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="shell__content">{children}</div>
    </div>
  );
}
