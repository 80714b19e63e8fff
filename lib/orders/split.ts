// Spreads an order's coupon discount over its items, so each item knows what it was really paid (what a
// refund of that item gives back). Integer fen only: the shares add up to the total exactly.

/**
 * Splits `discountFen` over items in proportion to their prices (largest remainder), never taking more from
 * an item than it costs. Returns what each item is paid, in input order.
 */
export function splitDiscount(pricesFen: readonly number[], discountFen: number): number[] {
  const subtotal = pricesFen.reduce((sum, p) => sum + p, 0);
  if (discountFen <= 0 || subtotal === 0) return [...pricesFen];
  const discount = Math.min(discountFen, subtotal);
  const exact = pricesFen.map((p) => (p * discount) / subtotal);
  const taken = exact.map(Math.floor);
  let rest = discount - taken.reduce((sum, t) => sum + t, 0);
  const order = exact.map((e, i) => ({ i, frac: e - Math.floor(e) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest === 0) break;
    if (taken[i]! < pricesFen[i]!) {
      taken[i]! += 1;
      rest -= 1;
    }
  }
  return pricesFen.map((p, i) => p - taken[i]!);
}
