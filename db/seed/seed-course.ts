// A generated course as the seed writes it: what generate.ts builds and generate-activity.ts draws learners to.
import type { Level } from "./content-catalogue";
import type { SeedChapter } from "./generate-outline";

export type CourseStatus = "draft" | "published" | "archived";

export interface SeedCourse {
  slug: string;
  title: string;
  subtitle: string;
  description: string;
  priceFen: number;
  memberPriceFen: number | null;
  level: Level;
  language: "zh-CN" | "en";
  status: CourseStatus;
  categorySlug: string;
  teacherSlug: string;
  tags: string[];
  enrolmentCount: number;
  ratingSum: number;
  ratingCount: number;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  chapters: SeedChapter[];
}
