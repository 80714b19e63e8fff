import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminPageHeader } from "@/components/admin/page-header";
import { SaleForm } from "@/components/seckill/sale-form";
import { adminPage } from "@/lib/rbac/guard";
import { courseChoices } from "@/lib/seckill/admin-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminSeckill"))("newTitle") };
}

export default adminPage("/admin/seckill/new", { category: "marketing", zh: "新建秒杀活动", en: "New flash sale", roles: ["marketing_admin"] }, async function NewSeckillPage() {
  const t = await getTranslations("AdminSeckill");
  return (
    <>
      <AdminPageHeader title={t("newTitle")} subtitle={t("newSubtitle")} />
      <SaleForm sale={null} courses={await courseChoices()} />
    </>
  );
});
