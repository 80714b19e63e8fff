import type { Metadata } from "next";
import { NotFoundContent, notFoundMetadata } from "@/components/states/not-found-content";

export const generateMetadata = (): Promise<Metadata> => notFoundMetadata();

export default function NotFound() {
  return <NotFoundContent />;
}
