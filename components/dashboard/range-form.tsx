// The dashboard's date range: a plain GET form, so the range lives in the URL and works without JavaScript.
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import type { DateRange } from "@/lib/dashboard/range";
import { MAX_DAYS } from "@/lib/dashboard/range";
import styles from "./dashboard.module.css";

export async function RangeForm({ range }: { range: DateRange }) {
  const t = await getTranslations("Dashboard");
  return (
    <form className={styles.range} method="get" aria-label={t("rangeLabel")} data-testid="dashboard-range">
      <label className={styles.field}>
        {t("from")}
        <input type="date" name="from" defaultValue={range.from} required />
      </label>
      <label className={styles.field}>
        {t("to")}
        <input type="date" name="to" defaultValue={range.to} required />
      </label>
      <Button type="submit" variant="secondary">
        {t("apply")}
      </Button>
      {range.corrected ? (
        <p className={styles.warning} role="status">
          {t("rangeCorrected", { max: MAX_DAYS })}
        </p>
      ) : null}
    </form>
  );
}
