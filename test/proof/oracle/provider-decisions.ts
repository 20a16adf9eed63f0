// The per-provider decision table, transcribed by hand from the providers' documents (the research notes on
// JoNet §1.5/§1.9, VTpass §2.5/§2.6, CWG §3.6, RechargeKit §4.4 and the common rules §5.1; each § is mapped to
// its page in docs/providers/README.md#section-numbers) and from the
// simulator's published magic-number answers (59 definite failure, 60 not processed, 62 failure then delivered).
// It is the proofs' oracle: adapters and the purchase engine never import it, and it is never generated from
// their code tables. Where the documents leave a gap, the note says which reading was chosen and why.
//
// Reading rule (shared with the engine): every answer decides exactly one of the decisions below.
// The documents' normalised vocabulary has no "not processed" status; the engine's has (NOT_PROCESSED: the
// request provably never reached fulfilment). So where a document calls an answer FAILED but also says it
// was refused before any processing (auth, configuration, validation, account state, "not charged", "not
// processed, try again"), the decision here is failover, not refund. A confirming requery first
// (…-after-confirm) only where the document asks for one: JoNet's "try again" codes (§1.9), VTpass 016
// (§2.5), and JoNet's unlisted codes (§1.5).
// "requery" is the decision for the same code when it comes back from a status query; where it is absent the
// code is not a status-query answer at all, and the documents' rule for answers outside the guidelines
// applies: it says nothing about the sale, so the sale stays pending.

export type Decision =
  | 'success'
  | 'pending'
  | 'duplicate'
  | 'refund'
  | 'refund-after-confirm'
  | 'failover'
  | 'failover-after-confirm'
  | 'reversed'
  | 'not-found'
  | 'manual-review';

export type OracleProvider = 'jonet' | 'vtpass' | 'cwg' | 'rechargekit';

export interface OracleRow {
  provider: OracleProvider;
  /**
   * What the provider says, in a small per-provider notation the table test turns into a wire body:
   *   jonet       `<responseCode>` or `<responseCode>/<status word>`
   *   vtpass      `<code>` or `<code>/<content.transactions.status>`
   *   cwg         `status=<transactionStatus>` | `error=<errorCode>` | `http=<status>`
   *   rechargekit `error=0,status=<n>[,msg=<text>]` | `error=<n>,msg=<text>`
   *   any         `garbage-500` (HTML 500 page) | `truncated-json` (HTTP 200, body cut off mid-object)
   */
  answer: string;
  /** Decision when this is the answer to the purchase call; null when it only comes back from a status query. */
  purchase: Decision | null;
  /** Decision when this is the answer to a status query (requery); defaults to 'pending' (see above). */
  requery?: Decision;
  /** Where in the documents (or the simulator's published table) the decision comes from. */
  doc: string;
}

const jonet = (
  answer: string,
  purchase: Decision | null,
  doc: string,
  requery?: Decision,
): OracleRow => ({ provider: 'jonet', answer, purchase, requery, doc });
const vtpass = (
  answer: string,
  purchase: Decision,
  doc: string,
  requery?: Decision,
): OracleRow => ({ provider: 'vtpass', answer, purchase, requery, doc });
const cwg = (answer: string, purchase: Decision, doc: string, requery?: Decision): OracleRow => ({
  provider: 'cwg',
  answer,
  purchase,
  requery,
  doc,
});
const rk = (answer: string, purchase: Decision, doc: string, requery?: Decision): OracleRow => ({
  provider: 'rechargekit',
  answer,
  purchase,
  requery,
  doc,
});

export const PROVIDER_DECISIONS: readonly OracleRow[] = [
  // ---------------- JoNet (§1.5 code table, §1.7 webhook words, §1.9 pitfalls) ----------------
  jonet(
    '200',
    'success',
    '§1.5 200 Successful. On a requery (its shape is a GAP, §1.3) a bare 200 only says the query worked: the status word decides',
    'pending',
  ),
  jonet('200/Successful', null, '§1.5 200; §1.7 status word "Successful"', 'success'),
  jonet('200/Processing', null, '§1.7: Processing means PENDING, never success', 'pending'),
  jonet('200/Failed', null, '§1.7 status word on the requery (simulator): failed', 'refund'),
  jonet(
    '200/Reversed',
    null,
    '§1.5 201 "succeed or be refunded"; simulator answers a reversal as 200 + "Reversed"',
    'reversed',
  ),
  jonet('201', 'pending', '§1.5 201 Processing: requery', 'pending'),
  jonet('202', 'pending', '§1.5 202 status unknown: requery', 'pending'),
  jonet('203', 'pending', '§1.5 203 status unknown: requery', 'pending'),
  jonet('002', 'failover', '§1.5 002 agent could not be charged: FAILED, refund'),
  jonet('101', 'failover', '§1.5 101 auth error: FAILED (config error, not charged)'),
  jonet('102', 'failover', '§1.5 102 auth error: FAILED (config error, not charged)'),
  jonet('103', 'failover', '§1.5 103 method error: FAILED (config error, not charged)'),
  jonet('104', 'failover', '§1.5 104 TLS error: FAILED (config error, not charged)'),
  jonet(
    '105',
    'failover-after-confirm',
    '§1.5 105 unable to process, try again; §1.9 requery the old customer_id, retry with a new one only on JO110',
  ),
  jonet('106', 'failover', '§1.5 106 key expired: FAILED'),
  jonet('107', 'failover', '§1.5 107 account paused: FAILED'),
  jonet('108', 'failover-after-confirm', '§1.5 108 unable to process, try again; §1.9'),
  jonet('109', 'failover-after-confirm', '§1.5 109 unable to process, try again; §1.9'),
  jonet('JO101', 'failover', '§1.5 JO101 service blocked: FAILED'),
  jonet('JO102', 'failover', '§1.5 JO102 invalid parameters: FAILED'),
  jonet('JO103', 'failover', '§1.5 JO103 phone must start with 0: FAILED'),
  jonet('JO104', 'failover', '§1.5 JO104 wrong customer_id format: FAILED'),
  jonet(
    'JO105',
    'duplicate',
    '§1.5 JO105 duplicate reference: requery the original; §1.9; §5.1 rule 2',
    'pending',
  ),
  jonet('JO106', 'refund', '§1.5 JO106 failed: FAILED, refund (simulator 59)', 'refund'),
  jonet('JO107', 'refund', '§1.5 JO107 failed: FAILED, refund', 'refund'),
  jonet(
    'JO109',
    'refund-after-confirm',
    '§1.5 JO109 no webhook URL: a configuration error the docs table lists as Failed, "not a transaction state": no money moves until a requery confirms the sale failed or was never seen',
  ),
  jonet(
    'JO110',
    'not-found',
    '§1.5 JO110 transaction not found (requery): NOT_FOUND, failed only after the grace window',
    'not-found',
  ),
  jonet('JO119', 'pending', '§1.5 JO119 not yet completed (requery)', 'pending'),
  jonet(
    'JO999',
    'refund-after-confirm',
    '§1.5 "anything else: treat as outright failure ... we recommend one confirmatory requery first"',
  ),
  jonet(
    'garbage-500',
    'pending',
    '§5.1 UNKNOWN: 5xx / non-JSON; ambiguity is never failure',
    'pending',
  ),
  jonet('truncated-json', 'pending', '§5.1 UNKNOWN: unreadable body', 'pending'),

  // ---------------- VTpass (§2.5 top-level codes and inner status, §2.6 requery) ----------------
  vtpass('000/initiated', 'pending', '§2.5 000 by inner status; initiated = PENDING', 'pending'),
  vtpass('000/pending', 'pending', '§2.5 inner pending = PENDING', 'pending'),
  vtpass('000/delivered', 'success', '§2.5 inner delivered = SUCCESS', 'success'),
  vtpass('000/reversed', 'reversed', '§2.5 inner reversed = REVERSED', 'reversed'),
  vtpass(
    '000/failed',
    'refund-after-confirm',
    '§2.5 inner failed is INFERRED ("commonly seen alongside code 016"), so it takes 016\'s confirming requery',
    'refund',
  ),
  vtpass('000/resolved', 'manual-review', '§2.5 inner resolved = MANUAL_REVIEW', 'manual-review'),
  vtpass(
    '000',
    'pending',
    '§2.10 000 does not mean success: without an inner status the sale is still open',
    'pending',
  ),
  vtpass('001/delivered', 'success', '§2.5 001 transaction query: by inner status', 'success'),
  vtpass('001/pending', 'pending', '§2.5 001 by inner status', 'pending'),
  vtpass('001/reversed', 'reversed', '§2.5 001 by inner status', 'reversed'),
  vtpass('099', 'pending', '§2.5 099 processing: requery', 'pending'),
  vtpass(
    '044',
    'manual-review',
    '§2.5 044 resolved, contact VTpass: MANUAL_REVIEW (hold)',
    'manual-review',
  ),
  vtpass('091', 'failover', '§2.5 091 not processed, you will not be charged (simulator 60)'),
  vtpass(
    '016',
    'refund-after-confirm',
    '§2.5 016 transaction failed: refund, "recommend one confirmatory requery" (simulator 59/62)',
    'refund',
  ),
  vtpass('010', 'failover', '§2.5 010 variation code does not exist: FAILED (pre-processing)'),
  vtpass('011', 'failover', '§2.5 011 invalid arguments: FAILED'),
  vtpass('012', 'failover', '§2.5 012 product does not exist: FAILED'),
  vtpass('013', 'failover', '§2.5 013 below minimum amount: FAILED'),
  vtpass('017', 'failover', '§2.5 017 above maximum amount: FAILED'),
  vtpass(
    '014',
    'duplicate',
    '§2.5 014 request_id already exists: requery the original; §2.10; §5.1 rule 2',
  ),
  vtpass(
    '015',
    'not-found',
    '§2.5 015 invalid request_id: NOT_FOUND, failed only after grace; §2.6',
    'not-found',
  ),
  vtpass('018', 'failover', '§2.5 018 low wallet balance: FAILED'),
  vtpass(
    '019',
    'failover',
    '§2.5 019 likely duplicate: VTpass refused this request before processing it (the earlier one may have succeeded, but the agent has confirmed the repeat), so it may go to the next provider',
  ),
  vtpass(
    '020',
    'pending',
    '§2.5 020 biller confirmed is a verification answer (VERIFY_OK), not a sale state',
  ),
  vtpass('021', 'failover', '§2.5 021 account locked: FAILED'),
  vtpass('022', 'failover', '§2.5 022 account suspended: FAILED'),
  vtpass('023', 'failover', '§2.5 023 no API access: FAILED'),
  vtpass('024', 'failover', '§2.5 024 account inactive: FAILED'),
  vtpass('025', 'refund', '§2.5 025 bank transfer error: FAILED'),
  vtpass('026', 'refund', '§2.5 026 bank transfer error: FAILED'),
  vtpass('027', 'failover', '§2.5 027 IP not whitelisted: FAILED'),
  vtpass('028', 'failover', '§2.5 028 product not whitelisted: FAILED'),
  vtpass(
    '030',
    'failover-after-confirm',
    '§2.5 030 biller not reachable: refused before delivery; the table is silent on confirmation, so the safe reading (§2.6: anything ambiguous is requeried) confirms first',
  ),
  vtpass('031', 'failover', '§2.5 031 below quantity limit: FAILED'),
  vtpass('032', 'failover', '§2.5 032 above quantity limit: FAILED'),
  vtpass('034', 'failover', '§2.5 034 service suspended: FAILED'),
  vtpass('035', 'failover', '§2.5 035 service inactive: FAILED'),
  vtpass('040', 'reversed', '§2.5 040 transaction reversal: REVERSED', 'reversed'),
  vtpass('083', 'pending', '§2.5 083 system error: ambiguous, requery', 'pending'),
  vtpass('085', 'failover', '§2.5 085 improper request_id: FAILED; §2.7'),
  vtpass('087', 'failover', '§2.5 087 invalid credentials: FAILED; §2.2'),
  vtpass('089', 'pending', '§2.5 089 request is processing: back off, then requery', 'pending'),
  vtpass(
    '999',
    'pending',
    '§2.5 "anything else / no response / timeout: treat as pending and requery"; §2.6',
    'pending',
  ),
  vtpass('garbage-500', 'pending', '§2.6 no usable response: pending', 'pending'),
  vtpass('truncated-json', 'pending', '§2.6 response outside the guidelines: pending', 'pending'),

  // ---------------- CWG (§3.6 INFERRED mapping; vend/status/errors are GAPs the simulator fills) ----------------
  cwg('status=SUCCESSFUL', 'success', '§3.6 2xx, requestSuccessful, body shows success', 'success'),
  cwg('status=PENDING', 'pending', '§3.6 not final: requery', 'pending'),
  cwg(
    'status=FAILED',
    'refund-after-confirm',
    'simulator 59: CWG answers FAILED, a definite failure (§3.6 is INFERRED throughout: the safe reading for a GAP confirms by requery before money or the sale moves)',
    'refund',
  ),
  cwg('status=REVERSED', 'reversed', '§5.1 REVERSED: charged then reversed', 'reversed'),
  cwg(
    'status=WHATEVER',
    'pending',
    '§3.6 anything not shown as success or a validation error is UNKNOWN, then requery',
    'pending',
  ),
  cwg(
    'error=INVALID_HASH',
    'failover-after-confirm',
    '§3.6 validation error (hash mismatch): FAILED (§3.6 is INFERRED throughout: the safe reading for a GAP confirms by requery before money or the sale moves)',
  ),
  cwg(
    'error=INVALID_VEND_CODE',
    'failover-after-confirm',
    '§3.6 validation error (bad vendCode): FAILED (§3.6 is INFERRED throughout: the safe reading for a GAP confirms by requery before money or the sale moves)',
  ),
  cwg(
    'error=INVALID_SUB_CODE',
    'failover-after-confirm',
    '§3.6 validation error (bad subCode): FAILED (§3.6 is INFERRED throughout: the safe reading for a GAP confirms by requery before money or the sale moves)',
  ),
  cwg(
    'error=INSUFFICIENT_BALANCE',
    'failover-after-confirm',
    '§3.6 validation error (low balance): FAILED (§3.6 is INFERRED throughout: the safe reading for a GAP confirms by requery before money or the sale moves)',
  ),
  cwg(
    'error=INVALID_AMOUNT',
    'failover-after-confirm',
    "§3.6 validation error (the simulator's wrong preset price) (§3.6 is INFERRED throughout: the safe reading for a GAP confirms by requery before money or the sale moves)",
  ),
  cwg(
    'error=INVALID_REQUEST',
    'failover-after-confirm',
    "§3.6 validation error (the simulator's missing fields) (§3.6 is INFERRED throughout: the safe reading for a GAP confirms by requery before money or the sale moves)",
  ),
  cwg(
    'error=DUPLICATE_REFERENCE',
    'duplicate',
    '§5.1 rule 2: a duplicate-reference answer means requery the original',
  ),
  cwg(
    'error=VEND_NOT_PROCESSED',
    'failover-after-confirm',
    'simulator 60: "vend not processed, try again": nothing recorded, safe to fail over (§3.6 is INFERRED throughout: the safe reading for a GAP confirms by requery before money or the sale moves)',
  ),
  cwg(
    'error=TRANSACTION_NOT_FOUND',
    'not-found',
    '§5.1 NOT_FOUND (status query of an unknown reference)',
    'not-found',
  ),
  cwg(
    'error=SOMETHING_NEW',
    'pending',
    '§3.6 an error that is not a known validation error is UNKNOWN',
    'pending',
  ),
  cwg('http=429', 'pending', '§3.6 HTTP 429: UNKNOWN, requery', 'pending'),
  cwg(
    'http=401',
    'pending',
    '§3.6 HTTP 401: refresh the token and requery, never resend blindly',
    'pending',
  ),
  cwg('garbage-500', 'pending', '§3.6 HTTP 5xx: UNKNOWN, requery', 'pending'),
  cwg('truncated-json', 'pending', '§5.1 UNKNOWN: unreadable body', 'pending'),

  // ---------------- RechargeKit (§4.4 error/status table, §4.9 pitfalls) ----------------
  rk('error=0,status=1', 'success', '§4.4 error 0, status 1: SUCCESS', 'success'),
  rk(
    'error=0,status=2',
    'pending',
    '§4.4 error 0, status 2: PENDING, statusCheck later',
    'pending',
  ),
  rk(
    'error=0,status=3',
    'refund',
    '§4.4 error 0, status 3: FAILED, refund (simulator 59)',
    'refund',
  ),
  rk(
    'error=0,status=3,msg=Refunded',
    'refund',
    '§4.4 status 3 on the purchase answer is a failure',
    'reversed',
  ),
  rk('error=0,status=7', 'pending', '§4.4 "others for hold": PENDING', 'pending'),
  rk(
    'error=0',
    'pending',
    '§4.4 error 0 only means accepted; no status is not a result (§4.9)',
    'pending',
  ),
  rk(
    'error=1,msg=Duplicate order, Order ID must be unique',
    'duplicate',
    '§4.4 error ≠ 0 + duplicate: requery the original, never refund blindly',
  ),
  rk(
    'error=2,msg=Operator temporarily unavailable, please process again',
    'failover',
    '§4.4 error ≠ 0: not processed, "process again" (simulator 60)',
  ),
  rk('error=1,msg=Invalid circle', 'failover', '§4.4 error ≠ 0, other msg: not processed'),
  rk(
    'error=3,msg=Order not found',
    'failover',
    "§4.4 error ≠ 0 on a recharge: not processed. On a status check this is the simulator's published not-found answer (the not-found wording is a GAP)",
    'not-found',
  ),
  rk(
    'error=1,msg=Order not found',
    'failover',
    '§4.4 error ≠ 0 on a recharge: not processed; on a status check an error other than the not-found code is about the query',
  ),
  rk('garbage-500', 'pending', '§4.4 timeout / non-JSON: UNKNOWN', 'pending'),
  rk('truncated-json', 'pending', '§4.4 non-JSON: UNKNOWN', 'pending'),
];
