import { useEffect, useRef, type ReactNode } from 'react';

/** One screen: sets the document title and moves focus to its heading, as a page load would. */
export function Page({ title, children, narrow }: { title: string; children: ReactNode; narrow?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Twofold`;
    heading.current?.focus();
  }, [title]);
  return (
    <main id="main" tabIndex={-1} className={narrow ? 'page page--narrow' : 'page'}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </main>
  );
}
