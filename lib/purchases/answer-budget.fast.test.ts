// The counter's answer budget, fast: a provider call still running when the budget ends goes on in the
// background, and its failure there is logged, never an unhandled rejection. The call is held by the test
// and the budget ends when the test ends it, before the call is let go, so nothing waits on real time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualBudgetTimer } from '@/test/world/budget-timer';
import { withinBudget } from './answer-budget';

afterEach(() => vi.restoreAllMocks());

function heldCall() {
  let fail!: (error: Error) => void;
  let answer!: (value: string) => void;
  const work = new Promise<string>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { work, answer, fail };
}

describe('a call that outlives the budget', () => {
  it('is handed over to go on in the background; its failure there is logged', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const call = heldCall();
    const background: Promise<unknown>[] = [];
    const timer = manualBudgetTimer();
    const answer = withinBudget(call.work, {
      ms: 1,
      inBackground: (p) => background.push(p),
      startTimer: timer.startTimer,
    });
    timer.end(); // the budget runs out first; then the call fails
    const failure = new Error('connection reset');
    call.fail(failure);
    expect(await answer).toBeUndefined();
    expect(background).toHaveLength(1);
    await expect(background[0]).resolves.toBeUndefined(); // handled: no unhandled rejection
    expect(logged).toHaveBeenCalledWith('[sale] background provider call failed', failure);
  });

  it('its answer in the background is not logged as a failure', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const call = heldCall();
    const background: Promise<unknown>[] = [];
    const timer = manualBudgetTimer();
    const answer = withinBudget(call.work, {
      ms: 1,
      inBackground: (p) => background.push(p),
      startTimer: timer.startTimer,
    });
    timer.end(); // the budget runs out first; then the call answers
    call.answer('delivered');
    expect(await answer).toBeUndefined();
    await expect(background[0]).resolves.toBe('delivered');
    expect(logged).not.toHaveBeenCalled();
  });

  it('an answer within the budget is returned, and nothing goes to the background', async () => {
    const background: Promise<unknown>[] = [];
    const call = heldCall();
    call.answer('delivered');
    expect(
      await withinBudget(call.work, { ms: 60_000, inBackground: (p) => background.push(p) }),
    ).toEqual({ value: 'delivered' });
    expect(background).toEqual([]);
    expect(await withinBudget(Promise.resolve(7), undefined)).toEqual({ value: 7 });
  });

  it('an answer within the budget stops the budget’s clock: no timer is left behind', async () => {
    // The test's own clock: told to stop when the answer came first.
    let stopped = 0;
    const call = heldCall();
    call.answer('delivered');
    await withinBudget(call.work, {
      ms: 60_000,
      inBackground: () => {},
      startTimer: () => () => (stopped += 1),
    });
    expect(stopped).toBe(1);
    // The real clock (the default), under fake timers: nothing pending once the answer is in.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      expect(
        await withinBudget(Promise.resolve('delivered'), { ms: 60_000, inBackground: () => {} }),
      ).toEqual({ value: 'delivered' });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
