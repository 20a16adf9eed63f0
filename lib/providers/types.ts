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
export type ProductType = 'airtime' | 'data';

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
