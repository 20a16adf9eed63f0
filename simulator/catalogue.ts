// The simulator's product data. The same bundle is sold by several providers under different names and codes
// (e.g. MTN 1GB / 30 days / ₦1,000 from JoNet, VTpass and CWG) so the portal's catalogue can merge them.
import cwgFixture from './fixtures/cwg-subscriptions.json';
import circlesFixture from './fixtures/rk-circles.json';

export interface NgPlan {
  network: 'MTN' | 'GLO' | 'AIRTEL' | '9MOBILE';
  priceNaira: number;
  jonet?: { code: string; name: string };
  vtpass?: { code: string; name: string };
  /** The CWG sub code that sells the same bundle (its preset comes from the subscription list). */
  cwg?: { subCode: string };
}

export const NG_PLANS: NgPlan[] = [
  {
    network: 'MTN',
    priceNaira: 100,
    jonet: { code: 'MTN-100MB-1D', name: 'MTN 100MB - 1 day' },
    vtpass: { code: 'mtn-100mb-100', name: 'N100 100MB - 24 hrs' },
  },
  {
    network: 'MTN',
    priceNaira: 1000,
    jonet: { code: 'MTN-1GB-30D', name: 'MTN 1GB - 30 days' },
    vtpass: { code: 'mtn-1gb-1000', name: 'N1000 1GB - 30 Days' },
    cwg: { subCode: '1GB' },
  },
  {
    network: 'MTN',
    priceNaira: 2000,
    vtpass: { code: 'mtn-3500mb-2000', name: 'N2000 3.5GB - 30 Days' },
    cwg: { subCode: '3.5GB' },
  },
  {
    network: 'MTN',
    priceNaira: 5000,
    jonet: { code: 'MTN-10GB-30D', name: 'MTN 10GB - 30 days' },
    cwg: { subCode: '10GB' },
  },
  {
    network: 'GLO',
    priceNaira: 1000,
    jonet: { code: 'GLO-1.6GB-30D', name: 'GLO 1.6GB - 30 days' },
    vtpass: { code: 'glo-1600mb-1000', name: 'Glo Data N1000 - 1.6GB - 30 days' },
    cwg: { subCode: '1.6GB' },
  },
  {
    network: 'GLO',
    priceNaira: 2500,
    jonet: { code: 'GLO-5GB-30D', name: 'GLO 5GB - 30 days' },
    cwg: { subCode: '5GB' },
  },
  {
    network: 'AIRTEL',
    priceNaira: 1000,
    jonet: { code: 'AIRTEL-1.5GB-30D', name: 'AIRTEL 1.5GB - 30 days' },
    vtpass: { code: 'airt-1000', name: 'Airtel Data Bundle - 1,000 Naira - 1.5GB - 30 Days' },
    cwg: { subCode: '1.5GB' },
  },
  {
    network: '9MOBILE',
    priceNaira: 1000,
    jonet: { code: '9MOBILE-1GB-30D', name: '9MOBILE 1GB - 30 days' },
    vtpass: { code: 'eti-1000', name: '9mobile Data - 1000 Naira - 1GB - 30 Days' },
    cwg: { subCode: '1GB' },
  },
  // VTpass's own 9mobile variations, as its 9mobile data page lists them.
  {
    network: '9MOBILE',
    priceNaira: 100,
    vtpass: { code: 'eti-100', name: '9mobile Data Bundle - 100 Naira - 40MB - 1Day' },
  },
  {
    network: '9MOBILE',
    priceNaira: 200,
    vtpass: { code: 'eti-200', name: '9mobile Data Bundle - 200 Naira - 7Day' },
  },
];

export interface CwgPreset {
  subCode: string;
  description: string;
  amount: number; // whole naira
}

/**
 * CWG's "Agent Subscription List" from its API reference, verbatim: the vend codes of the table
 * (M301/M302, G501/G502, A201/A202, N901/N902) and every data sub code with its price.
 */
export const CWG_SUBSCRIPTIONS = cwgFixture.networks as Record<
  NgPlan['network'],
  { airtime: string; data: string; presets: CwgPreset[] }
>;

export const CWG_CODES: Record<NgPlan['network'], { airtime: string; data: string }> =
  Object.fromEntries(
    Object.entries(CWG_SUBSCRIPTIONS).map(([network, s]) => [
      network,
      { airtime: s.airtime, data: s.data },
    ]),
  ) as Record<NgPlan['network'], { airtime: string; data: string }>;

export const VTPASS_DATA_SERVICES: Record<string, NgPlan['network']> = {
  'mtn-data': 'MTN',
  'glo-data': 'GLO',
  'airtel-data': 'AIRTEL',
  'etisalat-data': '9MOBILE',
};
export const VTPASS_AIRTIME_SERVICES = ['mtn', 'glo', 'airtel', 'etisalat'];

export const RK_CIRCLES: { code: number; name: string }[] = circlesFixture.circles;

// RechargeKit operator codes (kavki fastfx client; docs/providers/rechargekit.md#operators). Plans are whole-rupee recharges; `data` is the total allowance.
export const RK_OPERATORS: Record<number, string> = {
  1: 'AIRTEL',
  103: 'JIO',
  1167: 'VI',
  9: 'BSNL',
};
const RK_BASE_PLANS: Record<
  number,
  { amount: number; data: string; validity: string; description: string }[]
> = {
  1: [
    {
      amount: 155,
      data: '1GB',
      validity: '24 days',
      description: 'Airtel 1GB, unlimited calls, 24 days',
    },
    {
      amount: 299,
      data: '42GB',
      validity: '28 days',
      description: 'Airtel 1.5GB/day (42GB), unlimited calls, 28 days',
    },
  ],
  103: [
    { amount: 149, data: '20GB', validity: '20 days', description: 'Jio 1GB/day (20GB), 20 days' },
    { amount: 209, data: '28GB', validity: '28 days', description: 'Jio 1GB/day (28GB), 28 days' },
  ],
  1167: [
    {
      amount: 179,
      data: '2GB',
      validity: '28 days',
      description: 'Vi 2GB, unlimited calls, 28 days',
    },
  ],
  9: [{ amount: 107, data: '3GB', validity: '35 days', description: 'BSNL 3GB, 35 days' }],
};

export function rkPlans(operator: number, circle: number) {
  const base = RK_BASE_PLANS[operator] ?? [];
  // Circles differ a little: West Bengal (23) gets an extra small plan, as real circle catalogues differ.
  const extra =
    circle === 23
      ? [
          {
            amount: 99,
            data: '1GB',
            validity: '14 days',
            description: 'Circle special 1GB, 14 days',
          },
        ]
      : [];
  return [...base, ...extra].map((p) => ({
    plan_id: `rk-${operator}-${circle}-${p.amount}`,
    ...p,
    sms: '100/day',
    talktime: 'unlimited',
    is_valid: true,
  }));
}

export interface TvBouquet {
  code: string;
  name: string;
  priceNaira: number;
}

/**
 * TV bouquets per VTpass serviceID, a subset of the digest's lists (docs/providers/vtpass-bills.md#bouquets).
 * The first of each list is the bouquet a verified smartcard "has now" (its renewal amount is its price).
 */
export const VTPASS_TV_BOUQUETS: Record<string, { serviceName: string; bouquets: TvBouquet[] }> = {
  dstv: {
    serviceName: 'DSTV Subscription',
    bouquets: [
      { code: 'dstv79', name: 'DStv Compact N7900', priceNaira: 7900 },
      { code: 'dstv-padi', name: 'DStv Padi N1,850', priceNaira: 1850 },
      { code: 'dstv-yanga', name: 'DStv Yanga N2,565', priceNaira: 2565 },
      { code: 'dstv-confam', name: 'Dstv Confam N4,615', priceNaira: 4615 },
      { code: 'dstv7', name: 'DStv Compact Plus N12,400', priceNaira: 12400 },
      { code: 'dstv3', name: 'DStv Premium N18,400', priceNaira: 18400 },
    ],
  },
  gotv: {
    serviceName: 'Gotv Payment',
    bouquets: [
      { code: 'gotv-max', name: 'GOtv Max N3,600', priceNaira: 3600 },
      { code: 'gotv-lite', name: 'GOtv Lite N410', priceNaira: 410 },
      { code: 'gotv-jinja', name: 'GOtv Jinja N1,640', priceNaira: 1640 },
      { code: 'gotv-jolli', name: 'GOtv Jolli N2,460', priceNaira: 2460 },
      { code: 'gotv-supa-plus', name: 'GOtv Supa Plus N15,700', priceNaira: 15700 },
    ],
  },
  startimes: {
    serviceName: 'Startimes Subscription',
    bouquets: [
      { code: 'basic', name: 'Basic - 1700 Naira - 1 Month', priceNaira: 1700 },
      { code: 'nova', name: 'Nova - 900 Naira - 1 Month', priceNaira: 900 },
      { code: 'smart', name: 'Smart - 2200 Naira - 1 Month', priceNaira: 2200 },
      { code: 'classic', name: 'Classic - 2500 Naira - 1 Month', priceNaira: 2500 },
      { code: 'super', name: 'Super - 4200 Naira - 1 Month', priceNaira: 4200 },
      { code: 'ewallet', name: 'Startimes E-Wallet Topup', priceNaira: 0 },
    ],
  },
  showmax: {
    serviceName: 'ShowMax',
    bouquets: [
      { code: 'full_3', name: 'Full - N8,400 - 3 Months', priceNaira: 8400 },
      { code: 'mobile_only_3', name: 'Mobile Only - N3,800 - 3 Months', priceNaira: 3800 },
      { code: 'sports-only-1', name: 'Sports Only - N3,200 - 1 Month', priceNaira: 3200 },
    ],
  },
};
