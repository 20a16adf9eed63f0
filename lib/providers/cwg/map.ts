// Pure mapping of CWG VMS answers. Everything below is INFERRED (docs/providers/cwg.md#codes: vend response,
// error catalogue and status endpoint are GAPs); keep it in step with what CWG actually returns.
import { minorOrUndefined, parseDecimalToMinor } from '../../money';
import { parseDataMb, parseValidityDays } from '../plan-name';
import type { CatalogueItem, Exchange, ProviderResult, TxnStatus } from '../types';
import { cwgPreset, cwgService, cwgVendBody, type CwgEnvelope } from './schemas';

// Everything about CWG's answers is INFERRED, so every "no" takes the safe reading: a failure refunds
// only after the status query confirms it, and a refusal goes to another provider only after the
// status query says the reference was never seen.
type Rule = { status: TxnStatus; duplicate?: boolean; confirm?: true };

export const CWG_TRANSACTION_STATUS: Record<string, Rule> = {
  SUCCESSFUL: { status: 'SUCCESS' }, // INFERRED "body shows success"
  SUCCESS: { status: 'SUCCESS' }, // INFERRED spelling variant
  PENDING: { status: 'PENDING' }, // INFERRED
  PROCESSING: { status: 'PENDING' }, // INFERRED
  FAILED: { status: 'FAILED', confirm: true }, // INFERRED: refund once the status query agrees
  REVERSED: { status: 'REVERSED' }, // INFERRED
};

export const CWG_ERROR_CODES: Record<string, Rule> = {
  DUPLICATE_REFERENCE: { status: 'PENDING', duplicate: true }, // INFERRED: requery the original
  TRANSACTION_NOT_FOUND: { status: 'NOT_FOUND' }, // INFERRED status-query answer
  INVALID_HASH: { status: 'NOT_PROCESSED', confirm: true }, // validation error (hash mismatch)
  INVALID_VEND_CODE: { status: 'NOT_PROCESSED', confirm: true }, // validation error (bad vendCode)
  INVALID_SUB_CODE: { status: 'NOT_PROCESSED', confirm: true }, // validation error (bad subCode)
  INSUFFICIENT_BALANCE: { status: 'NOT_PROCESSED', confirm: true }, // validation error (low balance)
  INVALID_AMOUNT: { status: 'NOT_PROCESSED', confirm: true }, // INFERRED validation error
  INVALID_REQUEST: { status: 'NOT_PROCESSED', confirm: true }, // INFERRED validation error
  VEND_NOT_PROCESSED: { status: 'NOT_PROCESSED', confirm: true }, // INFERRED: refused before reaching the operator
};

const REQUERY_ERRORS = new Set(['TRANSACTION_NOT_FOUND']);

function firstError(env: CwgEnvelope): { code: string; message?: string } | undefined {
  const e = env.apiErrors?.apiErrorList?.[0];
  return e
    ? { code: e.errorCode ?? e.code ?? 'UNSPECIFIED', message: e.errorMessage ?? e.message }
    : undefined;
}

function map(env: CwgEnvelope, exchanges: Exchange[], forRequery: boolean): ProviderResult {
  // A status-query answer is itself the confirmation: it never asks for another one.
  const confirm = (rule: Rule | undefined) =>
    !forRequery && rule?.confirm ? { needsConfirmation: true as const } : {};
  if (!env.requestSuccessful) {
    const err = firstError(env) ?? { code: 'UNSPECIFIED' };
    const rule = CWG_ERROR_CODES[err.code];
    const usable = rule && (!forRequery || REQUERY_ERRORS.has(err.code)) ? rule : undefined;
    // An unlisted error is ambiguous, not a failure: the status query settles it.
    return {
      status: usable?.status ?? 'UNKNOWN',
      providerCode: `error=${err.code}`,
      message: err.message,
      duplicate: usable?.duplicate,
      ...confirm(usable),
      exchanges,
    };
  }
  const body = cwgVendBody.safeParse(env.responseEntity?.body);
  const word = body.success ? body.data.transactionStatus?.toUpperCase() : undefined;
  const rule = word ? CWG_TRANSACTION_STATUS[word] : undefined;
  return {
    status: rule?.status ?? 'UNKNOWN',
    providerCode: `status=${word ?? 'none'}`,
    message: body.success ? body.data.message : undefined,
    providerRef: body.success ? body.data.cwgReference : undefined,
    operatorRef: body.success ? body.data.operatorReference : undefined,
    ...confirm(rule),
    exchanges,
  };
}

export const mapCwgVend = (env: CwgEnvelope, exchanges: Exchange[]) => map(env, exchanges, false);
export const mapCwgStatus = (env: CwgEnvelope, exchanges: Exchange[]) => map(env, exchanges, true);

// both vend-code sets exist (M301/M302… in the table, MTN_A/MTN_D… in the query sample); AIR_* is INFERRED.
const VEND_CODE_NETWORK: [RegExp, string][] = [
  [/^(MTN|M3)/i, 'MTN'],
  [/^(GLO|G5)/i, 'GLO'],
  [/^(AIR|A2)/i, 'AIRTEL'],
  [/^(NIN|ETI|N9)/i, '9MOBILE'],
];

export function cwgNetworkOf(vendCode: string): string | undefined {
  return VEND_CODE_NETWORK.find(([re]) => re.test(vendCode))?.[1];
}

export function mapCwgSubscriptions(
  services: unknown[],
  minMinor: number,
  maxMinor: number,
): CatalogueItem[] {
  const out: CatalogueItem[] = [];
  for (const raw of services) {
    const s = cwgService.safeParse(raw);
    const network = s.success ? cwgNetworkOf(s.data.vendCode) : undefined;
    if (!s.success || !network) continue;
    if (!s.data.usesPreset) {
      // Free-amount service: airtime (…_A / …01). A non-preset data code has no plans to list.
      if (/(_A|01)$/i.test(s.data.vendCode)) {
        out.push({
          provider: 'cwg',
          currency: 'NGN',
          network,
          type: 'airtime',
          planCode: s.data.vendCode,
          name: s.data.name ?? `${network} airtime`,
          minMinor,
          maxMinor,
          raw,
        });
      }
      continue;
    }
    for (const p of s.data.presetAmountList ?? []) {
      const preset = cwgPreset.safeParse(p);
      const priceMinor = preset.success
        ? minorOrUndefined(parseDecimalToMinor(preset.data.amount))
        : undefined; // whole naira (INFERRED)
      if (!preset.success || priceMinor === undefined) continue;
      const name = preset.data.description ?? preset.data.subCode;
      out.push({
        provider: 'cwg',
        currency: 'NGN',
        network,
        type: 'data',
        planCode: `${s.data.vendCode}:${preset.data.subCode}`,
        name,
        dataMb: parseDataMb(preset.data.subCode) ?? parseDataMb(name),
        validityDays: parseValidityDays(name),
        priceMinor,
        raw: p,
      });
    }
  }
  return out;
}
