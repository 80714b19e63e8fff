// schema.org data in a <script type="application/ld+json">. JSON.stringify does not escape "<", so a course
// title such as "</script><script>…" would end the script element early: every "<", ">" and "&" (and the
// two line separators JavaScript once choked on) is written as a \u escape, which JSON parsers read back as
// the same character.
import type { CourseDetail } from "@/lib/catalogue/course-detail";
import type { TeacherProfile } from "@/lib/catalogue/teachers";

export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}

/** Plain text of a description for structured data and meta tags. */
export function plainText(html: string, max = 300): string {
  const text = html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A schema.org Course with its provider and offer (price in yuan, CNY). */
export function courseJsonLd(course: CourseDetail, origin: string, providerName: string) {
  const url = `${origin}/courses/${encodeURIComponent(course.slug)}`;
  return {
    "@context": "https://schema.org",
    "@type": "Course",
    name: course.title,
    description: course.subtitle || plainText(course.description) || course.title,
    url,
    inLanguage: course.language,
    educationalLevel: course.level,
    provider: { "@type": "Organization", name: providerName, sameAs: origin },
    instructor: { "@type": "Person", name: course.teacher.name, url: `${origin}/teachers/${encodeURIComponent(course.teacher.slug)}` },
    offers: {
      "@type": "Offer",
      category: course.priceFen === 0 ? "Free" : "Paid",
      price: (course.priceFen / 100).toFixed(2),
      priceCurrency: "CNY",
      availability: "https://schema.org/InStock",
      url,
    },
    hasCourseInstance: { "@type": "CourseInstance", courseMode: "online", courseWorkload: `PT${Math.max(1, Math.round(course.totalDurationSeconds / 60))}M` },
    ...(course.rating !== null && course.ratingCount > 0
      ? { aggregateRating: { "@type": "AggregateRating", ratingValue: course.rating, ratingCount: course.ratingCount, bestRating: 5, worstRating: 1 } }
      : {}),
  };
}

/** A schema.org Person for a teacher's page: who they are and what they teach on the site. */
export function teacherJsonLd(teacher: TeacherProfile, origin: string) {
  const url = `${origin}/teachers/${encodeURIComponent(teacher.slug)}`;
  return {
    "@context": "https://schema.org",
    "@type": "Person",
    name: teacher.name,
    url,
    ...(teacher.title ? { jobTitle: teacher.title } : {}),
    ...(teacher.bio ? { description: teacher.bio } : {}),
    // Uploaded photos are stored as site paths or absolute CDN addresses.
    ...(teacher.avatarUrl ? { image: new URL(teacher.avatarUrl, origin).toString() } : {}),
    mainEntityOfPage: url,
  };
}
