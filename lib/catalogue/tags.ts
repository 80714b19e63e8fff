// The cache tags of the catalogue: what each cached read is tagged with and each write invalidates.
// No imports, so the search module can use them without a cycle.

export const CATALOGUE_TAGS = {
  /** Every course list, course page, search result, suggestion and cached "no such course". */
  courses: "courses",
  /** The category tree, and everything that shows category names. */
  categories: "categories",
  /** Everything that shows a teacher. */
  teachers: "teachers",
} as const;
