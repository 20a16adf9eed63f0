// Pure mapping of CWG VMS answers. Everything below is INFERRED (providers.md §3.5–3.6: vend response,
// error catalogue and status endpoint are GAPs); keep it in step with what CWG actually returns.
import { decimalToMinor } from '../amount';
import { parseDataMb, parseValidityDays } from '../plan-name';
import type { CatalogueItem, Exchange, ProviderResult, TxnStatus } from '../types';
import { cwgPreset, cwgService, cwgVendBody, type CwgEnvelope } from './schemas';

export const CWG_TRANSACTION_STATUS: Record<string, TxnStatus> = {
  SUCCESSFUL: 'SUCCESS', // INFERRED §3.6 "body shows success"
  SUCCESS: 'SUCCESS', // INFERRED spelling variant
  PENDING: 'PENDING', // INFERRED
  PROCESSING: 'PENDING', // INFERRED
  FAILED: 'FAILED', // INFERRED
  REVERSED: 'REVERSED', // INFERRED
};

export const CWG_ERROR_CODES: Record<string, { status: TxnStatus; duplicate?: boolean }> = {
  DUPLICATE_REFERENCE: { status: 'PENDING', duplicate: true }, // INFERRED; §5.1 rule 2: requery the original
  TRANSACTION_NOT_FOUND: { status: 'NOT_FOUND' }, // INFERRED status-query answer
  INVALID_HASH: { status: 'FAILED' }, // §3.6 validation error (hash mismatch)
  INVALID_VEND_CODE: { status: 'FAILED' }, // §3.6 validation error (bad vendCode)
  INVALID_SUB_CODE: { status: 'FAILED' }, // §3.6 validation error (bad subCode)
  INSUFFICIENT_BALANCE: { status: 'FAILED' }, // §3.6 validation error (low balance)
  INVALID_AMOUNT: { status: 'FAILED' }, // INFERRED validation error
  INVALID_REQUEST: { status: 'FAILED' }, // INFERRED validation error
  VEND_NOT_PROCESSED: { status: 'FAILED' }, // INFERRED: refused before reaching the operator
};

const REQUERY_ERRORS = new Set(['TRANSACTION_NOT_FOUND']);

function firstError(env: CwgEnvelope): { code: string; message?: string } | undefined {
  const e = env.apiErrors?.apiErrorList?.[0];
  return e ? { code: e.errorCode ?? e.code ?? 'UNSPECIFIED', message: e.errorMessage ?? e.message } : undefined;
}

function map(env: CwgEnvelope, exchanges: Exchange[], forRequery: boolean): ProviderResult {
  if (!env.requestSuccessful) {
    const err = firstError(env) ?? { code: 'UNSPECIFIED' };
    const rule = CWG_ERROR_CODES[err.code];
    const usable = rule && (!forRequery || REQUERY_ERRORS.has(err.code));
    // An unlisted error is ambiguous, not a failure: the status query settles it.
    const status = usable ? rule.status : 'UNKNOWN';
    return { status, providerCode: `error=${err.code}`, message: err.message, duplicate: usable ? rule.duplicate : undefined, exchanges };
  }
  const body = cwgVendBody.safeParse(env.responseEntity?.body);
  const word = body.success ? body.data.transactionStatus?.toUpperCase() : undefined;
  const status = (word && CWG_TRANSACTION_STATUS[word]) || 'UNKNOWN';
  return {
    status, providerCode: `status=${word ?? 'none'}`, message: body.success ? body.data.message : undefined,
    providerRef: body.success ? body.data.cwgReference : undefined,
    operatorRef: body.success ? body.data.operatorReference : undefined, exchanges,
  };
}

export const mapCwgVend = (env: CwgEnvelope, exchanges: Exchange[]) => map(env, exchanges, false);
export const mapCwgStatus = (env: CwgEnvelope, exchanges: Exchange[]) => map(env, exchanges, true);

// §3.4: both vend-code sets exist (M301/M302… in the table, MTN_A/MTN_D… in the query sample); AIR_* is INFERRED.
const VEND_CODE_NETWORK: [RegExp, string][] = [
  [/^(MTN|M3)/i, 'MTN'], [/^(GLO|G5)/i, 'GLO'], [/^(AIR|A2)/i, 'AIRTEL'], [/^(NIN|ETI|N9)/i, '9MOBILE'],
];

export function cwgNetworkOf(vendCode: string): string | undefined {
  return VEND_CODE_NETWORK.find(([re]) => re.test(vendCode))?.[1];
}

export function mapCwgSubscriptions(services: unknown[], minMinor: number, maxMinor: number): CatalogueItem[] {
  const out: CatalogueItem[] = [];
  for (const raw of services) {
    const s = cwgService.safeParse(raw);
    const network = s.success ? cwgNetworkOf(s.data.vendCode) : undefined;
    if (!s.success || !network) continue;
    if (!s.data.usesPreset) {
      // Free-amount service: airtime (…_A / …01). A non-preset data code has no plans to list.
      if (/(_A|01)$/i.test(s.data.vendCode)) {
        out.push({ provider: 'cwg', currency: 'NGN', network, type: 'airtime', planCode: s.data.vendCode,
          name: s.data.name ?? `${network} airtime`, minMinor, maxMinor, raw });
      }
      continue;
    }
    for (const p of s.data.presetAmountList ?? []) {
      const preset = cwgPreset.safeParse(p);
      const priceMinor = preset.success ? decimalToMinor(preset.data.amount) : undefined; // §3.5: whole naira (INFERRED)
      if (!preset.success || priceMinor === undefined) continue;
      const name = preset.data.description ?? preset.data.subCode;
      out.push({ provider: 'cwg', currency: 'NGN', network, type: 'data', planCode: `${s.data.vendCode}:${preset.data.subCode}`,
        name, dataMb: parseDataMb(preset.data.subCode) ?? parseDataMb(name), validityDays: parseValidityDays(name), priceMinor, raw: p });
    }
  }
  return out;
}
