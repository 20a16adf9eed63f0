/**
 * The counter does not wait on a hanging provider: after `ms` the agent gets the sale as it stands
 * (pending) and the provider call goes on, handed to `inBackground` so the server keeps it alive.
 * It settles through the same single resolution as any answer; if the process dies first, the requery
 * job written when the sale was opened resolves it.
 */
export interface AnswerBudget {
  ms: number;
  inBackground: (work: Promise<unknown>) => void;
  /**
   * Starts the budget's clock, which calls `end` when the budget runs out, and returns its cancel. A real
   * timer unless a test passes one it ends itself (then no test waits on, or races, real time).
   */
  startTimer?: (ms: number, end: () => void) => () => void;
}

function realTimer(ms: number, end: () => void): () => void {
  const timer = setTimeout(end, ms);
  return () => clearTimeout(timer);
}

/** The work's value if it finishes within the budget; otherwise `undefined`, and the work continues. */
export async function withinBudget<T>(
  work: Promise<T>,
  budget: AnswerBudget | undefined,
): Promise<{ value: T } | undefined> {
  if (!budget) return { value: await work };
  let end!: () => void;
  const expired = new Promise<undefined>((resolve) => (end = () => resolve(undefined)));
  const cancel = (budget.startTimer ?? realTimer)(budget.ms, end);
  try {
    const first = await Promise.race([work.then((value) => ({ value })), expired]);
    if (!first) {
      // Nobody awaits it any more: a failure is logged, never an unhandled rejection.
      budget.inBackground(
        work.catch((error: unknown) =>
          console.error('[sale] background provider call failed', error),
        ),
      );
    }
    return first;
  } finally {
    cancel();
  }
}
