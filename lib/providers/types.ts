// The one provider interface. Every upstream (JoNet, VTpass, CWG, RechargeKit) is reached through it;
// the orchestrator, catalogue sync and callback routes are written against these names only.
import type { Currency } from '../money';

/**
 * FAILED: failed after processing (refund, never fail over). NOT_PROCESSED: the request provably never
 * reached fulfilment, so it may go to another provider with a new reference.
 */
export type TxnStatus =
  | 'UNKNOWN'
  | 'PENDING'
  | 'SUCCESS'
  | 'FAILED'
  | 'NOT_PROCESSED'
  | 'REVERSED'
  | 'NOT_FOUND'
  | 'MANUAL_REVIEW';
export const PRODUCT_TYPES = ['airtime', 'data', 'electricity', 'tv'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

/**
 * What a sale delivers beyond the top-up itself: an electricity token (and its units), a voucher or
 * PIN, and the name the provider holds for the account. Any field may be missing from one answer and
 * present in a later one (docs/providers/vtpass-bills.md#tokens).
 */
export interface DeliveredValue {
  token: string | null;
  units: string | null;
  customerName: string | null;
}

/** One HTTP round trip, kept for audit. Secrets redacted: headers are not stored, credential fields are masked. */
export interface Exchange {
  at: string; // ISO
  method: string;
  url: string;
  requestBody?: unknown;
  status?: number;
  responseBody?: unknown;
  error?: string;
  durationMs: number;
}

export interface ProviderResult {
  status: TxnStatus;
  /** Raw provider code, e.g. "JO105", "016", "error=0,status=2", "timeout". */
  providerCode: string;
  message?: string;
  providerRef?: string;
  operatorRef?: string;
  /** Duplicate-reference answer: the original reached the provider; requery it. */
  duplicate?: boolean;
  /**
   * The provider's document asks for a confirming requery before acting on this answer: on FAILED,
   * refund only once a requery says failed (or not found); on NOT_PROCESSED, fail over only once a
   * requery of this reference says not found.
   */
  needsConfirmation?: true;
  /** The value this answer carried (token, units, name), when it carried any. */
  delivered?: DeliveredValue;
  exchanges: Exchange[];
}

export interface CatalogueItem {
  /** The provider's id (a registry id: the adapters live below the registry, so they name it as text). */
  provider: string;
  currency: Currency;
  /** NG: 'MTN'|'GLO'|'AIRTEL'|'9MOBILE'; IN: 'AIRTEL'|'JIO'|'VI'|'BSNL' */
  network: string;
  /** India circle code as string */
  circle?: string;
  type: ProductType;
  /** JoNet code | VTpass variation_code | CWG vendCode[:subCode] | RK plan id; for airtime the provider's airtime code/serviceID */
  planCode: string;
  name: string;
  dataMb?: number;
  validityDays?: number;
  /** Fixed price in kobo/paise; undefined for free-amount airtime. */
  priceMinor?: number;
  minMinor?: number;
  maxMinor?: number;
  raw: unknown;
}

export interface AirtimeRequest {
  reference: string;
  /** National format for NG '080...', 10 digits for IN. */
  phone: string;
  network: string;
  amountMinor: number;
  circle?: string;
  planCode?: string;
}

export interface DataRequest {
  reference: string;
  phone: string;
  network: string;
  planCode: string;
  amountMinor: number;
  circle?: string;
}

/** A bill of an account at a biller (lib/bills/billers.ts): a meter or a smartcard (or, for ShowMax, a phone). */
export interface BillRequest {
  reference: string;
  type: 'electricity' | 'tv';
  /** Biller id, e.g. 'IKEDC', 'DSTV'. */
  biller: string;
  /** Meter number, smartcard number, or the phone for ShowMax. */
  account: string;
  /** Electricity: 'prepaid' | 'postpaid'; TV: the bouquet's variation code. */
  planCode: string;
  amountMinor: number;
  /** The customer's phone, which the provider wants with every bill. */
  phone: string;
  /** TV months. */
  quantity?: number;
  subscriptionType?: 'renew' | 'change';
}

export interface BillVerifyRequest {
  type: 'electricity' | 'tv';
  biller: string;
  account: string;
  /** Electricity: the meter type; TV: unused. */
  planCode?: string;
}

/** The provider's answer about an account, in minor units; null where the answer does not say. */
export type BillVerifyResult =
  | {
      ok: true;
      name: string;
      address: string | null;
      meterType: 'prepaid' | 'postpaid' | null;
      arrearsMinor: number | null;
      minimumMinor: number | null;
      maximumMinor: number | null;
      currentBouquet: string | null;
      /** Variation codes of the current bouquet, as the provider lists them. */
      currentBouquetCodes: string[];
      renewalAmountMinor: number | null;
      dueDate: string | null;
      exchanges: Exchange[];
    }
  /** The provider says this account is wrong: `message` is for the agent. */
  | { ok: false; kind: 'wrong_account'; message: string; exchanges: Exchange[] }
  /** The provider could not be asked or gave no readable answer: nothing is known about the account. */
  | { ok: false; kind: 'unavailable'; message: string; exchanges: Exchange[] };

/**
 * A product family an adapter sells beyond airtime and data. `verify` is the optional step before a
 * sale (absent: the family has none); the delivered value, when there is one, comes back on
 * `ProviderResult.delivered` from `buy`, `requery` and callbacks alike.
 */
export interface BillFamily {
  /** Requery with this family's reading of the codes; the adapter's own requery when absent. */
  requery?(reference: string): Promise<ProviderResult>;
  /** Billers of this family the adapter sells (lib/bills/billers.ts ids). */
  billers: readonly string[];
  verify?(r: BillVerifyRequest): Promise<BillVerifyResult>;
  buy(r: BillRequest): Promise<ProviderResult>;
}

export interface CallbackInput {
  method: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  rawBody: string;
}

export interface CallbackEvent {
  reference: string;
  hint: TxnStatus;
  providerCode: string;
  raw: unknown;
}

export interface CallbackParse {
  /** null = malformed/unauthenticated: change nothing. */
  event: CallbackEvent | null;
  /** What this provider expects back, e.g. VTpass {"response":"success"}. */
  ack: { status: number; body: string; contentType: string };
}

export interface ProviderAdapter<Id extends string = string> {
  readonly id: Id;
  readonly currency: Currency;
  listCatalogue(): Promise<CatalogueItem[]>;
  buyAirtime(r: AirtimeRequest): Promise<ProviderResult>;
  buyData(r: DataRequest): Promise<ProviderResult>;
  /** The bill families this adapter sells; an adapter without one does not sell that family. */
  readonly bills?: Partial<Record<'electricity' | 'tv', BillFamily>>;
  requery(reference: string): Promise<ProviderResult>;
  balance(): Promise<{ amountMinor: number; currency: Currency; exchanges: Exchange[] }>;
  parseCallback(input: CallbackInput): CallbackParse;
}

export interface ProviderConfig {
  baseUrl: string;
  timeoutMs: number;
  credentials: Record<string, string>;
  /** Per-operation path overrides for every GAP; an absolute URL replaces baseUrl for that operation. */
  paths?: Record<string, string>;
  /** e.g. CWG hash recipe, VTpass auth mode 'keys'|'basic'. */
  options?: Record<string, string>;
  /** Private TLS trust for this provider only (raw-IP or privately issued certificates, e.g. CWG). */
  tls?: ProviderTls;
}

export interface ProviderTls {
  /** One or more PEM certificates: the only CAs this provider's endpoints are trusted under. */
  caPem: string;
  /** Checked against the certificate (and sent as SNI) instead of the URL's host, when set. */
  serverName?: string;
}

export interface ProviderDeps {
  fetch: typeof fetch;
  now: () => Date;
}
