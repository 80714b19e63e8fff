// "Follow" / "Following ✓" on a course or learning path page: a plain form posting to the follow action, so it
// works before hydration. Visitors are sent to sign in and back.
import { getTranslations } from "next-intl/server";
import { SubmitButton } from "@/components/account/submit-button";
import { followAction } from "@/lib/paths/actions";
import styles from "./paths.module.css";

export async function FollowButton({ type, id, following, back }: { type: "course" | "path"; id: number; following: boolean; back: string }) {
  const t = await getTranslations("Following.follow");
  return (
    <form action={followAction} className={styles.follow} data-testid={`follow-${type}`}>
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="follow" value={following ? "0" : "1"} />
      <input type="hidden" name="back" value={back} />
      <SubmitButton variant={following ? "secondary" : "primary"} size="sm" aria-pressed={following} title={t("followHint")}>
        {following ? t("unfollow") : t("follow")}
      </SubmitButton>
    </form>
  );
}
