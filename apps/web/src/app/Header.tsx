import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Locale } from '../i18n/locales';
import { useT } from '../i18n/translator';
import { LocaleSelect } from '../ui/LocaleSelect';
import { Link, navigate } from './router';

interface HeaderProps {
  account: { name: string; initials: string } | null;
  onLogout: () => void;
  locale: Locale;
  /** Signed out only: the language of these pages (the account's is chosen on Security). */
  onLocaleChange: (locale: Locale) => void;
}

/**
 * Signed in: the customer's name and a round initials badge that opens a menu with Security and
 * Log out. Signed out: the language switch.
 */
export function Header({ account, onLogout, locale, onLocaleChange }: HeaderProps) {
  const t = useT();
  return (
    <header className="header">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('header.skip')}
      </a>
      <Link to="/" className="header__brand">
        Twofold
      </Link>
      {account ? (
        <AccountMenu account={account} onLogout={onLogout} />
      ) : (
        <LanguageSwitch locale={locale} onChange={onLocaleChange} />
      )}
    </header>
  );
}

/** The language before sign-in (and in the header after it). */
function LanguageSwitch({ locale, onChange }: { locale: Locale; onChange: (locale: Locale) => void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('header.language')}</label>
      <LocaleSelect id={id} value={locale} onChange={onChange} />
    </div>
  );
}

function AccountMenu({ account, onLogout }: { account: { name: string; initials: string }; onLogout: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);

  useEffect(() => {
    if (!open) return undefined;
    items()[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      list[(index + 1) % list.length]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      list[(index - 1 + list.length) % list.length]?.focus();
    } else if (event.key === 'Home') {
      event.preventDefault();
      list[0]?.focus();
    } else if (event.key === 'End') {
      event.preventDefault();
      list[list.length - 1]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="account" ref={wrapper}>
      <span className="account__name">{account.name}</span>
      <button
        ref={button}
        type="button"
        className="avatar"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span aria-hidden="true">{account.initials}</span>
        <span className="visually-hidden">{t('header.accountMenu', { name: account.name })}</span>
      </button>
      <ul
        id={menuId}
        ref={menu}
        role="menu"
        aria-label={t('header.account')}
        className="menu"
        hidden={!open}
        onKeyDown={onMenuKey}
      >
        <li role="none">
          <a
            role="menuitem"
            href="#/security"
            tabIndex={-1}
            onClick={(event) => {
              event.preventDefault();
              close(false);
              navigate('/security');
            }}
          >
            {t('nav.security')}
          </a>
        </li>
        <li role="none">
          <button
            role="menuitem"
            type="button"
            tabIndex={-1}
            onClick={() => {
              close(false);
              onLogout();
            }}
          >
            {t('header.logOut')}
          </button>
        </li>
      </ul>
    </div>
  );
}
