// Pure mapping of VTpass answers. Code tables: providers.md §2.5 (docs: vtpass.com/documentation/response-codes).
import { decimalToMinor } from '../amount';
import { parseDataMb, parseValidityDays } from '../plan-name';
import type { CatalogueItem, Exchange, ProviderResult, TxnStatus } from '../types';
import { transactionOf, vtpassVariation, type VtpassReply } from './schemas';

type Rule = { status: TxnStatus | 'BY_INNER'; meaning: string; duplicate?: boolean };

export const VTPASS_CODES: Record<string, Rule> = {
  '000': { status: 'BY_INNER', meaning: 'Processed: read content.transactions.status' }, // §2.5
  '001': { status: 'BY_INNER', meaning: 'Transaction query' }, // §2.5 requery answer
  '099': { status: 'PENDING', meaning: 'Processing' }, // §2.5
  '044': { status: 'MANUAL_REVIEW', meaning: 'Resolved, contact VTpass' }, // §2.5
  '091': { status: 'FAILED', meaning: 'Not processed, not charged' }, // §2.5
  '016': { status: 'FAILED', meaning: 'Transaction failed' }, // §2.5
  '010': { status: 'FAILED', meaning: 'Variation code does not exist' }, // §2.5
  '011': { status: 'FAILED', meaning: 'Invalid arguments' }, // §2.5
  '012': { status: 'FAILED', meaning: 'Product does not exist' }, // §2.5
  '013': { status: 'FAILED', meaning: 'Below minimum amount' }, // §2.5
  '017': { status: 'FAILED', meaning: 'Above maximum amount' }, // §2.5
  '014': { status: 'PENDING', meaning: 'request_id already exists: requery the original', duplicate: true }, // §2.5, §5.1 rule 2
  '015': { status: 'NOT_FOUND', meaning: 'Invalid request_id (never seen)' }, // §2.5, §2.6
  '018': { status: 'FAILED', meaning: 'Low wallet balance' }, // §2.5
  '019': { status: 'FAILED', meaning: 'Likely duplicate: same service+biller within 30 s' }, // §2.5, §2.10
  '020': { status: 'UNKNOWN', meaning: 'Biller confirmed (verification answer, not a sale state)' }, // §2.5 VERIFY_OK
  '021': { status: 'FAILED', meaning: 'Account locked' }, // §2.5
  '022': { status: 'FAILED', meaning: 'Account suspended' }, // §2.5
  '023': { status: 'FAILED', meaning: 'API access not enabled' }, // §2.5
  '024': { status: 'FAILED', meaning: 'Account inactive' }, // §2.5
  '025': { status: 'FAILED', meaning: 'Bank transfer error' }, // §2.5
  '026': { status: 'FAILED', meaning: 'Bank transfer error' }, // §2.5
  '027': { status: 'FAILED', meaning: 'IP not whitelisted' }, // §2.5
  '028': { status: 'FAILED', meaning: 'Product not whitelisted' }, // §2.5
  '030': { status: 'FAILED', meaning: 'Biller not reachable' }, // §2.5
  '031': { status: 'FAILED', meaning: 'Below quantity limit' }, // §2.5
  '032': { status: 'FAILED', meaning: 'Above quantity limit' }, // §2.5
  '034': { status: 'FAILED', meaning: 'Service suspended' }, // §2.5
  '035': { status: 'FAILED', meaning: 'Service inactive' }, // §2.5
  '040': { status: 'REVERSED', meaning: 'Transaction reversal to wallet' }, // §2.5
  '083': { status: 'PENDING', meaning: 'System error: ambiguous, requery' }, // §2.5
  '085': { status: 'FAILED', meaning: 'Improper request_id (date prefix)' }, // §2.5, §2.7
  '087': { status: 'FAILED', meaning: 'Invalid credentials' }, // §2.2, §2.5
  '089': { status: 'PENDING', meaning: 'Request is processing: back off, then requery' }, // §2.5
};

export const VTPASS_INNER_STATUS: Record<string, TxnStatus> = {
  initiated: 'PENDING', // §2.5 inner table, CONFIRMED
  pending: 'PENDING', // §2.5 inner table, CONFIRMED
  delivered: 'SUCCESS', // §2.5 inner table, CONFIRMED
  reversed: 'REVERSED', // §2.5 inner table (docs' 000 note, laravel-vtpass)
  failed: 'FAILED', // §2.5 inner table, INFERRED (seen alongside 016)
  resolved: 'MANUAL_REVIEW', // §2.5 inner table
};

// Codes a requery answer can carry about the transaction itself; others (087, 011…) are about the query.
const REQUERY_CODES = new Set(['000', '001', '015', '016', '040', '044', '083', '089', '099']);

function resultFrom(reply: VtpassReply, status: TxnStatus, exchanges: Exchange[], duplicate?: boolean): ProviderResult {
  const txn = transactionOf(reply);
  const inner = txn?.status ? `/${txn.status}` : '';
  return {
    status, providerCode: `${reply.code}${inner}`, message: reply.response_description,
    providerRef: txn?.transactionId ?? reply.transactionId, duplicate, exchanges,
  };
}

function byInner(reply: VtpassReply): TxnStatus {
  const inner = transactionOf(reply)?.status?.toLowerCase();
  // 000 without a readable inner status is not success (§2.10); ask again.
  return (inner && VTPASS_INNER_STATUS[inner]) || 'PENDING';
}

export function mapVtpassPurchase(reply: VtpassReply, exchanges: Exchange[]): ProviderResult {
  const rule = VTPASS_CODES[reply.code];
  // §2.5/§2.6 docs: anything outside the documented list is treated as pending and requeried.
  const status = !rule ? 'PENDING' : rule.status === 'BY_INNER' ? byInner(reply) : rule.status;
  return resultFrom(reply, status, exchanges, rule?.duplicate);
}

export function mapVtpassRequery(reply: VtpassReply, exchanges: Exchange[]): ProviderResult {
  const rule = VTPASS_CODES[reply.code];
  if (!rule || !REQUERY_CODES.has(reply.code)) return resultFrom(reply, 'UNKNOWN', exchanges);
  return resultFrom(reply, rule.status === 'BY_INNER' ? byInner(reply) : rule.status, exchanges);
}

export const VTPASS_NETWORK_BY_DATA_SERVICE: Record<string, string> = {
  'mtn-data': 'MTN', 'glo-data': 'GLO', 'airtel-data': 'AIRTEL', 'etisalat-data': '9MOBILE', // §2.3
};

export function mapVtpassVariations(serviceID: string, items: unknown[]): CatalogueItem[] {
  const network = VTPASS_NETWORK_BY_DATA_SERVICE[serviceID];
  if (!network) return [];
  return items.flatMap((raw): CatalogueItem[] => {
    const v = vtpassVariation.safeParse(raw);
    const priceMinor = v.success ? decimalToMinor(v.data.variation_amount) : undefined;
    if (!v.success || priceMinor === undefined) return [];
    return [{
      provider: 'vtpass', currency: 'NGN', network, type: 'data', planCode: v.data.variation_code, name: v.data.name,
      dataMb: parseDataMb(v.data.name), validityDays: parseValidityDays(v.data.name), priceMinor, raw,
    }];
  });
}
