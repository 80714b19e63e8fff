// Generated course covers: a gradient picked from the course's top-level category, varied per course, so the
// catalogue looks designed without any image files. Every palette keeps white text above 4.5:1 contrast.

/** Base colours (hue, saturation, lightness) dark enough for white text; the gradient runs from each to a deeper neighbour. */
const PALETTES: ReadonlyArray<{ hue: number; sat: number; light: number }> = [
  { hue: 238, sat: 55, light: 34 }, // indigo
  { hue: 178, sat: 70, light: 24 }, // teal
  { hue: 212, sat: 70, light: 32 }, // blue
  { hue: 268, sat: 48, light: 36 }, // violet
  { hue: 346, sat: 60, light: 36 }, // rose
  { hue: 152, sat: 60, light: 24 }, // emerald
  { hue: 8, sat: 65, light: 32 }, // terracotta
  { hue: 196, sat: 75, light: 26 }, // ocean
];

/** A small, stable integer hash (FNV-1a), so the same input always gets the same cover. */
export function hash(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The CSS background of a course's cover. Courses of one category share a palette; the course id turns the
 * angle and shifts the hue a little so neighbouring cards differ.
 */
export function coverBackground(courseId: number, categoryKey: number | string): string {
  const palette = PALETTES[hash(String(categoryKey)) % PALETTES.length] ?? PALETTES[0]!;
  const h = hash(`course:${courseId}`);
  const shift = (h % 25) - 12; // -12..12 degrees of hue
  const angle = 110 + ((h >>> 8) % 100); // 110..209 degrees
  const start = `hsl(${palette.hue + shift} ${palette.sat}% ${palette.light}%)`;
  const end = `hsl(${palette.hue + shift + 28} ${palette.sat}% ${palette.light - 8}%)`;
  return `linear-gradient(${angle}deg, ${start}, ${end})`;
}
