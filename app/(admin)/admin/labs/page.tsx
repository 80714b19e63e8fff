import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import styles from "@/components/admin/admin-page.module.css";
import { AutoRefresh } from "@/components/admin/auto-refresh";
import { AdminPageHeader } from "@/components/admin/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { endLab } from "@/lib/labs/admin-actions";
import { liveLabs } from "@/lib/labs/admin-queries";
import { adminPage } from "@/lib/rbac/guard";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Labs.admin"))("liveTitle") };
}

export default adminPage("/admin/labs", { category: "courses", zh: "进行中的实验", en: "Live labs", roles: ["course_admin"] }, async function AdminLabsPage() {
  const t = await getTranslations("Labs.admin");
  const format = await getFormatter();
  const labs = await liveLabs();
  return (
    <>
      <AdminPageHeader title={t("liveTitle")} subtitle={t("liveHelp")} />
      <AutoRefresh seconds={5} />
      {labs.length === 0 ? (
        <EmptyState title={t("none")} />
      ) : (
        <table className={styles.table} data-testid="live-labs">
          <thead>
            <tr>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("lesson")}</th>
              <th scope="col">{t("since")}</th>
              <th scope="col">{t("account")}</th>
              <th scope="col">{t("cpu")}</th>
              <th scope="col">{t("memory")}</th>
              <th scope="col">{t("connected")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {labs.map((lab) => (
              <tr key={lab.token} data-testid="live-lab">
                <td>{lab.userName}</td>
                <td>{lab.lessonTitle}</td>
                <td>{format.dateTime(new Date(lab.startedAt), { dateStyle: "short", timeStyle: "medium" })}</td>
                <td>{lab.account}</td>
                <td>{lab.cpuSeconds === null ? "—" : lab.cpuSeconds.toFixed(1)}</td>
                <td>{lab.memoryBytes === null ? "—" : (lab.memoryBytes / 1048576).toFixed(1)}</td>
                <td>{lab.connected ? t("yes") : t("no")}</td>
                <td>
                  <form action={endLab}>
                    <input type="hidden" name="token" value={lab.token} />
                    <Button type="submit" size="sm" variant="ghost" data-testid="end-lab">
                      {t("end")}
                    </Button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
});
