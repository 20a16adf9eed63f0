import { after } from 'next/server';
import type { AnswerBudget } from '@/lib/purchases/answer-budget';
import { env } from '@/lib/env';

/**
 * The counter's answer budget for API sales: a hanging provider answers "pending" after the same
 * budget as the browser's sale, and the call goes on after the response through Next's `after`.
 * Outside a Next request (a test calling the handler) the promise simply runs on by itself.
 */
export function apiAnswerBudget(): AnswerBudget {
  return {
    ms: env.SALE_ANSWER_BUDGET_MS,
    inBackground: (work) => {
      try {
        after(work);
      } catch {
        void work;
      }
    },
  };
}
