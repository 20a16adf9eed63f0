'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { currentHref, type NavLink } from './nav';

/** The top navigation on a wide screen: every place, wrapping rather than scrolling sideways. */
export function NavLinks({ links }: { links: NavLink[] }) {
  const current = currentHref(usePathname(), links);
  return (
    <nav aria-label="Main" className="hidden flex-wrap gap-1 text-sm md:flex">
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={link.href === current ? 'page' : undefined}
          className="whitespace-nowrap rounded-lg px-3 py-2 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-accent-50 aria-[current=page]:text-accent-700"
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
