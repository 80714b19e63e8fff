import { cookies } from "next/headers";

// The per-request rendering floor: a dynamic page that reads a cookie and renders a paragraph.
export default async function Dynamic() {
  const session = (await cookies()).get("authjs.session-token")?.value;
  return <p>{session ? `Signed in (${session.length} characters of token)` : "Visitor"}</p>;
}
