/**
 * Our internal circle ids for India. RechargeKit's own circle table is a GAP (docs/providers/rechargekit.md#operators);
 * these are the codes the simulator fixture uses, mapped to the 22 licensed service areas.
 */
export const INDIA_CIRCLES: { code: string; name: string }[] = [
  ['1', 'Andhra Pradesh & Telangana'],
  ['2', 'Assam'],
  ['3', 'Bihar & Jharkhand'],
  ['4', 'Chennai (legacy)'],
  ['5', 'Delhi NCR'],
  ['6', 'Gujarat'],
  ['7', 'Haryana'],
  ['8', 'Himachal Pradesh'],
  ['9', 'Jammu & Kashmir'],
  ['10', 'Karnataka'],
  ['11', 'Kerala'],
  ['12', 'Kolkata'],
  ['13', 'Maharashtra & Goa'],
  ['14', 'Madhya Pradesh & Chhattisgarh'],
  ['15', 'Mumbai'],
  ['16', 'North East'],
  ['17', 'Odisha'],
  ['18', 'Punjab'],
  ['19', 'Rajasthan'],
  ['20', 'Tamil Nadu'],
  ['21', 'UP East'],
  ['22', 'UP West'],
  ['23', 'West Bengal & Sikkim'],
].map(([code, name]) => ({ code: code!, name: name! }));

export function circleName(code: string | null | undefined): string {
  return INDIA_CIRCLES.find((c) => c.code === code)?.name ?? '';
}

/**
 * Whether an Indian product may be sold to a number in this circle (one of ours): a plan is sold in
 * its own circle only, airtime (circle '' in the catalogue: one product for every circle) in any. The
 * sale carries the chosen circle to the provider, which needs it (RechargeKit's `circle`).
 */
export function servesCircle(productCircle: string | null, circle: string | undefined): boolean {
  if (!circle || !INDIA_CIRCLES.some((c) => c.code === circle)) return false;
  return !productCircle || productCircle === circle;
}
