import type { ReactNode } from 'react';
import { navigate, PAGES, type PagePath } from '../router';

/**
 * The product's frame: skip link, banner with the menu, main content, footer.
 *
 * @example
 * <Layout path="/tickets"><TicketsPage /></Layout>
 */
export function Layout({
  path,
  serverUrl,
  children,
}: {
  path: string;
  serverUrl?: string;
  children: ReactNode;
}) {
  const go = (event: React.MouseEvent<HTMLAnchorElement>, to: PagePath) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
    document.getElementById('main')?.focus();
  };
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="banner">
        <a className="brand" href="/" onClick={(e) => go(e, '/')}>
          <span aria-hidden="true" className="brand__mark">
            A
          </span>
          Acme Projects
        </a>
        <nav aria-label="Main">
          <ul className="menu">
            {PAGES.map((page) => (
              <li key={page.path}>
                <a
                  href={page.path}
                  aria-current={path === page.path ? 'page' : undefined}
                  onClick={(e) => go(e, page.path)}
                >
                  {page.title}
                </a>
              </li>
            ))}
            <li>
              <a href="/script-tag.html">Script tag</a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <p>
          Acme Projects is a demo product. Everything Harvest on these pages comes from Harvest Connect; the
          code beside each widget is all it takes.
        </p>
        {serverUrl ? (
          <p>
            Harvest Connect API: <a href={`${serverUrl}/reference`}>reference</a> ·{' '}
            <a href={`${serverUrl}/openapi.json`}>OpenAPI document</a>
          </p>
        ) : null}
      </footer>
    </>
  );
}
