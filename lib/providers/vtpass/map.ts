// Pure mapping of VTpass answers. Code tables: docs/providers/vtpass.md#codes (docs: vtpass.com/documentation/response-codes).
import { minorOrUndefined, parseDecimalToMinor } from '../../money';
import { parseDataMb, parseValidityDays } from '../plan-name';
import type { CatalogueItem, Exchange, ProviderResult, TxnStatus } from '../types';
import { deliveredFromReply } from './bills';
import { transactionOf, vtpassVariation, type VtpassReply } from './schemas';

type Rule = {
  status: TxnStatus | 'BY_INNER';
  meaning: string;
  duplicate?: boolean;
  confirm?: true;
};

// Each code decides one thing. Refused before processing (validation, account, credentials, whitelist,
// low wallet): nothing was processed, so another provider may take the sale. A failure after
// processing refunds, after the confirming requery the document recommends for 016.
export const VTPASS_CODES: Record<string, Rule> = {
  '000': { status: 'BY_INNER', meaning: 'Processed: read content.transactions.status' }, //
  '001': { status: 'BY_INNER', meaning: 'Transaction query' }, // requery answer
  '099': { status: 'PENDING', meaning: 'Processing' }, //
  '044': { status: 'MANUAL_REVIEW', meaning: 'Resolved, contact VTpass' }, //
  '091': { status: 'NOT_PROCESSED', meaning: 'Not processed, not charged' }, // "you will not be charged"
  '016': { status: 'FAILED', meaning: 'Transaction failed', confirm: true }, // one confirmatory requery
  '010': { status: 'NOT_PROCESSED', meaning: 'Variation code does not exist' }, // "pre-processing"
  '011': { status: 'NOT_PROCESSED', meaning: 'Invalid arguments' }, // validation
  '012': { status: 'NOT_PROCESSED', meaning: 'Product does not exist' }, // validation
  '013': { status: 'NOT_PROCESSED', meaning: 'Below minimum amount' }, // validation
  '017': { status: 'NOT_PROCESSED', meaning: 'Above maximum amount' }, // validation
  '014': {
    status: 'PENDING',
    meaning: 'request_id already exists: requery the original',
    duplicate: true,
  }, //
  '015': { status: 'NOT_FOUND', meaning: 'Invalid request_id (never seen)' }, //
  '018': { status: 'NOT_PROCESSED', meaning: 'Low wallet balance' }, // not charged, not processed
  // refused before processing as a likely repeat of an earlier sale (which has its own reference and
  // outcome). The portal asks the agent before a repeat, so a confirmed repeat may go to another provider.
  '019': { status: 'NOT_PROCESSED', meaning: 'Likely duplicate: same service+biller within 30 s' },
  '020': { status: 'UNKNOWN', meaning: 'Biller confirmed (verification answer, not a sale state)' }, // VERIFY_OK
  '021': { status: 'NOT_PROCESSED', meaning: 'Account locked' }, // refused before processing
  '022': { status: 'NOT_PROCESSED', meaning: 'Account suspended' }, // refused before processing
  '023': { status: 'NOT_PROCESSED', meaning: 'API access not enabled' }, // refused before processing
  '024': { status: 'NOT_PROCESSED', meaning: 'Account inactive' }, // refused before processing
  '025': { status: 'FAILED', meaning: 'Bank transfer error' }, // FAILED, refund
  '026': { status: 'FAILED', meaning: 'Bank transfer error' }, // FAILED, refund
  '027': { status: 'NOT_PROCESSED', meaning: 'IP not whitelisted' }, // refused before processing
  '028': { status: 'NOT_PROCESSED', meaning: 'Product not whitelisted' }, // refused before processing
  // FAILED; the biller may have been reached in part, so it goes elsewhere only once a requery says 015.
  '030': { status: 'NOT_PROCESSED', meaning: 'Biller not reachable', confirm: true },
  '031': { status: 'NOT_PROCESSED', meaning: 'Below quantity limit' }, // validation
  '032': { status: 'NOT_PROCESSED', meaning: 'Above quantity limit' }, // validation
  '034': { status: 'NOT_PROCESSED', meaning: 'Service suspended' }, // refused before processing
  '035': { status: 'NOT_PROCESSED', meaning: 'Service inactive' }, // refused before processing
  '040': { status: 'REVERSED', meaning: 'Transaction reversal to wallet' }, //
  '083': { status: 'PENDING', meaning: 'System error: ambiguous, requery' }, //
  '085': { status: 'NOT_PROCESSED', meaning: 'Improper request_id (date prefix)' }, // validation
  '087': { status: 'NOT_PROCESSED', meaning: 'Invalid credentials' }, // refused before processing
  '089': { status: 'PENDING', meaning: 'Request is processing: back off, then requery' }, //
};

/**
 * Bills read the same table, except `044` (TRANSACTION RESOLVED, contact VTpass): what "resolved" did
 * to a bill is a GAP (docs/providers/vtpass-bills.md#codes), and a token may still come, so the safe
 * reading is pending and requery (the budget still ends in manual review). Configurable per
 * deployment with the VTpass option `billCode044` ('PENDING' | 'MANUAL_REVIEW').
 */
export function vtpassBillCodes(code044: string = 'PENDING'): Record<string, Rule> {
  const status: TxnStatus = code044 === 'MANUAL_REVIEW' ? 'MANUAL_REVIEW' : 'PENDING';
  return { ...VTPASS_CODES, '044': { status, meaning: 'Resolved: requery (bills)' } };
}

export const VTPASS_INNER_STATUS: Record<string, TxnStatus> = {
  initiated: 'PENDING', // inner table, CONFIRMED
  pending: 'PENDING', // inner table, CONFIRMED
  delivered: 'SUCCESS', // inner table, CONFIRMED
  reversed: 'REVERSED', // inner table (docs' 000 note, laravel-vtpass)
  failed: 'FAILED', // inner table, INFERRED (seen alongside 016, so it gets 016's confirming requery on a pay answer)
  resolved: 'MANUAL_REVIEW', // inner table
};

// Codes a requery answer can carry about the transaction itself; others (087, 011…) are about the query.
const REQUERY_CODES = new Set(['000', '001', '015', '016', '040', '044', '083', '089', '099']);

function resultFrom(
  reply: VtpassReply,
  status: TxnStatus,
  exchanges: Exchange[],
  extra: { duplicate?: boolean; needsConfirmation?: true } = {},
): ProviderResult {
  const txn = transactionOf(reply);
  const inner = txn?.status ? `/${txn.status}` : '';
  return {
    status,
    providerCode: `${reply.code}${inner}`,
    message: reply.response_description,
    providerRef: txn?.transactionId ?? reply.transactionId,
    duplicate: extra.duplicate,
    ...(extra.needsConfirmation && { needsConfirmation: true }),
    ...withDelivered(reply),
    exchanges,
  };
}

/** Whatever token, units or name the body carried, on any answer: a token is never dropped. */
function withDelivered(reply: VtpassReply): { delivered?: ProviderResult['delivered'] } {
  const delivered = deliveredFromReply(reply);
  return delivered ? { delivered } : {};
}

function byInner(reply: VtpassReply): TxnStatus {
  const inner = transactionOf(reply)?.status?.toLowerCase();
  // 000 without a readable inner status is not success (docs/providers/vtpass.md#pitfalls); ask again.
  return (inner && VTPASS_INNER_STATUS[inner]) || 'PENDING';
}

export function mapVtpassPurchase(
  reply: VtpassReply,
  exchanges: Exchange[],
  codes: Record<string, Rule> = VTPASS_CODES,
): ProviderResult {
  const rule = codes[reply.code];
  // docs: anything outside the documented list is treated as pending and requeried.
  if (!rule) return resultFrom(reply, 'PENDING', exchanges);
  const status = rule.status === 'BY_INNER' ? byInner(reply) : rule.status;
  // A pay answer saying "failed" gets the confirming requery 016 gets, whichever way it is spelt.
  const confirm =
    rule.confirm ?? (status === 'FAILED' && rule.status === 'BY_INNER' ? true : undefined);
  return resultFrom(reply, status, exchanges, {
    duplicate: rule.duplicate,
    ...(confirm && { needsConfirmation: confirm }),
  });
}

/** A requery answer is itself the confirmation: it never asks for another one. */
export function mapVtpassRequery(
  reply: VtpassReply,
  exchanges: Exchange[],
  codes: Record<string, Rule> = VTPASS_CODES,
): ProviderResult {
  const rule = codes[reply.code];
  if (!rule || !REQUERY_CODES.has(reply.code)) return resultFrom(reply, 'UNKNOWN', exchanges);
  return resultFrom(reply, rule.status === 'BY_INNER' ? byInner(reply) : rule.status, exchanges);
}

export const VTPASS_NETWORK_BY_DATA_SERVICE: Record<string, string> = {
  'mtn-data': 'MTN',
  'glo-data': 'GLO',
  'airtel-data': 'AIRTEL',
  'etisalat-data': '9MOBILE', //
};

export function mapVtpassVariations(serviceID: string, items: unknown[]): CatalogueItem[] {
  const network = VTPASS_NETWORK_BY_DATA_SERVICE[serviceID];
  if (!network) return [];
  return items.flatMap((raw): CatalogueItem[] => {
    const v = vtpassVariation.safeParse(raw);
    const priceMinor = v.success
      ? minorOrUndefined(parseDecimalToMinor(v.data.variation_amount))
      : undefined;
    if (!v.success || priceMinor === undefined) return [];
    return [
      {
        provider: 'vtpass',
        currency: 'NGN',
        network,
        type: 'data',
        planCode: v.data.variation_code,
        name: v.data.name,
        dataMb: parseDataMb(v.data.name),
        validityDays: parseValidityDays(v.data.name),
        priceMinor,
        raw,
      },
    ];
  });
}
