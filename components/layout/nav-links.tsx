import Link from 'next/link';

export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  return (
    <nav aria-label="Main" className="flex gap-1 overflow-x-auto text-sm">
      {links.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          className="whitespace-nowrap rounded-lg px-3 py-2 font-medium text-slate-700 hover:bg-slate-100"
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
