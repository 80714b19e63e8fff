// Exact conversions between our integer fen and the providers' wire formats (Alipay's "88.88" yuan strings,
// UnionPay's yyyyMMddHHmmss China time), without floating point.

/** 8888 → "88.88". */
export function fenToYuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`amount must be a non-negative integer of fen, got ${fen}`);
  const s = String(fen).padStart(3, "0");
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** "88.88" / "88.8" / "88" → 8888; null for anything else. */
export function yuanToFen(yuan: string): number | null {
  const m = /^(0|[1-9]\d{0,11})(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** A non-negative integer written in decimal (UnionPay txnAmt, WeChat totals are JSON numbers). */
export function parseFen(text: string): number | null {
  return /^(0|[1-9]\d{0,14})$/.test(text) ? Number(text) : null;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/** yyyyMMddHHmmss in China time (UTC+8, no daylight saving). */
export function chinaCompact(date: Date): string {
  return new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace(/\D/g, "");
}

/** "yyyy-MM-dd HH:mm:ss" in China time (Alipay timestamps). */
export function chinaDateTime(date: Date): string {
  return new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** Parses yyyyMMddHHmmss or "yyyy-MM-dd HH:mm:ss" China time; undefined when malformed. */
export function parseChinaTime(text: string | undefined): Date | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})[ T]?(\d{2}):?(\d{2}):?(\d{2})$/.exec(text?.trim() ?? "");
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const t = Date.UTC(y, mo - 1, d, h, mi, s) - CHINA_OFFSET_MS;
  return Number.isNaN(t) ? undefined : new Date(t);
}
