// The coupon editor's rules, shared by its form (checked in the browser before sending) and the server
// actions (checked again, plus what only the database knows: a code in use, the course, the used count).
// Pure: no server imports. Issue messages are keys of `AdminCoupons.errors`. Times are entered and shown in
// China time (UTC+8, no daylight saving), whatever the browser's or the server's zone.
import { z } from "zod";
/** As db/schema/commerce.ts (not imported: this file reaches the browser). */
const couponKinds = ["fixed", "percent"] as const;

export type CouponField = "code" | "kind" | "value" | "courseId" | "maxUses" | "startsAt" | "endsAt";
export type CouponFieldError =
  | "code_format"
  | "code_taken"
  | "kind_required"
  | "percent_range"
  | "fixed_invalid"
  | "course_invalid"
  | "course_not_found"
  | "max_uses_invalid"
  | "max_below_used"
  | "time_invalid"
  | "window_order";
export type CouponFormError = "invalid_input" | "not_found" | "unavailable";

export const COUPON_CODE_PATTERN = /^[A-Z0-9_-]{2,32}$/;
const CHINA_OFFSET_MS = 8 * 3600_000;

/** "2026-11-21T18:30" (a datetime-local value) read as China time; null when it is not one. */
export function parseChinaDateTime(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return new Date(utc - CHINA_OFFSET_MS);
}

/** A Date as a datetime-local value in China time. */
export const chinaDateTimeValue = (d: Date): string => new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16);

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export const couponInput = z
  .object({
    // Checked in the transform below with the rest, so one submission names every mistake at once.
    code: z.string({ error: "code_format" }).trim().toUpperCase(),
    kind: z.enum(couponKinds, { error: "kind_required" satisfies CouponFieldError }),
    /** Percent (1-100) for `percent`; yuan with at most two decimals for `fixed`. */
    value: z.string({ error: "fixed_invalid" }).trim(),
    courseId: optionalText,
    maxUses: optionalText,
    startsAt: z.string({ error: "time_invalid" }),
    endsAt: z.string({ error: "time_invalid" }),
    disabled: z
      .union([z.boolean(), z.string()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
    appliesToPlans: z
      .union([z.boolean(), z.string()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
  })
  .transform((raw, ctx) => {
    const issue = (path: CouponField, message: CouponFieldError) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!COUPON_CODE_PATTERN.test(raw.code)) issue("code", "code_format");
    let value = 0;
    if (raw.kind === "percent") {
      value = /^\d{1,3}$/.test(raw.value) ? Number(raw.value) : Number.NaN;
      if (!(value >= 1 && value <= 100)) issue("value", "percent_range");
    } else {
      value = /^\d{1,7}(\.\d{1,2})?$/.test(raw.value) ? Math.round(Number(raw.value) * 100) : 0;
      if (value <= 0) issue("value", "fixed_invalid");
    }
    let courseId: number | null = null;
    if (raw.courseId !== undefined) {
      courseId = /^[1-9]\d{0,15}$/.test(raw.courseId) ? Number(raw.courseId) : null;
      if (courseId === null) issue("courseId", "course_invalid");
    }
    let maxUses: number | null = null;
    if (raw.maxUses !== undefined) {
      maxUses = /^\d{1,9}$/.test(raw.maxUses) ? Number(raw.maxUses) : null;
      if (maxUses === null || maxUses < 1) issue("maxUses", "max_uses_invalid");
    }
    const startsAt = parseChinaDateTime(raw.startsAt);
    const endsAt = parseChinaDateTime(raw.endsAt);
    if (!startsAt) issue("startsAt", "time_invalid");
    if (!endsAt) issue("endsAt", "time_invalid");
    if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) issue("endsAt", "window_order");
    return { code: raw.code, kind: raw.kind, value, courseId, maxUses, startsAt: startsAt ?? new Date(0), endsAt: endsAt ?? new Date(0), disabled: raw.disabled, appliesToPlans: raw.appliesToPlans && courseId === null };
  });
export type CouponInput = z.output<typeof couponInput>;

export type CouponFieldErrors = Partial<Record<CouponField, CouponFieldError>>;

/** The first issue of each field, as message keys. */
export function couponFieldErrors(error: z.ZodError): CouponFieldErrors {
  const out: CouponFieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "") as CouponField;
    if (field && !(field in out)) out[field] = issue.message as CouponFieldError;
  }
  return out;
}

export type CouponFormValues = Partial<Record<CouponField | "disabled" | "appliesToPlans", string>>;

/** What the coupon form keeps between submissions (useActionState). */
export interface CouponFormState {
  fieldErrors: CouponFieldErrors;
  error: CouponFormError | null;
  values: CouponFormValues;
  done: boolean;
}

export const initialCouponFormState = (values: CouponFormValues = {}): CouponFormState => ({ fieldErrors: {}, error: null, values, done: false });
