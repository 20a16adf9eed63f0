// What every wire handler gets from the server: the shared sale book, clock, credentials and knobs.
import { isValidLagosReference } from '../../lib/providers/reference';
import type { SaleBook } from '../sales';

export interface HandlerContext {
  book: SaleBook;
  now: () => Date;
  credentials: Record<string, string>;
  /** Operation -> path (relative to the provider prefix, no leading slash). */
  paths: Record<string, string>;
  referenceToleranceMinutes: number;
  log: (line: string) => void;
}

export function lagosReferenceOk(ctx: HandlerContext, ref: string): boolean {
  return isValidLagosReference(ref, ctx.now(), ctx.referenceToleranceMinutes);
}

export function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** Merge default paths with overrides, normalised for comparison with SimRequest.path. */
export function resolvePaths(
  defaults: Record<string, string>,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [op, p] of Object.entries({ ...defaults, ...overrides })) out[op] = trimSlashes(p);
  return out;
}
