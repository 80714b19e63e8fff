import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

// The messages this segment's client components read, besides the base ones (lib/i18n/client-messages.ts).
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["CourseDetail", "Reviews", "LessonQA"]}>{children}</ClientMessages>;
}
