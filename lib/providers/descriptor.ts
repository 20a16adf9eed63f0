// One provider, described once: everything the portal knows about an upstream besides its wire protocol.
// The registry lists these; the id type, id list, currency lookup, ledger float accounts, admin forms,
// seeded settings and the simulator's routing all read them, so adding a provider is its folder plus
// one registry line (and a simulator handler when it speaks a new protocol).
import type { Currency } from '../money';
import type { ProviderAdapter, ProviderConfig, ProviderDeps } from './types';

export interface CredentialField {
  /** The key the adapter reads from ProviderConfig.credentials, shown as-is on the admin form. */
  name: string;
  /** The local simulator's value: it opens the simulator only, so it is published, never a secret. */
  simulatorValue: string;
}

/** The simulator's commercial terms: what the provider charges us until an admin sets `costBps`. */
export interface CostTerms {
  /** Basis points of face value (its discount is our gross margin); the simulator's float drops by it. */
  costBps: number;
}

export interface ProviderDescriptor<Id extends string = string> {
  readonly id: Id;
  readonly label: string;
  /** The one currency it sells and keeps its float in: the ledger's float account is in it. */
  readonly currency: Currency;
  /** Request timeout (ms) a fresh settings row starts with. */
  readonly timeoutMs: number;
  /** Where the simulator serves this provider's protocol (the demo base URL is the simulator + this). */
  readonly simulatorPrefix: string;
  readonly credentialFields: readonly CredentialField[];
  /** Options a fresh settings row starts with; every other option has its default in the adapter. */
  readonly defaultOptions: Readonly<Record<string, string>>;
  readonly costTerms: CostTerms;
  /** The earliest first requery after a pending answer, when the provider asks not to poll sooner. */
  readonly firstRequeryFloorMs?: number;
  /** The alphabet of the 8 chars after the reference's Lagos stamp (base36 unless the provider says). */
  readonly referenceSuffix?: 'digits';
  /**
   * The bill families its adapter sells (ProviderAdapter.bills); none when absent. Routing and the
   * admin's route editor offer a bill only to the providers that list its family.
   */
  readonly billFamilies?: readonly ('electricity' | 'tv')[];
  readonly create: (config: ProviderConfig, deps: ProviderDeps) => ProviderAdapter<Id>;
}

/** Keeps the literal id in the type, so the registry can derive the ProviderId union from its list. */
export function defineProvider<const Id extends string>(
  descriptor: ProviderDescriptor<Id>,
): ProviderDescriptor<Id> {
  return descriptor;
}

/** The credentials that open the simulator's copy of this provider. */
export function simulatorCredentials(descriptor: ProviderDescriptor): Record<string, string> {
  return Object.fromEntries(descriptor.credentialFields.map((f) => [f.name, f.simulatorValue]));
}
