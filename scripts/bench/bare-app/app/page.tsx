import Link from "next/link";

// The first-load JavaScript floor: a static page with one client-side link.
export default function Home() {
  return (
    <p>
      <Link href="/dynamic">A bare App Router page</Link>
    </p>
  );
}
