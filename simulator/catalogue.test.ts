import { describe, expect, it } from 'vitest';
import { CWG_CODES, CWG_SUBSCRIPTIONS, NG_PLANS } from './catalogue';

describe('simulator catalogue', () => {
  it("serves CWG's whole subscription list from the seed document", () => {
    expect(CWG_CODES.MTN).toEqual({ airtime: 'M301', data: 'M302' });
    expect(CWG_CODES['9MOBILE']).toEqual({ airtime: 'N901', data: 'N902' });
    const counts = Object.fromEntries(
      Object.entries(CWG_SUBSCRIPTIONS).map(([n, s]) => [n, s.presets.length]),
    );
    expect(counts).toEqual({ MTN: 10, GLO: 16, AIRTEL: 17, '9MOBILE': 13 });
    expect(CWG_SUBSCRIPTIONS.MTN.presets.find((p) => p.subCode === '22GB')).toEqual({
      subCode: '22GB',
      description: '₦10,000 - 22GB (valid for 30 days)',
      amount: 10_000,
    });
  });

  it('sells the shared bundles at the same price on CWG as on JoNet and VTpass, so they merge', () => {
    for (const plan of NG_PLANS.filter((p) => p.cwg)) {
      const preset = CWG_SUBSCRIPTIONS[plan.network].presets.find(
        (p) => p.subCode === plan.cwg?.subCode,
      );
      expect(preset?.amount, `${plan.network} ${plan.cwg?.subCode}`).toBe(plan.priceNaira);
    }
  });
});
