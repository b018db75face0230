import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, navigate } from './router';

interface HeaderProps {
  account: { name: string; initials: string } | null;
  onLogout: () => void;
}

/** The customer's name and a round initials badge that opens a menu with Security and Log out. */
export function Header({ account, onLogout }: HeaderProps) {
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
        Skip to content
      </a>
      <Link to="/" className="header__brand">
        Twofold
      </Link>
      {account ? <AccountMenu account={account} onLogout={onLogout} /> : null}
    </header>
  );
}

function AccountMenu({ account, onLogout }: { account: { name: string; initials: string }; onLogout: () => void }) {
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
        <span className="visually-hidden">Account menu for {account.name}</span>
      </button>
      <ul id={menuId} ref={menu} role="menu" aria-label="Account" className="menu" hidden={!open} onKeyDown={onMenuKey}>
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
            Security
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
            Log out
          </button>
        </li>
      </ul>
    </div>
  );
}
