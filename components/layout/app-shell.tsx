import Link from 'next/link';
import { BottomBar } from './bottom-bar';
import type { NavLink } from './nav';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

interface AppShellProps {
  title: string;
  home: string;
  /** Every place, in order; on a phone those marked `bar` sit in the bottom bar, the rest under "More". */
  links: NavLink[];
  /** Shown beside the title: the agent's balance, the admin's email. */
  status: React.ReactNode;
  width: 'narrow' | 'wide';
  children: React.ReactNode;
}

/**
 * The header, navigation and page frame shared by the agent portal and the admin console: a top
 * navigation on a wide screen, a bottom bar on a phone (the page keeps clear of it, and of the
 * phone's home indicator).
 */
export function AppShell({ title, home, links, status, width, children }: AppShellProps) {
  const frame = width === 'narrow' ? 'max-w-5xl' : 'max-w-7xl';
  return (
    <div className="min-h-screen">
      <header className="no-print border-b border-slate-200 bg-white">
        <div
          className={`mx-auto flex ${frame} flex-wrap items-center justify-between gap-2 px-4 py-2`}
        >
          <Link href={home} className="font-bold text-accent-700">
            {title}
          </Link>
          <span className="flex items-center gap-2 text-sm text-slate-600">
            {status}
            {/* On a phone, "Sign out" is under More. */}
            <span className="hidden md:inline">
              <SignOutButton />
            </span>
          </span>
        </div>
        <div className={`mx-auto ${frame} px-2 pb-1`}>
          <NavLinks links={links} />
        </div>
      </header>
      <main
        className={`mx-auto ${frame} px-4 pt-4 pb-[calc(5rem+env(safe-area-inset-bottom))] sm:pt-6 md:pb-6`}
      >
        {children}
      </main>
      <BottomBar links={links} />
    </div>
  );
}
