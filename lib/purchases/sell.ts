import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { purchaseAttempts, purchases } from '@/db/schema';
import { createReferenceGenerator, type NewReference } from '@/lib/providers/reference';
import type { ProviderDeps } from '@/lib/providers/types';
import { applyProviderResult } from './apply-result';
import { callProvider, requeryAttempt } from './call';
import { openSale, type SaleRequest } from './open';
import { toOutcome, type SaleOutcome } from './outcome';
import { first } from '@/db/query';

export interface SellDeps {
  now?: () => number;
  newReference?: NewReference;
  provider?: Partial<ProviderDeps>;
  /** How long a replay waits for the first request's answer before reporting what it sees. */
  replayWaitMs?: number;
  /** A replay's pause between two looks at the sale: real time unless a test passes its own. */
  pause?: (ms: number) => Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const REPLAY_POLL_MS = 100;

/**
 * One sale, end to end: open (reserve) → call the provider → apply the answer, failing over to the
 * next provider only when the provider provably did nothing with it. A replay of the same idempotency key never calls the
 * provider again: it waits for the first request's answer and returns the same outcome.
 */
export async function sell(db: Db, request: SaleRequest, deps: SellDeps = {}): Promise<SaleAnswer> {
  return (await openThenSell(db, request, deps)).answer;
}

type SaleAnswer = { outcome: SaleOutcome; replayed: boolean };

/**
 * The same sale in two steps: resolves once the sale is opened (or refused: then it rejects), with the
 * rest of the sale still running in `answer`. A caller with an answer budget starts its clock only
 * then, so when the budget runs out the sale exists.
 */
export async function openThenSell(
  db: Db,
  request: SaleRequest,
  deps: SellDeps = {},
): Promise<{ answer: Promise<SaleAnswer> }> {
  const now = deps.now ?? Date.now;
  const newReference = deps.newReference ?? createReferenceGenerator(() => new Date(now()));
  const opened = await openSale(db, request, newReference, now());
  return {
    answer: finishSale(db, opened, {
      now,
      newReference,
      provider: deps.provider,
      replayWaitMs: deps.replayWaitMs,
      pause: deps.pause,
    }),
  };
}

async function finishSale(
  db: Db,
  opened: Awaited<ReturnType<typeof openSale>>,
  deps: SellDeps & { now: () => number; newReference: NewReference },
): Promise<SaleAnswer> {
  const { now, newReference } = deps;
  if (opened.kind === 'replay') {
    return {
      outcome: toOutcome(
        await waitForAnswer(
          db,
          opened.purchase.id,
          deps.replayWaitMs ?? 40_000,
          deps.pause ?? sleep,
        ),
      ),
      replayed: true,
    };
  }
  let attempt = opened.attempt;
  let purchase = opened.purchase;
  const failover = { route: opened.route, newReference };
  for (;;) {
    const result = await callProvider(db, purchase, attempt, deps.provider);
    let applied = await applyProviderResult(db, attempt.id, result, {
      by: 'purchase',
      now: now(),
      failover,
    });
    if (applied.confirmFailover) {
      // "Try again" may only go elsewhere once a requery of this reference says it was never seen.
      const confirmation = await requeryAttempt(db, attempt, deps.provider);
      applied = await applyProviderResult(db, attempt.id, confirmation, {
        by: 'requery',
        now: now(),
        failover,
      });
    }
    purchase = applied.purchase;
    if (!applied.failoverTo) return { outcome: toOutcome(purchase), replayed: false };
    attempt = applied.failoverTo;
  }
}

/**
 * Polls until the current attempt has an answer (its provider code is set) or the wait runs out. The wait
 * is the sum of the pauses, not a clock's reading, so a test's pause that takes no real time makes the
 * whole wait instant (a few queries' worth longer in real time than `maxWaitMs`, which nobody minds).
 */
async function waitForAnswer(
  db: Db,
  purchaseId: number,
  maxWaitMs: number,
  pause: (ms: number) => Promise<void>,
) {
  const sale = async () =>
    (await first(db.select().from(purchases).where(eq(purchases.id, purchaseId))))!;
  for (let waitedMs = 0; ; waitedMs += REPLAY_POLL_MS) {
    const purchase = await sale();
    const inFlight = await first(
      db
        .select({ id: purchaseAttempts.id })
        .from(purchaseAttempts)
        .where(
          and(
            eq(purchaseAttempts.reference, purchase.reference),
            isNull(purchaseAttempts.providerCode),
          ),
        ),
    );
    if (!inFlight) {
      // The answer and the sale's new state commit together, possibly between the two reads above:
      // read the sale again, so a state from before that commit is never reported as the answer.
      const answered = await sale();
      if (answered.reference === purchase.reference) return answered;
      continue; // another attempt began between the reads: look at it without pausing
    }
    if (waitedMs >= maxWaitMs) return purchase;
    await pause(REPLAY_POLL_MS);
  }
}
