// Where middleware.ts rewrites a request the RBAC gate denies (answered with status 403).
import type { Metadata } from "next";
import { ForbiddenContent, forbiddenMetadata } from "@/components/states/forbidden-content";

export const generateMetadata = (): Promise<Metadata> => forbiddenMetadata();

export default function ForbiddenPage() {
  return <ForbiddenContent />;
}
