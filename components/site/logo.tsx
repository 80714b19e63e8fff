import Link from "next/link";
import { useId } from "react";
import styles from "./logo.module.css";

/** The 学府 mark: a hall with columns under a roof, on the brand gradient. Decorative; the wordmark names it. */
export function LogoMark({ size = 32 }: { size?: number }) {
  const gradient = useId();
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={styles.mark}>
      <defs>
        <linearGradient id={gradient} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#4338ca" />
          <stop offset="1" stopColor="#0f766e" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill={`url(#${gradient})`} />
      <path d="M6 12.5 16 6.5l10 6" fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.5 14.5v7.5M16 14.5v7.5M21.5 14.5v7.5" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      <path d="M7 25.5h18" stroke="#5eead4" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}

/** Mark and wordmark, linking home. The link's accessible name is the wordmark, "学府 Xuefu". */
export function Logo({ compact = false }: { compact?: boolean }) {
  return (
    <Link href="/" className={compact ? `${styles.logo} ${styles.compact}` : styles.logo}>
      <LogoMark />
      <span className={styles.wordmark}>
        <span className={styles.zh} lang="zh-CN">
          学府
        </span>{" "}
        <span className={styles.en} lang="en">
          Xuefu
        </span>
      </span>
    </Link>
  );
}
