// A teacher's photo, or their initial on a tinted disc when they have none (the demo data has no photos).
// Decorative: the name is always written beside it.
import styles from "./teacher.module.css";

export function TeacherAvatar({ name, avatarUrl, size = "md" }: { name: string; avatarUrl: string | null; size?: "md" | "lg" }) {
  const testId = size === "lg" ? "teacher-avatar" : undefined;
  const className = size === "lg" ? `${styles.avatar} ${styles.avatarLarge}` : styles.avatar;
  if (avatarUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- uploads may live on any https CDN (S3_PUBLIC_URL), outside next/image's configured hosts
    return <img src={avatarUrl} alt="" className={className} width={size === "lg" ? 112 : 56} height={size === "lg" ? 112 : 56} data-testid={testId} />;
  }
  return (
    <span className={className} aria-hidden="true" data-testid={testId}>
      {Array.from(name.trim())[0] ?? "?"}
    </span>
  );
}
