/** One place in the navigation. */
export interface NavLink {
  href: string;
  label: string;
  /** On a phone, kept in the bottom bar (the places used all day); the others are under "More". */
  bar?: boolean;
  /** The bottom bar's narrower word for it, where the label would not fit a sixth of a phone. */
  short?: string;
  /** Other paths that belong to this place (a hub's own pages), for marking it current. */
  match?: string[];
}

const under = (pathname: string, prefix: string) =>
  pathname === prefix || pathname.startsWith(`${prefix}/`);

/**
 * The href of the link for the page being shown: the longest that the path is at or under, so
 * "/account/api-keys" is API keys, not Account, and "/admin" is only the admin's own dashboard.
 */
export function currentHref(pathname: string, links: NavLink[]): string | undefined {
  let best: { href: string; length: number } | undefined;
  for (const link of links) {
    for (const prefix of [link.href, ...(link.match ?? [])]) {
      if (under(pathname, prefix) && prefix.length > (best?.length ?? -1))
        best = { href: link.href, length: prefix.length };
    }
  }
  return best?.href;
}
