import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The live room's client components read their own texts and the player's. */
export default function LiveLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["Live", "LessonMedia"]}>{children}</ClientMessages>;
}
