import type { Metadata } from "next";
import { TeacherNotFound, teacherNotFoundMetadata } from "@/components/catalogue/teacher-not-found";

export const generateMetadata = (): Promise<Metadata> => teacherNotFoundMetadata();

export default function TeachersNotFound() {
  return <TeacherNotFound />;
}
