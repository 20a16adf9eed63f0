// Magic numbers: the LAST TWO DIGITS of the customer's phone (a bill's account) choose the outcome, identically for all four
// providers (table in simulator/README.md). Anything unlisted succeeds at once.

export type Scenario =
  | 'success' // 00–49 and anything unlisted
  | 'pending-success' // 51
  | 'pending-fail' // 52
  | 'timeout' // 53: hold the response; the sale IS recorded as success
  | 'reset' // 54: destroy the socket; the sale is NOT recorded
  | 'garbage' // 55: HTTP 500 HTML; recorded as success
  | 'garbage-json' // 61: HTTP 200 with truncated JSON; recorded as success
  | 'duplicate-first' // 56: duplicate-reference answer on the first call; recorded as success
  | 'reversal' // 57: success, then reversed after pendingResolveMs
  | 'pending-forever' // 58
  | 'fail' // 59: the provider's definite failure code
  | 'not-processed' // 60: "not processed / try again": definite, allows failover; not recorded
  | 'fail-then-deliver' // 62: answers 59's failure code, then the record turns to delivered after pendingResolveMs
  // Bills only (a top-up with these endings simply succeeds): what carries the token.
  | 'token-on-requery' // 63: delivered; the pay answer has no token, every requery and callback has it
  | 'token-later'; // 64: delivered without a token until pendingResolveMs (or a release), then it comes

export const MAGIC_SUFFIXES: Record<string, Scenario> = {
  '51': 'pending-success',
  '52': 'pending-fail',
  '53': 'timeout',
  '54': 'reset',
  '55': 'garbage',
  '56': 'duplicate-first',
  '57': 'reversal',
  '58': 'pending-forever',
  '59': 'fail',
  '60': 'not-processed',
  '61': 'garbage-json',
  '62': 'fail-then-deliver',
  '63': 'token-on-requery',
  '64': 'token-later',
};

// VTpass's own sandbox numbers (docs/providers/vtpass.md#sandbox), honoured on its protocol. Its "any other number
// fails" rule is not copied: the suffix table above decides every other number, for all four providers.
export const VTPASS_SANDBOX_NUMBERS: Record<string, Scenario> = {
  '08011111111': 'success',
  '201000000000': 'pending-success',
  '500000000000': 'garbage',
  '400000000000': 'reset',
  '300000000000': 'timeout',
};

export function scenarioForPhone(phone: string, provider?: string): Scenario {
  const digits = phone.replace(/\D/g, '');
  if (provider === 'vtpass' && VTPASS_SANDBOX_NUMBERS[digits])
    return VTPASS_SANDBOX_NUMBERS[digits];
  return MAGIC_SUFFIXES[digits.slice(-2)] ?? 'success';
}
