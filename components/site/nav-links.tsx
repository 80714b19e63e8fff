// The site's main sections, shared by the header's row of links (wide screens) and its menu (phones).
import Link from "next/link";
import type { ReactNode } from "react";

export type NavKey = "catalogue" | "seckill" | "leaderboard";

const svg = (children: ReactNode) => (
  <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    {children}
  </svg>
);

export const NAV_LINKS: ReadonlyArray<{ key: NavKey; href: string; icon: ReactNode }> = [
  {
    key: "catalogue",
    href: "/courses",
    icon: svg(
      <>
        <rect x="3.5" y="3.5" width="7" height="7" rx="1.5" />
        <rect x="13.5" y="3.5" width="7" height="7" rx="1.5" />
        <rect x="3.5" y="13.5" width="7" height="7" rx="1.5" />
        <rect x="13.5" y="13.5" width="7" height="7" rx="1.5" />
      </>,
    ),
  },
  { key: "seckill", href: "/seckill", icon: svg(<path d="M13 2.5 4.5 13.5H12l-1 8 8.5-11H12l1-8Z" />) },
  {
    key: "leaderboard",
    href: "/leaderboard",
    icon: svg(
      <>
        <path d="M8 4h8v5a4 4 0 0 1-8 0V4Z" />
        <path d="M8 6H5a3 3 0 0 0 3 4M16 6h3a3 3 0 0 1-3 4M12 13v4M8.5 20.5h7M10 17h4" />
      </>,
    ),
  },
];

/** One section link: its icon, and its name (shown or kept for screen readers, as the caller's classes say). */
export function NavLink({ href, icon, label, className, textClassName }: { href: string; icon: ReactNode; label: string; className?: string; textClassName?: string }) {
  return (
    <Link href={href} className={className}>
      {icon}
      <span className={textClassName}>{label}</span>
    </Link>
  );
}
