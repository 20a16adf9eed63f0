import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A Standard Webhooks secret: "whsec_" and 24 random bytes in base64 (the library decodes it so). */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

export interface SigningKeys {
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: number | null;
}

/**
 * The three Standard Webhooks headers. During a rotation's overlap the message carries a signature
 * from each secret (space-separated, as the specification allows), so a receiver still holding the
 * old secret verifies it too.
 */
export function signedHeaders(
  keys: SigningKeys,
  messageId: string,
  body: string,
  now: number,
): Record<string, string> {
  const at = new Date(now);
  const secrets = [keys.secret];
  if (keys.previousSecret && keys.previousSecretUntil !== null && keys.previousSecretUntil > now)
    secrets.push(keys.previousSecret);
  return {
    'content-type': 'application/json',
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(now / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(messageId, at, body)).join(' '),
  };
}
