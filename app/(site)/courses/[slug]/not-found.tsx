import type { Metadata } from "next";
import { CatalogueNotFound, catalogueNotFoundMetadata } from "@/components/catalogue/not-found";

export const generateMetadata = (): Promise<Metadata> => catalogueNotFoundMetadata();

export default function CoursesNotFound() {
  return <CatalogueNotFound />;
}
