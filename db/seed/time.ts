// Time arithmetic for the seed. Offsets are rounded to whole seconds so the stored timestamps look natural.

export const DAY = 86_400_000;

/** `days` (may be fractional) before `now`. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - Math.round(days * 86_400) * 1000);
}

export function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
