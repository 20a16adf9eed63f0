'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { currentHref, type NavLink } from './nav';
import { SignOutButton } from './sign-out-button';

const ITEM =
  'flex min-h-14 w-full items-center justify-center px-1 text-center text-xs font-medium leading-tight text-slate-700 aria-[current=page]:text-accent-700 aria-[current=page]:font-semibold';

/**
 * The navigation on a phone: the places used all day in a bar fixed to the bottom, within reach of a
 * thumb and never scrolled sideways, and "More" for the rest. "More" is a <details>, so it opens
 * without JavaScript; with it, Escape closes it and so does following one of its links.
 */
export function BottomBar({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  const current = currentHref(pathname, links);
  const more = useRef<HTMLDetailsElement>(null);
  const inBar = links.filter((link) => link.bar);
  const rest = links.filter((link) => !link.bar);

  // The layout stays mounted across pages, so the open panel would outlive the link that was followed.
  useEffect(() => {
    if (more.current) more.current.open = false;
  }, [pathname]);

  function closeOnEscape(event: React.KeyboardEvent<HTMLDetailsElement>) {
    if (event.key !== 'Escape' || !more.current?.open) return;
    more.current.open = false;
    more.current.querySelector('summary')?.focus();
  }

  return (
    <nav
      aria-label="Main"
      data-testid="bottom-bar"
      className="no-print fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden"
    >
      <ul className="flex">
        {inBar.map((link) => (
          <li key={link.href} className="min-w-0 flex-1">
            <Link
              href={link.href}
              aria-current={link.href === current ? 'page' : undefined}
              className={ITEM}
            >
              {link.short ?? link.label}
            </Link>
          </li>
        ))}
        <li className="min-w-0 flex-1">
          <details ref={more} onKeyDown={closeOnEscape}>
            <summary
              className={`${ITEM} cursor-pointer list-none [&::-webkit-details-marker]:hidden ${rest.some((link) => link.href === current) ? 'font-semibold text-accent-700' : ''}`}
            >
              More
            </summary>
            <div className="absolute inset-x-0 bottom-full max-h-[70vh] overflow-y-auto border-t border-slate-200 bg-white p-2 shadow-lg">
              <ul className="grid grid-cols-2 gap-1 text-sm">
                {rest.map((link) => (
                  <li key={link.href}>
                    <Link
                      href={link.href}
                      aria-current={link.href === current ? 'page' : undefined}
                      className="flex min-h-11 items-center rounded-lg px-3 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-accent-50 aria-[current=page]:text-accent-700"
                    >
                      {link.label}
                    </Link>
                  </li>
                ))}
                <li>
                  <SignOutButton />
                </li>
              </ul>
            </div>
          </details>
        </li>
      </ul>
    </nav>
  );
}
