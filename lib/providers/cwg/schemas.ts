// zod shapes for CWG VMS. Envelope and subscription list CONFIRMED (docs/providers/cwg.md#catalogue); vend/status/balance
// bodies and errors are a GAP, so their shapes here are INFERRED and parsed leniently.
import { z } from 'zod';

// the doc sample wraps the envelope in a one-element array; the real API is INFERRED to return it bare.
const unwrapArray = (v: unknown) => (Array.isArray(v) && v.length === 1 ? v[0] : v);

export const cwgToken = z.preprocess(
  unwrapArray,
  z.looseObject({
    access_token: z.string().min(1),
    token_type: z.string().optional(),
    expires_in: z.coerce.number(),
  }),
);

export const cwgApiError = z.looseObject({
  errorCode: z.union([z.string(), z.number()]).transform(String).optional(),
  code: z.union([z.string(), z.number()]).transform(String).optional(),
  errorMessage: z.string().optional(),
  message: z.string().optional(),
});

export const cwgEnvelope = z.preprocess(
  unwrapArray,
  z.looseObject({
    statusCode: z.union([z.number(), z.string()]).optional(),
    requestSuccessful: z.boolean(),
    apiErrors: z
      .looseObject({
        errorCount: z.number().optional(),
        apiErrorList: z.array(cwgApiError).optional(),
      })
      .nullish(),
    responseEntity: z.looseObject({ body: z.unknown() }).nullish(),
  }),
);
export type CwgEnvelope = z.infer<typeof cwgEnvelope>;

// INFERRED vend/status body ("a body carrying the transaction status and a CWG reference").
export const cwgVendBody = z.looseObject({
  transactionReference: z.string().optional(),
  transactionStatus: z.string().optional(),
  cwgReference: z.union([z.string(), z.number()]).transform(String).optional(),
  operatorReference: z.string().optional(),
  message: z.string().optional(),
});

export const cwgPreset = z.looseObject({
  subCode: z.string().min(1),
  description: z.string().nullish(),
  amount: z.union([z.number(), z.string()]),
});
export const cwgService = z.looseObject({
  name: z.string().nullish(),
  vendCode: z.string().min(1),
  usesPreset: z.boolean().optional(),
  presetAmountList: z.array(z.unknown()).nullish(),
});
export const cwgSubscriptionBody = z.looseObject({ subscribedServices: z.array(z.unknown()) });

// INFERRED (balance is a GAP): { balance } in the usual envelope body.
export const cwgBalanceBody = z.looseObject({ balance: z.union([z.number(), z.string()]) });

// INFERRED callback shape (webhook is a GAP); see cwg/callback.ts.
export const cwgCallback = z.looseObject({
  transactionReference: z.string().min(1),
  status: z.string().min(1),
});
