// Pure mapping of JoNet answers to the normalised model. Code table: docs/providers/jonet.md#codes (JoNet's Postman documentation).
import { minorOrUndefined, parseDecimalToMinor } from '../../money';
import { parseDataMb, parseValidityDays } from '../plan-name';
import type { CatalogueItem, Exchange, ProviderResult, TxnStatus } from '../types';
import { jonetPlan, type JonetReply } from './schemas';

export interface CodeRule {
  status: TxnStatus;
  meaning: string;
  duplicate?: boolean;
  /** Act only after a requery of this customer_id confirms it (see ProviderResult.needsConfirmation). */
  confirm?: true;
}

// Each purchase answer decides one thing. Refused at the door (auth, method, TLS, key, parameters):
// nothing was processed, so another provider may take the sale. "Unable to process, try again"
// (105/108/109): fail over only after a requery of the old customer_id says JO110 (docs/providers/jonet.md#pitfalls).
export const JONET_CODES: Record<string, CodeRule> = {
  '200': { status: 'SUCCESS', meaning: 'Successful' }, // docs table
  '201': { status: 'PENDING', meaning: 'Processing; resolves within ~1 min, requery' }, // docs table
  '202': { status: 'PENDING', meaning: 'Status unknown, requery' }, // docs table
  '203': { status: 'PENDING', meaning: 'Status unknown, requery' }, // docs table; a client treats 203 as processing
  '002': { status: 'NOT_PROCESSED', meaning: 'Agent could not be charged' }, // not charged, so never vended
  '101': { status: 'NOT_PROCESSED', meaning: 'No Authorization header' }, // refused before processing
  '102': { status: 'NOT_PROCESSED', meaning: 'Invalid authorization' }, // refused before processing
  '103': { status: 'NOT_PROCESSED', meaning: 'Wrong request method' }, // refused before processing
  '104': { status: 'NOT_PROCESSED', meaning: 'Insecure connection (HTTPS required)' }, // refused before processing
  '105': {
    status: 'NOT_PROCESSED',
    meaning: 'Unable to process, try again with a new customer_id',
    confirm: true,
  }, // "try again": confirm first
  '106': { status: 'NOT_PROCESSED', meaning: 'API key expired' }, // refused before processing
  '107': { status: 'NOT_PROCESSED', meaning: 'Account paused' }, // refused before processing
  '108': { status: 'NOT_PROCESSED', meaning: 'Unable to process, try again', confirm: true }, // "try again": confirm first
  '109': { status: 'NOT_PROCESSED', meaning: 'Unable to process, try again', confirm: true }, // "try again": confirm first
  JO101: { status: 'NOT_PROCESSED', meaning: 'Service temporarily blocked' }, // refused before processing
  JO102: { status: 'NOT_PROCESSED', meaning: 'Invalid request parameters' }, // validation, before processing
  JO103: { status: 'NOT_PROCESSED', meaning: 'Phone must start with 0' }, // validation, before processing
  JO104: { status: 'NOT_PROCESSED', meaning: 'Wrong customer_id format' }, // Lagos-time prefix rule: validation
  JO105: {
    status: 'PENDING',
    meaning: 'Duplicate customer reference: requery the original',
    duplicate: true,
  }, // docs table: Pending
  JO106: { status: 'FAILED', meaning: 'Failed' }, // docs table: failed, refund
  JO107: { status: 'FAILED', meaning: 'Failed' }, // docs table: failed, refund
  // a configuration error, "not a transaction state": whether anything was vended is unknown, so a requery decides.
  JO109: { status: 'FAILED', meaning: 'No webhook URL set (configuration error)', confirm: true },
  JO110: { status: 'NOT_FOUND', meaning: 'Transaction not found' }, // a requery answer
  JO119: { status: 'PENDING', meaning: 'Transaction not yet completed' }, // a requery answer
};

/** The docs call any other code an outright failure; we refund only after one confirming requery. */
export const JONET_UNLISTED: CodeRule = {
  status: 'FAILED',
  meaning: 'unlisted JoNet code',
  confirm: true,
};

// Codes a requery can answer about the transaction itself; any other code (auth, "try again") says nothing about it.
const REQUERY_CODES = new Set(['200', '201', '202', '203', 'JO106', 'JO107', 'JO110', 'JO119']);

// INFERRED ("Successful"/"Processing" seen in callbacks; failed/refunded/reversed assumed) for webhook and requery status words.
export const JONET_STATUS_WORDS: Record<string, TxnStatus> = {
  successful: 'SUCCESS', // CONFIRMED value
  success: 'SUCCESS', // an older client checks status === 'success'
  processing: 'PENDING', // CONFIRMED value; a client wrongly mapped it to success
  pending: 'PENDING', // INFERRED
  failed: 'FAILED', // INFERRED
  refunded: 'REVERSED', // INFERRED: 201 "will be successful or refunded"
  reversed: 'REVERSED', // INFERRED
};

export function statusWord(word: string | undefined): TxnStatus | undefined {
  return word === undefined ? undefined : JONET_STATUS_WORDS[word.trim().toLowerCase()];
}

export function mapJonetPurchase(reply: JonetReply, exchanges: Exchange[]): ProviderResult {
  const rule = JONET_CODES[reply.responseCode] ?? JONET_UNLISTED;
  return {
    status: rule.status,
    providerCode: reply.responseCode,
    message: reply.message ?? rule.meaning,
    providerRef: reply.transaction_id,
    duplicate: rule.duplicate,
    ...(rule.confirm && { needsConfirmation: true as const }),
    exchanges,
  };
}

/** A requery answer is itself the confirmation: it never asks for another one. */
export function mapJonetRequery(reply: JonetReply, exchanges: Exchange[]): ProviderResult {
  const base = {
    providerCode: reply.responseCode,
    message: reply.message,
    providerRef: reply.transaction_id,
    exchanges,
  };
  // The requery's body shape is INFERRED (GAP): a 200 says what happened only through a status word we know.
  if (reply.responseCode === '200')
    return { ...base, status: statusWord(reply.status) ?? 'PENDING' };
  if (!REQUERY_CODES.has(reply.responseCode)) return { ...base, status: 'UNKNOWN' };
  return { ...base, status: JONET_CODES[reply.responseCode]!.status };
}

const NETWORKS: Record<string, string> = {
  MTN: 'MTN',
  GLO: 'GLO',
  AIRTEL: 'AIRTEL',
  '9MOBILE': '9MOBILE',
  ETISALAT: '9MOBILE',
};

export function mapJonetPlans(items: unknown[]): CatalogueItem[] {
  const out: CatalogueItem[] = [];
  for (const raw of items) {
    const parsed = jonetPlan.safeParse(raw);
    if (!parsed.success) continue;
    const p = parsed.data;
    const network = NETWORKS[p.network.toUpperCase()];
    const priceMinor = minorOrUndefined(parseDecimalToMinor(p.price));
    if (!network || priceMinor === undefined) continue;
    if (p.status && p.status.toUpperCase() !== 'AVAILABLE') continue; // plans carry status "AVAILABLE"
    out.push({
      provider: 'jonet',
      currency: 'NGN',
      network,
      type: 'data',
      planCode: p.code,
      name: p.name,
      dataMb: parseDataMb(p.name),
      validityDays: parseValidityDays(p.name),
      priceMinor,
      raw,
    });
  }
  return out;
}

/** Our network ids -> JoNet's airtime `network` values ("MTN"|"Glo"|"Airtel"|"9mobile"). */
export const JONET_AIRTIME_NETWORK: Record<string, string> = {
  MTN: 'MTN',
  GLO: 'Glo',
  AIRTEL: 'Airtel',
  '9MOBILE': '9mobile',
};
