import QRCode from 'qrcode';
import type { Db } from '@/db';
import type { Actor } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { seal, unseal } from '@/lib/provider-settings/crypto';
import { saveTotpFactor, type Enrolled } from './factors';
import { matchTotpStep, newTotpSecret, totpUri } from './totp';

/** An enrolment must be finished within this time after the secret was shown. */
const ENROLMENT_TTL_MS = 10 * 60_000;
const ticketContext = (userId: number) => Buffer.from(`totp-enrolment:user:${userId}`);

export interface TotpEnrolmentStart {
  secret: string;
  qrSvgDataUrl: string;
  /** The secret sealed for this user with its expiry: nothing is stored until a code proves the app has it. */
  ticket: string;
}

export async function startTotpEnrolment(user: { id: number; email: string }, now = Date.now()): Promise<TotpEnrolmentStart> {
  const secret = newTotpSecret();
  const svg = await QRCode.toString(totpUri(secret, user.email), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const ticket = seal(env.CREDENTIALS_KEY, ticketContext(user.id), JSON.stringify({ secret, expiresAt: now + ENROLMENT_TTL_MS }));
  return { secret, qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, ticket };
}

export type FinishResult = { ok: true; enrolled: Enrolled } | { ok: false; error: string };

export function finishTotpEnrolment(db: Db, actor: Actor, userId: number, ticket: string, code: string, now = Date.now()): FinishResult {
  let opened: { secret: string; expiresAt: number };
  try {
    opened = JSON.parse(unseal(env.CREDENTIALS_KEY, ticketContext(userId), ticket)) as typeof opened;
  } catch {
    return { ok: false, error: 'This set-up has expired. Start again.' };
  }
  if (now > opened.expiresAt) return { ok: false, error: 'This set-up has expired. Start again.' };
  const step = matchTotpStep(opened.secret, code, now);
  if (step === null) return { ok: false, error: 'That code does not match. Check the time on your phone and try the newest code.' };
  return { ok: true, enrolled: saveTotpFactor(db, actor, userId, opened.secret, step, now) };
}
