"use server";
// Server action of /admin/memberships: a marketing admin edits a plan's names, price, monthly points and
// whether it is on sale. Validated with the plan schema, saved with its audit row in one transaction
// (plans.ts). A price change applies to orders placed from now on; an unpaid order keeps its price.
import { revalidatePath } from "next/cache";
import { logger } from "@/lib/log";
import { adminAction } from "@/lib/rbac/guard";
import { planInput, savePlan } from "./plans";

const log = logger.child({ component: "membership-admin" });

export interface PlanFormState {
  ok: boolean | null;
  /** Field name → message key (under AdminMemberships.errors). */
  errors: Record<string, string>;
  error?: "not_found" | "unavailable";
}

export const updatePlanAction = adminAction(
  "membershipPlans.update",
  { category: "marketing", zh: "编辑会员套餐", en: "Edit membership plans", roles: ["marketing_admin"] },
  async (admin, _previous: PlanFormState, data: FormData): Promise<PlanFormState> => {
    const rawId = data.get("id");
    const id = typeof rawId === "string" && /^[1-9]\d{0,15}$/.test(rawId) ? Number(rawId) : null;
    if (id === null) return { ok: false, errors: {}, error: "not_found" };
    const text = (name: string) => {
      const v = data.get(name);
      return typeof v === "string" ? v.slice(0, 200) : undefined;
    };
    const parsed = planInput.safeParse({ nameZh: text("nameZh"), nameEn: text("nameEn"), price: text("price"), monthlyPoints: text("monthlyPoints"), active: data.get("active") === "on" ? "on" : "off" });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      return { ok: false, errors };
    }
    try {
      if (!(await savePlan(admin, id, parsed.data))) return { ok: false, errors: {}, error: "not_found" };
    } catch (error) {
      log.error({ err: error, planId: id }, "saving a membership plan failed");
      return { ok: false, errors: {}, error: "unavailable" };
    }
    revalidatePath("/admin/memberships");
    revalidatePath("/membership");
    return { ok: true, errors: {} };
  },
);
