// CWG glue: token cache, vend body (amountPaid whole naira, Lagos transactionDate, pluggable hash), and the
// rule that a 401 on a vend means refresh the token and REQUERY, never resend (docs/providers/cwg.md#token).
import { mapOutcome, notSent, readOrThrow, ProviderReadError } from '../ambiguity';
import { minorOrUndefined, parseDecimalToMinor, minorToWholeUnits } from '../../money';
import { intOption, mapOption, option, urlFor } from '../config';
import type {
  Exchange,
  ProviderAdapter,
  ProviderConfig,
  ProviderDeps,
  ProviderResult,
} from '../types';
import { parseCwgCallback } from './callback';
import { createCwgClient, CWG_DEFAULT_PATHS, type CwgOp } from './client';
import { computeCwgHash, cwgTransactionDate, isCwgHashRecipe } from './hash';
import { mapCwgStatus, mapCwgSubscriptions, mapCwgVend } from './map';
import { cwgBalanceBody, cwgEnvelope, cwgSubscriptionBody } from './schemas';
import { createTokenCache, sharedTokenCache, TokenUnavailableError } from './token';

// subscription-list vend codes (the documentation's table, docs/providers/cwg.md#catalogue); the catalogue's own codes win when known,
// and an account whose query answers MTN_A-style codes sets the airtimeVendCodes option.
const AIRTIME_VEND_CODES = 'MTN:M301,GLO:G501,AIRTEL:A201,9MOBILE:N901';

export function createCwgAdapter(
  config: ProviderConfig,
  deps: ProviderDeps,
): ProviderAdapter<'cwg'> {
  const client = createCwgClient(config, deps);
  const tokens = sharedTokenCache(
    deps.fetch,
    {
      tokenUrl: urlFor(config, 'token', CWG_DEFAULT_PATHS.token),
      clientId: config.credentials.clientId ?? '',
      clientSecret: config.credentials.clientSecret ?? '',
    },
    () => createTokenCache(() => client.fetchToken(), deps.now),
  );
  const airtimeCodes = mapOption(config, 'airtimeVendCodes', AIRTIME_VEND_CODES);
  const recipe = option(config, 'hashRecipe', 'sha512-concat-secret');

  /** One authenticated call; on 401, refresh the token and retry once (reads only). */
  async function authed(
    op: CwgOp,
    req: { body?: Record<string, unknown>; query?: Record<string, string> },
    retry401: boolean,
  ) {
    const first = await tokens.get();
    const outcome = await client.call(op, first.token, req);
    if (!(retry401 && outcome.kind === 'response' && outcome.status === 401))
      return { outcome, prior: first.exchanges };
    tokens.invalidate();
    const second = await tokens.get();
    return {
      outcome: await client.call(op, second.token, req),
      prior: [...first.exchanges, outcome.exchange, ...second.exchanges],
    };
  }

  async function status(reference: string, prior: Exchange[] = []): Promise<ProviderResult> {
    try {
      const { outcome, prior: p } = await authed(
        'status',
        { query: { transactionReference: reference } },
        true,
      );
      return mapOutcome(outcome, cwgEnvelope, mapCwgStatus, [...prior, ...p]);
    } catch (err) {
      if (!(err instanceof TokenUnavailableError)) throw err;
      return {
        status: 'UNKNOWN',
        providerCode: 'token_unavailable',
        message: err.message,
        exchanges: [...prior, ...err.exchanges],
      };
    }
  }

  async function vend(
    reference: string,
    phone: string,
    amountMinor: number,
    vendingCode: string,
    subCode?: string,
  ): Promise<ProviderResult> {
    const amountPaid = minorToWholeUnits(amountMinor);
    if (amountPaid === undefined || amountPaid <= 0)
      return notSent('invalid_amount', 'CWG amountPaid must be whole naira');
    if (!isCwgHashRecipe(recipe))
      return notSent('config_error', `unknown CWG hashRecipe "${recipe}"`);
    const fields = {
      transactionReference: reference,
      amountPaid,
      customerUserId: phone,
      transactionDate: cwgTransactionDate(deps.now()),
      vendingCode,
      subCode,
    };
    const transactionHash = computeCwgHash(recipe, fields, config.credentials.clientSecret ?? '', {
      separator: option(config, 'hashSeparator', ''),
      upper: option(config, 'hashCase', 'lower') === 'upper',
    });
    let sent;
    try {
      sent = await authed('vend', { body: { ...fields, transactionHash } }, false);
    } catch (err) {
      if (!(err instanceof TokenUnavailableError)) throw err;
      // No token means the vend never left: a definite, safe failure.
      return {
        status: 'FAILED',
        providerCode: 'token_unavailable',
        message: err.message,
        exchanges: err.exchanges,
      };
    }
    const { outcome, prior } = sent;
    if (outcome.kind === 'response' && outcome.status === 401) {
      tokens.invalidate(); // refresh and requery; a blind resend could double-vend.
      const result = await status(reference, [...prior, outcome.exchange]);
      return { ...result, providerCode: `http_401>${result.providerCode}` };
    }
    return mapOutcome(outcome, cwgEnvelope, mapCwgVend, prior);
  }

  async function read(op: CwgOp, what: string): Promise<{ body: unknown; exchanges: Exchange[] }> {
    const { outcome, prior } = await authed(op, {}, true);
    const env = cwgEnvelope.safeParse(readOrThrow(outcome, what));
    if (!env.success || !env.data.requestSuccessful)
      throw new ProviderReadError(`${what}: unexpected body`, [...prior, outcome.exchange]);
    return { body: env.data.responseEntity?.body, exchanges: [...prior, outcome.exchange] };
  }

  return {
    id: 'cwg',
    currency: 'NGN',
    async listCatalogue() {
      const { body, exchanges } = await read('catalogue', 'cwg subscription');
      const parsed = cwgSubscriptionBody.safeParse(body);
      if (!parsed.success)
        throw new ProviderReadError('cwg subscription: no subscribedServices', exchanges);
      const min = intOption(config, 'airtimeMinMinor', 5_000);
      const max = intOption(config, 'airtimeMaxMinor', 5_000_000);
      return mapCwgSubscriptions(parsed.data.subscribedServices, min, max);
    },
    buyAirtime(r) {
      const code = r.planCode ?? airtimeCodes[r.network.toUpperCase()];
      return code
        ? vend(r.reference, r.phone, r.amountMinor, code)
        : Promise.resolve(
            notSent('unsupported_network', `CWG: no airtime vend code for ${r.network}`),
          );
    },
    buyData(r) {
      const [vendingCode, subCode] = r.planCode.split(':', 2);
      if (!vendingCode || !subCode)
        return Promise.resolve(
          notSent('invalid_plan', 'CWG data planCode must be vendCode:subCode'),
        );
      return vend(r.reference, r.phone, r.amountMinor, vendingCode, subCode);
    },
    requery: (reference) => status(reference),
    async balance() {
      const { body, exchanges } = await read('balance', 'cwg balance');
      const parsed = cwgBalanceBody.safeParse(body);
      const amountMinor = parsed.success
        ? minorOrUndefined(parseDecimalToMinor(parsed.data.balance))
        : undefined;
      if (amountMinor === undefined)
        throw new ProviderReadError('cwg balance: unexpected body', exchanges);
      return { amountMinor, currency: 'NGN', exchanges };
    },
    parseCallback: parseCwgCallback,
  };
}
