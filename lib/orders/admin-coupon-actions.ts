"use server";
// Server actions of the coupon editor (/admin/coupons): create, edit, disable or re-enable. Each validates
// with the schema the form uses (admin-coupon-rules.ts) and leaves the database checks, the transaction and
// its audit row to admin-coupons.ts. Signatures fit useActionState: (previous state, form data) -> state;
// create redirects to the new coupon when it succeeds.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { logger } from "@/lib/log";
import { adminAction } from "@/lib/rbac/guard";
import { couponFieldErrors, couponInput, type CouponFormState, type CouponFormValues } from "./admin-coupon-rules";
import { saveCoupon, setCouponDisabled } from "./admin-coupons";

const log = logger.child({ component: "admin-coupon-actions" });

const FIELDS = ["code", "kind", "value", "courseId", "maxUses", "startsAt", "endsAt", "disabled", "appliesToPlans"] as const;

function valuesOf(data: FormData): CouponFormValues {
  const out: CouponFormValues = {};
  for (const k of FIELDS) {
    const v = data.get(k);
    if (typeof v === "string") out[k] = v.slice(0, 64);
  }
  return out;
}

const idOf = (data: FormData): number | null => {
  const raw = data.get("id");
  return typeof raw === "string" && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
};

function refresh(id?: number) {
  revalidatePath("/admin/coupons");
  if (id) revalidatePath(`/admin/coupons/${id}`);
}

async function save(admin: Parameters<typeof saveCoupon>[0], data: FormData, id?: number): Promise<CouponFormState & { id?: number }> {
  const values = valuesOf(data);
  const parsed = couponInput.safeParse(values);
  if (!parsed.success) return { fieldErrors: couponFieldErrors(parsed.error), error: null, values, done: false };
  try {
    const result = await saveCoupon(admin, parsed.data, id);
    if (!result.ok) return "error" in result ? { fieldErrors: {}, error: result.error, values, done: false } : { fieldErrors: result.fieldErrors, error: null, values, done: false };
    refresh(result.id);
    return { fieldErrors: {}, error: null, values: { ...values, code: parsed.data.code }, done: true, id: result.id };
  } catch (error) {
    log.error({ err: error, code: parsed.data.code, couponId: id }, "saving a coupon failed");
    return { fieldErrors: {}, error: "unavailable", values, done: false };
  }
}

export const createCouponAction = adminAction(
  "coupons.create",
  { category: "marketing", zh: "新建优惠券", en: "Create coupons", roles: ["marketing_admin"] },
  async (admin, _previous: CouponFormState, data: FormData): Promise<CouponFormState> => {
    const { id, ...state } = await save(admin, data);
    if (id) redirect(`/admin/coupons/${id}?created=1`);
    return state;
  },
);

export const updateCouponAction = adminAction(
  "coupons.update",
  { category: "marketing", zh: "编辑优惠券", en: "Edit coupons", roles: ["marketing_admin"] },
  async (admin, _previous: CouponFormState, data: FormData): Promise<CouponFormState> => {
    const id = idOf(data);
    if (id === null) return { fieldErrors: {}, error: "not_found", values: valuesOf(data), done: false };
    const { id: _saved, ...state } = await save(admin, data, id);
    return state;
  },
);

export type CouponToggleState = { ok: null } | { ok: true; disabled: boolean } | { ok: false; error: "not_found" | "invalid_input" | "unavailable" };

/** Form fields `id` and `disabled` ("true" or "false"). */
export const setCouponDisabledAction = adminAction(
  "coupons.setDisabled",
  { category: "marketing", zh: "停用或启用优惠券", en: "Disable or enable coupons", roles: ["marketing_admin"] },
  async (admin, _previous: CouponToggleState, data: FormData): Promise<CouponToggleState> => {
    const id = idOf(data);
    const disabled = data.get("disabled");
    if (id === null || (disabled !== "true" && disabled !== "false")) return { ok: false, error: "invalid_input" };
    try {
      const result = await setCouponDisabled(admin, id, disabled === "true");
      if (!result.ok) return result;
      refresh(id);
      return { ok: true, disabled: disabled === "true" };
    } catch (error) {
      log.error({ err: error, couponId: id }, "disabling a coupon failed");
      return { ok: false, error: "unavailable" };
    }
  },
);
