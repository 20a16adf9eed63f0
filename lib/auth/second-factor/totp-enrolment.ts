import QRCode from 'qrcode';
import type { Db } from '@/db';
import type { Actor } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { Refusal } from '@/lib/errors';
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

export async function startTotpEnrolment(
  user: { id: number; email: string },
  now = Date.now(),
): Promise<TotpEnrolmentStart> {
  const secret = newTotpSecret();
  const svg = await QRCode.toString(totpUri(secret, user.email), {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
  });
  const ticket = seal(
    env.CREDENTIALS_KEY,
    ticketContext(user.id),
    JSON.stringify({ secret, expiresAt: now + ENROLMENT_TTL_MS }),
  );
  return {
    secret,
    qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    ticket,
  };
}

/** The enrolment, or a Refusal on the code field: a wrong code, or a set-up that expired. */
export async function finishTotpEnrolment(
  db: Db,
  actor: Actor,
  userId: number,
  ticket: string,
  code: string,
  now = Date.now(),
): Promise<Enrolled> {
  let opened: { secret: string; expiresAt: number };
  try {
    opened = JSON.parse(
      unseal(env.CREDENTIALS_KEY, ticketContext(userId), ticket),
    ) as typeof opened;
  } catch {
    throw new Refusal('This set-up has expired. Start again.', 'code');
  }
  if (now > opened.expiresAt) throw new Refusal('This set-up has expired. Start again.', 'code');
  const step = matchTotpStep(opened.secret, code, now);
  if (step === null)
    throw new Refusal(
      'That code does not match. Check the time on your phone and try the newest code.',
      'code',
    );
  return await saveTotpFactor(db, actor, userId, opened.secret, step, now);
}
