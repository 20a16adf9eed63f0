// Pure mapping of JoNet answers to the normalised model. Code table: providers.md §1.5 (docs: seed 000).
import { decimalToMinor } from '../amount';
import { parseDataMb, parseValidityDays } from '../plan-name';
import type { CatalogueItem, Exchange, ProviderResult, TxnStatus } from '../types';
import { jonetPlan, type JonetReply } from './schemas';

export interface CodeRule {
  status: TxnStatus;
  meaning: string;
  duplicate?: boolean;
}

export const JONET_CODES: Record<string, CodeRule> = {
  '200': { status: 'SUCCESS', meaning: 'Successful' }, // §1.5 docs table
  '201': { status: 'PENDING', meaning: 'Processing; resolves within ~1 min, requery' }, // §1.5 docs table
  '202': { status: 'PENDING', meaning: 'Status unknown, requery' }, // §1.5 docs table
  '203': { status: 'PENDING', meaning: 'Status unknown, requery' }, // §1.5 docs table; client treats 203 as processing
  '002': { status: 'FAILED', meaning: 'Agent could not be charged' }, // §1.5 docs table
  '101': { status: 'FAILED', meaning: 'No Authorization header' }, // §1.2/§1.5 docs table
  '102': { status: 'FAILED', meaning: 'Invalid authorization' }, // §1.2/§1.5 docs table
  '103': { status: 'FAILED', meaning: 'Wrong request method' }, // §1.5 docs table
  '104': { status: 'FAILED', meaning: 'Insecure connection (HTTPS required)' }, // §1.2 docs table
  '105': { status: 'FAILED', meaning: 'Unable to process, try again with a new customer_id' }, // §1.5, §1.9
  '106': { status: 'FAILED', meaning: 'API key expired' }, // §1.2 docs table
  '107': { status: 'FAILED', meaning: 'Account paused' }, // §1.2 docs table
  '108': { status: 'FAILED', meaning: 'Unable to process, try again' }, // §1.5 docs table
  '109': { status: 'FAILED', meaning: 'Unable to process, try again' }, // §1.5 docs table
  JO101: { status: 'FAILED', meaning: 'Service temporarily blocked' }, // §1.5 docs table
  JO102: { status: 'FAILED', meaning: 'Invalid request parameters' }, // §1.5 docs table
  JO103: { status: 'FAILED', meaning: 'Phone must start with 0' }, // §1.5 docs table
  JO104: { status: 'FAILED', meaning: 'Wrong customer_id format' }, // §1.6 Lagos-time prefix rule
  JO105: { status: 'PENDING', meaning: 'Duplicate customer reference: requery the original', duplicate: true }, // §1.5, §5.1 rule 2
  JO106: { status: 'FAILED', meaning: 'Failed' }, // §1.5 docs table
  JO107: { status: 'FAILED', meaning: 'Failed' }, // §1.5 docs table
  JO109: { status: 'FAILED', meaning: 'No webhook URL set (configuration error)' }, // §1.5: docs say Failed
  JO110: { status: 'NOT_FOUND', meaning: 'Transaction not found' }, // §1.5 requery answer
  JO119: { status: 'PENDING', meaning: 'Transaction not yet completed' }, // §1.5 requery answer
};

// Codes a requery can answer about the transaction itself; any other code (auth, "try again") says nothing about it.
const REQUERY_CODES = new Set(['200', '201', '202', '203', 'JO105', 'JO106', 'JO107', 'JO110', 'JO119']);

// INFERRED (§1.7: "Successful"/"Processing" seen; failed/refunded/reversed assumed) for webhook and requery status words.
export const JONET_STATUS_WORDS: Record<string, TxnStatus> = {
  successful: 'SUCCESS', // §1.7 CONFIRMED value
  success: 'SUCCESS', // §1.4 older client checks status === 'success'
  processing: 'PENDING', // §1.7 CONFIRMED value; a client wrongly mapped it to success
  pending: 'PENDING', // INFERRED
  failed: 'FAILED', // INFERRED
  refunded: 'REVERSED', // INFERRED: §1.5 "will be successful or refunded"
  reversed: 'REVERSED', // INFERRED
};

export function statusWord(word: string | undefined): TxnStatus | undefined {
  return word === undefined ? undefined : JONET_STATUS_WORDS[word.trim().toLowerCase()];
}

export function mapJonetPurchase(reply: JonetReply, exchanges: Exchange[]): ProviderResult {
  const rule = JONET_CODES[reply.responseCode];
  // §1.5 docs: "other possible response codes ... should be treated as outright failure".
  const status = rule?.status ?? 'FAILED';
  return {
    status,
    providerCode: reply.responseCode,
    message: reply.message ?? rule?.meaning ?? 'unlisted JoNet code',
    providerRef: reply.transaction_id,
    duplicate: rule?.duplicate,
    exchanges,
  };
}

export function mapJonetRequery(reply: JonetReply, exchanges: Exchange[]): ProviderResult {
  const base = { providerCode: reply.responseCode, message: reply.message, providerRef: reply.transaction_id, exchanges };
  if (reply.responseCode === '200') return { ...base, status: statusWord(reply.status) ?? 'SUCCESS' };
  if (!REQUERY_CODES.has(reply.responseCode)) return { ...base, status: 'UNKNOWN' };
  const rule = JONET_CODES[reply.responseCode];
  // A duplicate answer to a requery is not a transaction state; keep asking.
  return { ...base, status: rule && !rule.duplicate ? rule.status : 'UNKNOWN' };
}

const NETWORKS: Record<string, string> = { MTN: 'MTN', GLO: 'GLO', AIRTEL: 'AIRTEL', '9MOBILE': '9MOBILE', ETISALAT: '9MOBILE' };

export function mapJonetPlans(items: unknown[]): CatalogueItem[] {
  const out: CatalogueItem[] = [];
  for (const raw of items) {
    const parsed = jonetPlan.safeParse(raw);
    if (!parsed.success) continue;
    const p = parsed.data;
    const network = NETWORKS[p.network.toUpperCase()];
    const priceMinor = decimalToMinor(p.price);
    if (!network || priceMinor === undefined) continue;
    if (p.status && p.status.toUpperCase() !== 'AVAILABLE') continue; // §1.4 status "AVAILABLE"
    out.push({
      provider: 'jonet', currency: 'NGN', network, type: 'data', planCode: p.code, name: p.name,
      dataMb: parseDataMb(p.name), validityDays: parseValidityDays(p.name), priceMinor, raw,
    });
  }
  return out;
}

/** Our network ids -> JoNet's airtime `network` values (§1.3: "MTN"|"Glo"|"Airtel"|"9mobile"). */
export const JONET_AIRTIME_NETWORK: Record<string, string> = { MTN: 'MTN', GLO: 'Glo', AIRTEL: 'Airtel', '9MOBILE': '9mobile' };
