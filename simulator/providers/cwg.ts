// CWG VMS wire protocol (docs/providers/cwg.md). OAuth2 token + subscription list follow the docs; vend, status,
// balance, errors and callback are GAPs and follow the INFERRED shapes in lib/providers/cwg/map.ts.
import { randomUUID } from 'node:crypto';
import { minorToMajorNumber } from '../../lib/money';
import { computeCwgHash, type CwgHashRecipe } from '../../lib/providers/cwg/hash';
import { CWG_CODES, CWG_SUBSCRIPTIONS, type NgPlan } from '../catalogue';
import type { Sale } from '../sales';
import {
  basicCredentials,
  GARBLED,
  is2xx,
  json,
  obj,
  str,
  type ProviderHandler,
  type Reply,
  type SimRequest,
} from '../wire';
import type { HandlerContext } from './context';

export interface CwgSimOptions {
  tokenTtlSec: number;
  hashRecipe: CwgHashRecipe | 'off';
}
export interface CwgControl {
  revokeTokens(): void;
  /** Token requests answered so far (the real endpoint is rate-limited, so clients must cache). */
  tokenRequests(): number;
}

const STATUS_WORD: Record<Sale['state'], string> = {
  SUCCESS: 'SUCCESSFUL',
  PENDING: 'PENDING',
  FAILED: 'FAILED',
  REVERSED: 'REVERSED',
};

function envelope(command: string, body: unknown): Reply {
  return json({
    statusCode: 200,
    requestSuccessful: true,
    executionTime: 0,
    apiErrors: { errorCount: 0, apiErrorList: [] },
    apiWarnings: { warningCount: 0, apiWarningList: [] },
    requestedCommand: command,
    responseEntity: { headers: {}, body, statusCode: 'OK', statusCodeValue: 200 },
  });
}
function apiError(
  command: string,
  errorCode: string,
  errorMessage: string,
  statusCode = 400,
): Reply {
  return json({
    statusCode,
    requestSuccessful: false,
    executionTime: 0,
    apiErrors: { errorCount: 1, apiErrorList: [{ errorCode, errorMessage }] },
    apiWarnings: { warningCount: 0, apiWarningList: [] },
    requestedCommand: command,
    responseEntity: null,
  });
}

export function createCwgHandler(
  ctx: HandlerContext,
  opts: CwgSimOptions,
): ProviderHandler & CwgControl {
  const tokens = new Map<string, number>(); // token -> expiry (ms, simulator clock)
  let tokenRequests = 0;
  const c = ctx.credentials;
  const networkOf = (vendCode: string) =>
    (Object.keys(CWG_CODES) as NgPlan['network'][]).find(
      (n) => CWG_CODES[n].airtime === vendCode || CWG_CODES[n].data === vendCode,
    );

  function issueToken(req: SimRequest): Reply {
    tokenRequests += 1;
    const basic = basicCredentials(req.headers.authorization);
    if (!basic || basic[0] !== c.clientId || basic[1] !== c.clientSecret)
      return json({ error: 'invalid_client', error_description: 'Bad client credentials' }, 401);
    if (!req.rawBody.includes('client_credentials'))
      return json({ error: 'unsupported_grant_type' }, 400);
    const token = randomUUID();
    tokens.set(token, ctx.now().getTime() + opts.tokenTtlSec * 1000);
    return json({
      access_token: token,
      token_type: 'bearer',
      expires_in: opts.tokenTtlSec,
      scope: 'AGENT',
    });
  }

  const vendBody = (sale: Sale) => ({
    transactionReference: sale.reference,
    transactionStatus: STATUS_WORD[sale.state],
    cwgReference: sale.providerRef,
    operatorReference: sale.operatorRef,
    amountPaid: minorToMajorNumber(sale.amountMinor),
    message: `Vend ${STATUS_WORD[sale.state].toLowerCase()}`,
  });

  function vend(req: SimRequest): Reply {
    const b = obj(req.json);
    const ref = str(b.transactionReference) ?? '';
    const vendingCode = str(b.vendingCode) ?? '';
    const subCode = str(b.subCode);
    const amountPaid = b.amountPaid;
    const phone = str(b.customerUserId) ?? '';
    if (
      !/^[0-9A-Za-z]{1,40}$/.test(ref) ||
      !phone ||
      typeof amountPaid !== 'number' ||
      !Number.isInteger(amountPaid) ||
      amountPaid <= 0
    ) {
      return apiError(
        '/vend',
        'INVALID_REQUEST',
        'transactionReference, customerUserId and whole-naira amountPaid are required',
      );
    }
    const network = networkOf(vendingCode);
    if (!network)
      return apiError('/vend', 'INVALID_VEND_CODE', `Unknown vending code ${vendingCode}`);
    const isData = CWG_CODES[network].data === vendingCode;
    const preset = isData
      ? CWG_SUBSCRIPTIONS[network].presets.find((p) => p.subCode === subCode)
      : undefined;
    if (isData && !preset)
      return apiError('/vend', 'INVALID_SUB_CODE', `Unknown sub code ${subCode ?? ''}`);
    if (preset && preset.amount !== amountPaid)
      return apiError('/vend', 'INVALID_AMOUNT', `amountPaid must be ${preset.amount}`);
    if (opts.hashRecipe !== 'off') {
      const fields = {
        transactionReference: ref,
        amountPaid,
        customerUserId: phone,
        transactionDate: str(b.transactionDate) ?? '',
        vendingCode,
        subCode,
      };
      if (
        str(b.transactionHash)?.toLowerCase() !==
        computeCwgHash(opts.hashRecipe, fields, c.clientSecret ?? '')
      ) {
        return apiError('/vend', 'INVALID_HASH', 'transactionHash does not match');
      }
    }
    const d = ctx.book.purchase({
      provider: 'cwg',
      reference: ref,
      phone,
      network,
      service: isData ? 'data' : 'airtime',
      planCode: isData ? `${vendingCode}:${subCode}` : vendingCode,
      amountMinor: amountPaid * 100,
    });
    if (d.kind === 'duplicate')
      return apiError('/vend', 'DUPLICATE_REFERENCE', 'Transaction reference already exists', 409);
    if (d.kind === 'not-processed')
      return apiError('/vend', 'VEND_NOT_PROCESSED', 'Vend not processed, please try again');
    if (d.kind === 'reset') return { kind: 'reset' };
    const garbled = GARBLED[d.transport];
    if (garbled) return garbled;
    const reply = envelope('/vend', vendBody(d.sale));
    return d.transport === 'timeout' ? { kind: 'hold', then: reply } : reply;
  }

  function subscription(): Reply {
    const services = (Object.keys(CWG_CODES) as NgPlan['network'][]).flatMap((network) => {
      const presets = CWG_SUBSCRIPTIONS[network].presets;
      return [
        {
          name: `${network} Etop up`,
          vendCode: CWG_CODES[network].airtime,
          usesPreset: false,
          presetAmountList: [],
          presetCount: 0,
        },
        {
          name: null,
          vendCode: CWG_CODES[network].data,
          usesPreset: true,
          presetAmountList: presets,
          presetCount: presets.length,
        },
      ];
    });
    return envelope('/vend/query/subscription', {
      serviceCount: services.length,
      subscribedServices: services,
    });
  }

  return {
    revokeTokens: () => tokens.clear(),
    tokenRequests: () => tokenRequests,
    handle(req) {
      const p = ctx.paths;
      if (req.method === 'POST' && (req.path === p.token || req.path === p.tokenAlt))
        return issueToken(req);
      const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const expiry = tokens.get(bearer);
      if (expiry === undefined || expiry <= ctx.now().getTime())
        return json(
          { error: 'invalid_token', error_description: 'Access token expired or invalid' },
          401,
        );
      if (req.method === 'GET' && (req.path === p.catalogue || req.path === p.catalogueAlt))
        return subscription();
      if (req.method === 'POST' && req.path === p.vend) return vend(req);
      if (req.method === 'GET' && req.path === p.status) {
        const sale = ctx.book.get('cwg', req.query.transactionReference ?? '');
        return sale
          ? envelope('/vend/query/transaction', vendBody(sale))
          : apiError(
              '/vend/query/transaction',
              'TRANSACTION_NOT_FOUND',
              'No such transaction',
              404,
            );
      }
      if (req.method === 'GET' && req.path === p.balance)
        return envelope('/vend/query/balance', {
          balance: minorToMajorNumber(ctx.book.balance('cwg')),
          currency: 'NGN',
        });
      return json({ error: 'not_found', path: req.path }, 404);
    },
    callbackFor(sale) {
      return {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        // INFERRED (webhook is a GAP): see lib/providers/cwg/callback.ts.
        body: JSON.stringify({
          transactionReference: sale.reference,
          status: STATUS_WORD[sale.state],
          cwgReference: sale.providerRef,
        }),
        attempts: 3,
        isAcked: (status) => is2xx(status),
      };
    },
  };
}
