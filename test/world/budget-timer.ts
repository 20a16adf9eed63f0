// The counter's answer budget on a timer the test ends itself (AnswerBudget.startTimer): the budget runs
// out exactly when the test says, never on real time, so no test waits for it or races it.
export function manualBudgetTimer() {
  let endBudget: (() => void) | undefined;
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  return {
    startTimer: (_ms: number, end: () => void) => {
      endBudget = end;
      markStarted();
      return () => {};
    },
    /** Resolves once the sale has started its budget (it starts it when the sale is opened). */
    started,
    /** Ends the budget now. Fails when the budget's timer was never started. */
    end() {
      if (!endBudget) throw new Error('the answer budget was never started');
      endBudget();
    },
  };
}
