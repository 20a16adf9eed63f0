import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db';
import {
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
  type WebhookEventType,
} from '@/db/schema';
import { inTransaction } from '@/db/transaction';
import { Refusal } from '@/lib/errors';
import { newWebhookSecret } from './sign';
import { targetProblem, type TargetPolicy } from './target';
import { first, one, written } from '@/db/query';

export const MAX_ENDPOINTS = 10;
/** How long the old secret keeps signing after a rotation: a day to deploy the new one. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

export async function createEndpoint(
  db: Db,
  agentId: number,
  input: { url: string; events: WebhookEventType[] },
  policy: TargetPolicy,
  now = Date.now(),
): Promise<{ ok: true; endpoint: WebhookEndpoint } | { ok: false; refusal: Refusal }> {
  const problem = await targetProblem(input.url, policy);
  if (problem) return { ok: false, refusal: new Refusal(problem, 'url') };
  return await inTransaction(db, async (tx) => {
    const existing =
      (
        await first(
          tx
            .select({ n: count() })
            .from(webhookEndpoints)
            .where(eq(webhookEndpoints.agentId, agentId)),
        )
      )?.n ?? 0;
    if (existing >= MAX_ENDPOINTS)
      return {
        ok: false,
        refusal: new Refusal(`You can have at most ${MAX_ENDPOINTS} endpoints.`, 'url'),
      } as const;
    const endpoint = await one(
      tx
        .insert(webhookEndpoints)
        .values({
          agentId,
          url: input.url,
          events: input.events,
          secret: newWebhookSecret(),
          createdAt: now,
        })
        .returning(),
    );
    return { ok: true, endpoint } as const;
  });
}

const own = (agentId: number, endpointId: number) =>
  and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.agentId, agentId));

/** A new secret signs from now on; the old one keeps signing beside it until the overlap ends. */
export async function rotateSecret(
  db: Db,
  agentId: number,
  endpointId: number,
  now = Date.now(),
  overlapMs = ROTATION_OVERLAP_MS,
): Promise<string | null> {
  return await inTransaction(db, async (tx) => {
    const endpoint = await first(
      tx.select().from(webhookEndpoints).where(own(agentId, endpointId)),
    );
    if (!endpoint) return null;
    const secret = newWebhookSecret();
    await tx
      .update(webhookEndpoints)
      .set({ secret, previousSecret: endpoint.secret, previousSecretUntil: now + overlapMs })
      .where(eq(webhookEndpoints.id, endpointId));
    return secret;
  });
}

/** Paused: deliveries wait (and their retry window with them) until it is resumed. */
export async function setPaused(
  db: Db,
  agentId: number,
  endpointId: number,
  paused: boolean,
  now = Date.now(),
): Promise<boolean> {
  return (
    (await written(
      db
        .update(webhookEndpoints)
        .set({ pausedAt: paused ? now : null })
        .where(own(agentId, endpointId)),
    )) === 1
  );
}

export async function updateEvents(
  db: Db,
  agentId: number,
  endpointId: number,
  events: WebhookEventType[],
): Promise<boolean> {
  return (
    (await written(db.update(webhookEndpoints).set({ events }).where(own(agentId, endpointId)))) ===
    1
  );
}

/** Sends the same message (same webhook-id) again now, with a fresh day of retries. */
export async function resendDelivery(
  db: Db,
  agentId: number,
  deliveryId: number,
  now = Date.now(),
): Promise<boolean> {
  return await inTransaction(db, async (tx) => {
    const mine = await first(
      tx
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookEndpoints.agentId, agentId))),
    );
    if (!mine) return false;
    await tx
      .update(webhookDeliveries)
      .set({
        status: 'pending',
        attempts: 0,
        nextAt: now,
        createdAt: now,
        leaseOwner: null,
        leaseUntil: null,
      })
      .where(eq(webhookDeliveries.id, deliveryId));
    return true;
  });
}

export async function listEndpoints(db: Db, agentId: number): Promise<WebhookEndpoint[]> {
  return await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.agentId, agentId))
    .orderBy(webhookEndpoints.id);
}

export async function getEndpoint(
  db: Db,
  agentId: number,
  endpointId: number,
): Promise<WebhookEndpoint | undefined> {
  return await first(db.select().from(webhookEndpoints).where(own(agentId, endpointId)));
}

export interface DeliveryLogEntry {
  id: number;
  type: WebhookEventType;
  messageId: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  nextAt: number;
  createdAt: number;
  last: {
    at: number;
    statusCode: number | null;
    latencyMs: number;
    responseExcerpt: string | null;
    error: string | null;
  } | null;
}

/** The endpoint's latest deliveries, each with its last attempt. */
export async function listDeliveries(
  db: Db,
  agentId: number,
  endpointId: number,
  limit = 50,
): Promise<DeliveryLogEntry[]> {
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      type: webhookEvents.type,
      messageId: webhookEvents.messageId,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAt: webhookDeliveries.nextAt,
      createdAt: webhookEvents.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookEndpoints.agentId, agentId)))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
  if (rows.length === 0) return [];
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(
      inArray(
        webhookAttempts.deliveryId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(desc(webhookAttempts.id));
  const lastOf = new Map<number, (typeof attempts)[number]>();
  for (const a of attempts) if (!lastOf.has(a.deliveryId)) lastOf.set(a.deliveryId, a);
  return rows.map((r) => {
    const a = lastOf.get(r.id);
    return {
      ...r,
      last: a
        ? {
            at: a.at,
            statusCode: a.statusCode,
            latencyMs: a.latencyMs,
            responseExcerpt: a.responseExcerpt,
            error: a.error,
          }
        : null,
    };
  });
}

export async function listAttempts(db: Db, agentId: number, deliveryId: number) {
  return (
    await db
      .select({ attempt: webhookAttempts })
      .from(webhookAttempts)
      .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookAttempts.deliveryId, deliveryId), eq(webhookEndpoints.agentId, agentId)))
      .orderBy(webhookAttempts.id)
  ).map((r) => r.attempt);
}

/** When the previous secret stops signing, if a rotation's overlap is still running. */
export function overlapEndsAt(endpoint: WebhookEndpoint, now = Date.now()): number | null {
  return endpoint.previousSecretUntil !== null && endpoint.previousSecretUntil > now
    ? endpoint.previousSecretUntil
    : null;
}
