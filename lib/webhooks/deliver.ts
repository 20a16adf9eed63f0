import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import { fetch as undiciFetch } from 'undici';
import type { Db } from '@/db';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { env } from '@/lib/env';
import { signedHeaders } from './sign';
import { DEMO_POLICY, deliveryDispatcher, STRICT, urlProblem, type TargetPolicy } from './target';

const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 500;
/** Retries stop once the next one would fall past a day after the event (or after a resend). */
export const RETRY_WINDOW_MS = 24 * 3_600_000;
/** After the nth failed attempt, wait RETRY_DELAYS_MS[n-1]: doubling-ish, about ten tries in a day. */
export const RETRY_DELAYS_MS = [
  5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000,
  28_800_000,
];

export const defaultPolicy = (): TargetPolicy => (env.DEMO === 'on' ? DEMO_POLICY : STRICT);

export interface WebhookPassOptions {
  owner?: string;
  now?: () => number;
  policy?: TargetPolicy;
}

/** Due deliveries of endpoints that are not paused, under a lease so two workers never send the same one. */
async function claimDue(db: Db, owner: string, now: number, limit = 20) {
  return await inTransaction(db, async (tx) => {
    const due = (
      await tx
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(
          and(
            eq(webhookDeliveries.status, 'pending'),
            lte(webhookDeliveries.nextAt, now),
            isNull(webhookEndpoints.pausedAt),
            or(isNull(webhookDeliveries.leaseUntil), lte(webhookDeliveries.leaseUntil, now)),
          ),
        )
        .orderBy(webhookDeliveries.nextAt)
        .limit(limit)
    ).map((d) => d.id);
    if (due.length === 0) return [];
    // Re-checks the lease in the claim itself: another process that read the same rows claims none.
    const claimed = (
      await tx
        .update(webhookDeliveries)
        .set({ leaseOwner: owner, leaseUntil: now + LEASE_MS })
        .where(
          and(
            inArray(webhookDeliveries.id, due),
            eq(webhookDeliveries.status, 'pending'),
            or(isNull(webhookDeliveries.leaseUntil), lte(webhookDeliveries.leaseUntil, now)),
          ),
        )
        .returning({ id: webhookDeliveries.id })
    ).map((d) => d.id);
    if (claimed.length === 0) return [];
    return await tx
      .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, event: webhookEvents })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(inArray(webhookDeliveries.id, claimed));
  });
}

type Claimed = Awaited<ReturnType<typeof claimDue>>[number];
interface AttemptResult {
  statusCode: number | null;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
}

/** Reads at most the excerpt from the body and drops the rest: a receiver cannot make us hold megabytes. */
async function excerptOf(body: ReadableStream<Uint8Array> | null): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < EXCERPT_CHARS) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text.slice(0, EXCERPT_CHARS);
}

/** One POST: never follows a redirect (it could point anywhere), gives up after 10 s. */
async function send(c: Claimed, policy: TargetPolicy, now: number): Promise<AttemptResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const problem = urlProblem(c.endpoint.url, policy);
  if (problem) return { statusCode: null, latencyMs: 0, responseExcerpt: null, error: problem };
  try {
    const response = await undiciFetch(c.endpoint.url, {
      method: 'POST',
      body: c.event.payload,
      headers: signedHeaders(c.endpoint, c.event.messageId, c.event.payload, now),
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      dispatcher: deliveryDispatcher(policy),
    });
    const excerpt = await excerptOf(response.body as ReadableStream<Uint8Array> | null);
    return {
      statusCode: response.status,
      latencyMs: latency(),
      responseExcerpt: excerpt,
      error: null,
    };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    const message =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${TIMEOUT_MS / 1000} s`
        : (cause ?? String(error));
    return {
      statusCode: null,
      latencyMs: latency(),
      responseExcerpt: null,
      error: message.slice(0, EXCERPT_CHARS),
    };
  }
}

/** Records the attempt and decides: delivered (2xx), try again later, or given up after a day. */
async function record(db: Db, c: Claimed, result: AttemptResult, now: number) {
  await inTransaction(db, async (tx) => {
    await tx.insert(webhookAttempts).values({ deliveryId: c.delivery.id, at: now, ...result });
    const attempts = c.delivery.attempts + 1;
    const delivered =
      result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const delay = RETRY_DELAYS_MS[attempts - 1];
    const nextAt = delay === undefined ? null : now + delay;
    const status = delivered
      ? 'succeeded'
      : nextAt === null || nextAt > c.delivery.createdAt + RETRY_WINDOW_MS
        ? 'failed'
        : 'pending';
    await tx
      .update(webhookDeliveries)
      .set({ attempts, status, nextAt: nextAt ?? now, leaseOwner: null, leaseUntil: null })
      .where(
        and(
          eq(webhookDeliveries.id, c.delivery.id),
          eq(webhookDeliveries.leaseOwner, c.delivery.leaseOwner ?? ''),
        ),
      );
  });
}

/** One pass: every due delivery, in parallel; a slow receiver holds up nothing but its own delivery. */
export async function runWebhookPass(db: Db, opts: WebhookPassOptions = {}): Promise<number> {
  const now = opts.now ?? Date.now;
  const owner = opts.owner ?? `webhooks-${process.pid}-${randomUUID().slice(0, 8)}`;
  const policy = opts.policy ?? defaultPolicy();
  const claimed = (await claimDue(db, owner, now())).map((c) => ({
    ...c,
    delivery: { ...c.delivery, leaseOwner: owner },
  }));
  await Promise.allSettled(
    claimed.map(async (c) => await record(db, c, await send(c, policy, now()), now())),
  ).then((outcomes) =>
    outcomes.forEach(
      (o) => o.status === 'rejected' && console.error('[webhooks] delivery failed', o.reason),
    ),
  );
  return claimed.length;
}

export function startWebhookWorker(db: Db, intervalMs = 1_000): () => void {
  const owner = `webhooks-${process.pid}-${randomUUID().slice(0, 8)}`;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runWebhookPass(db, { owner })
      .catch((error) => console.error('[webhooks] pass failed', error))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
