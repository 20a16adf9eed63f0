// One OS process of the proof suite. It opens the shared database file and either fires sales at the
// same wall-clock instant as its siblings (double spend, idempotency) or runs one path of a sale and
// SIGKILLs itself at a chosen step (crash safety). It reports on stdout as one JSON line.
//
//   tsx test/proof/workers/sale.worker.ts <db file> <plan JSON>
import { openAt } from '@/db';
import { getProduct } from '@/lib/catalogue/routing';
import { commissionBps, priceSale } from '@/lib/catalogue/pricing';
import { createReferenceGenerator } from '@/lib/providers/reference';
import { openSale } from '@/lib/purchases/open';
import { runRequeryPass } from '@/lib/purchases/requery-worker';
import { startSale } from '@/lib/purchases/start-sale';
import { closeDatabase } from '@/db/query';
import { crashWhen, die } from './crash-trigger';

export type CrashStep =
  | 'in-reserve-tx' // inside phase 1's transaction, after the reserve row is written
  | 'after-open' // phase 1 committed, the provider never called
  | 'before-send' // the provider call is about to leave
  | 'in-flight' // the provider has the request; the process dies before it reads the answer
  | 'after-answer' // the answer arrived, phase 3 never ran
  | 'in-settle-tx' // inside phase 3, after the resolution row is written (settle)
  | 'in-refund-tx' // inside phase 3, after the refund leg is written
  | 'in-failover-tx' // inside phase 3, after the failover attempt is inserted
  | 'after-apply'; // everything committed

export type WorkerPlan =
  | {
      kind: 'sell';
      agentId: number;
      productId: number;
      startAt: number;
      sales: { key: string; phone: string; amountMinor: number }[];
    }
  | {
      kind: 'crash-sale';
      agentId: number;
      productId: number;
      key: string;
      phone: string;
      amountMinor: number;
      step: CrashStep;
    }
  | { kind: 'crash-requery'; now: number; step: CrashStep };

const [file, planJson] = process.argv.slice(2);
const plan = JSON.parse(planJson!) as WorkerPlan;
const db = openAt(file!);
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

/** Kills the process mid-transaction, at the step's statement (./crash-trigger.ts). */
async function crashInside(step: CrashStep) {
  const at: Partial<Record<CrashStep, Parameters<typeof crashWhen>[1]>> = {
    'in-reserve-tx': { event: 'insert', table: 'ledger_entries', when: `new.kind = 'reserve'` },
    'in-settle-tx': {
      event: 'insert',
      table: 'purchase_resolutions',
      when: `new.outcome = 'settled'`,
    },
    'in-refund-tx': { event: 'insert', table: 'ledger_entries', when: `new.kind = 'refund'` },
    'in-failover-tx': {
      event: 'insert',
      table: 'purchase_attempts',
      when: '(select count(*) from purchase_attempts where purchase_id = new.purchase_id) > 1',
    },
  };
  const trigger = at[step];
  if (trigger) await crashWhen(db, trigger);
}

/** The provider's fetch, with the process dying at the chosen point of the call. */
function crashingFetch(step: CrashStep): typeof fetch {
  return async (input, init) => {
    if (step === 'before-send') die();
    const answer = fetch(input, init);
    if (step === 'in-flight') {
      // Until the provider has certainly taken the request (its answer is on the way back, unread), not a
      // fixed sleep that a loaded machine outruns; the process dies before it uses the answer.
      await answer.catch(() => undefined);
      die();
    }
    const response = await answer;
    if (step === 'after-answer') {
      await response.clone().text();
      die();
    }
    return response;
  };
}

async function main() {
  if (plan.kind === 'sell') {
    while (Date.now() < plan.startAt) {
      /* every process starts at the same instant */
    }
    const results = await Promise.all(
      plan.sales.map(async (s) => {
        try {
          return await startSale(db, plan.agentId, {
            idempotencyKey: s.key,
            productId: plan.productId,
            phone: s.phone,
            network: 'MTN',
            amountMinor: s.amountMinor,
            confirmRepeat: true,
          });
        } catch (error) {
          return {
            ok: false,
            thrown: true,
            error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          };
        }
      }),
    );
    print(results);
    return;
  }
  await crashInside(plan.step);
  const provider = { fetch: crashingFetch(plan.step) };
  if (plan.kind === 'crash-sale') {
    const input = {
      idempotencyKey: plan.key,
      productId: plan.productId,
      phone: plan.phone,
      network: 'MTN',
      amountMinor: plan.amountMinor,
      confirmRepeat: true,
    };
    if (plan.step === 'after-open') {
      const product = (await getProduct(db, plan.productId))!;
      const price = priceSale(
        plan.amountMinor,
        await commissionBps(db, plan.agentId, 'NGN', 'MTN', 'airtime'),
      );
      await openSale(
        db,
        {
          agentId: plan.agentId,
          idempotencyKey: plan.key,
          product,
          phone: plan.phone,
          network: 'MTN',
          price,
        },
        createReferenceGenerator(),
      );
      die();
    }
    const result = await startSale(db, plan.agentId, input, { provider });
    print(result);
    if (plan.step === 'after-apply') die();
    return;
  }
  const done = await runRequeryPass(db, {
    now: () => plan.now,
    owner: `crash-${process.pid}`,
    provider,
  });
  print({ requeried: done });
  if (plan.step === 'after-apply') die();
}

main().then(
  () => closeDatabase(db),
  (error: unknown) => {
    print({ crashed: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  },
);
