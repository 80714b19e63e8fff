// A lab lesson as its learner sees it: the instructions beside the terminal. A visitor on a free preview is
// asked to sign in first (a lab is a shell on our machines, leased to a known account).
import { getTranslations } from "next-intl/server";
import detailStyles from "@/components/catalogue/course-detail.module.css";
import { env } from "@/lib/config/env";
import { sanitizeHtml } from "@/lib/content/sanitize";
import { LAB_END_REASONS } from "@/lib/labs/protocol";
import type { LabDefinition } from "@/lib/labs/store";
import { LabTerminal, type LabTerminalLabels } from "./lab-terminal";
import styles from "./lab.module.css";

export async function LabPanel({ definition, signedIn }: { definition: LabDefinition; signedIn: boolean }) {
  const t = await getTranslations("Labs");
  const labels: LabTerminalLabels = {
    terminal: t("terminal"),
    connecting: t("connecting"),
    connected: t("connected"),
    reconnecting: t("reconnecting"),
    check: t("check"),
    checking: t("checking"),
    checkPassed: t("checkPassed"),
    checkFailed: t("checkFailed"),
    ended: t("ended"),
    endReasons: Object.fromEntries(LAB_END_REASONS.map((reason) => [reason, t(`endReasons.${reason}`)])) as LabTerminalLabels["endReasons"],
    busy: t("busy"),
    replaced: t("replaced"),
    notEnrolled: t("notEnrolled"),
    unavailable: t("unavailable"),
    restart: t("restart"),
    keyboardHelp: t("keyboardHelp"),
  };
  return (
    <div className={styles.lab} data-testid="lab">
      <section className={styles.instructions} aria-labelledby="lab-instructions-heading">
        <h2 id="lab-instructions-heading" className={styles.instructionsTitle}>
          {definition.title}
        </h2>
        <div className={detailStyles.prose} data-testid="lab-instructions" dangerouslySetInnerHTML={{ __html: sanitizeHtml(definition.instructions) }} />
      </section>
      {signedIn ? <LabTerminal lessonId={definition.lessonId} realtimeUrl={env().REALTIME_PUBLIC_URL} labels={labels} /> : <p data-testid="lab-sign-in">{t("signIn")}</p>}
    </div>
  );
}
