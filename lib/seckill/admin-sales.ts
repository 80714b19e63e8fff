"use server";
// Server actions of /admin/seckill: create and edit flash sales. Validation errors come back as message keys
// for the form; anything unexpected is logged and answered as "unavailable".
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { logger } from "@/lib/log";
import { adminAction } from "@/lib/rbac/guard";
import { fieldErrors } from "@/lib/http/api";
import { saleInput, type SaleFormState } from "./admin-schema";
import { createSale, updateSale } from "./admin-writes";

const log = logger.child({ component: "seckill-admin-actions" });

const fromForm = (form: FormData): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && v !== "") out[k] = v;
  return out;
};

/** Form fields: id (edit only), courseId, price (yuan), seats, startsAt and endsAt (datetime-local in timeZone), timeZone, status. */
export const saveSeckillSale = adminAction(
  "seckill.save",
  { category: "marketing", zh: "创建和编辑秒杀活动", en: "Create and edit flash sales", roles: ["marketing_admin"] },
  async (admin, _previous: SaleFormState, form: FormData): Promise<SaleFormState> => {
    const parsed = saleInput.safeParse(fromForm(form));
    if (!parsed.success) return { ok: false, error: "invalid_input", fields: fieldErrors(parsed.error) };
    let createdId: number | null = null;
    try {
      if (parsed.data.id === undefined) {
        const created = await createSale(admin, parsed.data);
        if (!created.ok) return created;
        createdId = created.id;
      } else {
        const outcome = await updateSale(admin, parsed.data.id, parsed.data);
        revalidatePath("/admin/seckill");
        revalidatePath(`/admin/seckill/${parsed.data.id}`);
        return outcome;
      }
    } catch (error) {
      log.error({ err: error, actorId: admin.userId }, "saving a flash sale failed");
      return { ok: false, error: "unavailable" };
    }
    revalidatePath("/admin/seckill");
    redirect(`/admin/seckill/${createdId}?created=1`);
  },
);
