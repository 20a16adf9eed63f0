// zod shapes for RechargeKit v2 (docs/providers/rechargekit.md#answers). Keys are lower-cased first so v1's UPPERCASE replies
// ({"ERROR":0,"STATUS":1,"ORDERID":…,"MESSAGE":…}) read the same way.
import { z } from 'zod';

const lowerKeys = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [k.toLowerCase(), x]),
      )
    : v;

const num = z.union([z.number(), z.string().regex(/^-?\d+$/)]).transform(Number);
const text = z.union([z.string(), z.number()]).transform(String);

export const rkReply = z.preprocess(
  lowerKeys,
  z.looseObject({
    error: num,
    msg: z.string().optional(),
    message: z.string().optional(), // v1 spelling
    status: num.optional(),
    orderid: text.optional(),
    optransid: text.optional(),
    partnerreqid: text.optional(),
  }),
);
export type RkReply = z.infer<typeof rkReply>;

export const rkBalance = z.preprocess(
  lowerKeys,
  z.looseObject({ error: num, wallet_amount: z.union([z.string(), z.number()]) }),
);

// planData CONFIRMED; plan item fields are a GAP (INFERRED from the internal API: amount, validity, description…).
export const rkPlanFetch = z.looseObject({
  error: num,
  planData: z.looseObject({ circle_id: text.optional(), plan: z.array(z.unknown()) }),
});
export const rkPlan = z.looseObject({
  plan_id: text.optional(),
  _id: text.optional(),
  amount: z.union([z.number(), z.string()]),
  validity: z.string().optional(),
  data: z.string().optional(),
  description: z.string().optional(),
  is_valid: z.boolean().optional(),
});

// {status 1|3, orderid, opttranid (sic), pid = partner_request_id, commission}; `msg` is INFERRED (simulator).
export const rkCallback = z.preprocess(
  lowerKeys,
  z.looseObject({
    status: num,
    pid: z.string().min(1),
    orderid: text.optional(),
    opttranid: text.optional(),
    msg: z.string().optional(),
  }),
);
