import { describe, expect, it } from 'vitest';
import { currentHref, type NavLink } from './nav';

const LINKS: NavLink[] = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/agents', label: 'Agents' },
  { href: '/account', label: 'Account' },
  { href: '/account/api-keys', label: 'API keys' },
  { href: '/buy/bills', label: 'Bills', match: ['/buy/electricity', '/buy/tv'] },
];

describe('the current place in the navigation', () => {
  it('is the link the page is at or under, the longest when several are', () => {
    expect(currentHref('/admin', LINKS)).toBe('/admin');
    expect(currentHref('/admin/agents/7', LINKS)).toBe('/admin/agents');
    expect(currentHref('/account', LINKS)).toBe('/account');
    expect(currentHref('/account/api-keys', LINKS)).toBe('/account/api-keys');
  });

  it("counts a hub's own pages as the hub", () => {
    expect(currentHref('/buy/electricity', LINKS)).toBe('/buy/bills');
    expect(currentHref('/buy/tv/confirm', LINKS)).toBe('/buy/bills');
  });

  it('is none for a page outside every link, even one whose name starts like a link', () => {
    expect(currentHref('/administrator', LINKS)).toBeUndefined();
    expect(currentHref('/buy/airtime', LINKS)).toBeUndefined();
  });
});
