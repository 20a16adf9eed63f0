/**
 * State that must be one per process even when its module is loaded more than once. A production
 * build of Next.js bundles a server module into every chunk that uses it (route handlers, pages,
 * instrumentation), and each copy has its own module-level variables: a handle registered by one copy
 * would be unknown to the next (`Not a SQLite handle`), and two copies numbering their prepared
 * statements would both name one `portal_q1`. So such state lives on globalThis, under a symbol.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`agent-vending-portal.${name}`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  return (store[key] ??= create());
}
