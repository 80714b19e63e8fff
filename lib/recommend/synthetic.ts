// Learning histories at any size for the recommendation benchmark: courses in categories and three levels,
// learners with a favourite category (and now and then a second), who take courses over time, mostly in their
// favourite category and moving up in level, sometimes a popular course from anywhere. Seeded, so each run
// measures the same data.
import { createRng } from "@/db/seed/random";
import type { Interaction } from "./model";

export interface SyntheticCourse {
  id: number;
  category: number;
  level: 0 | 1 | 2;
}

export interface SyntheticData {
  courses: SyntheticCourse[];
  interactions: Interaction[];
}

const DAY = 86_400_000;

export function synthesise(opts: { learners: number; courses: number; categories?: number; seed?: string; start?: number }): SyntheticData {
  const rng = createRng(opts.seed ?? "recommend");
  const categories = opts.categories ?? Math.max(4, Math.round(opts.courses / 50));
  const courses: SyntheticCourse[] = Array.from({ length: opts.courses }, (_, i) => ({ id: i + 1, category: i % categories, level: (Math.floor(i / categories) % 3) as 0 | 1 | 2 }));
  const byCategoryLevel = new Map<string, SyntheticCourse[]>();
  for (const c of courses) (byCategoryLevel.get(`${c.category}:${c.level}`) ?? byCategoryLevel.set(`${c.category}:${c.level}`, []).get(`${c.category}:${c.level}`)!).push(c);
  // Some courses are hits: a Zipf-like weight over courses, applied inside a category too.
  const appeal = courses.map((_, i) => 1 / (1 + ((i * 7919) % opts.courses)) ** 0.6);
  const pickWeighted = (list: readonly SyntheticCourse[]) => {
    let total = 0;
    for (const c of list) total += appeal[c.id - 1]!;
    let r = rng.next() * total;
    for (const c of list) if ((r -= appeal[c.id - 1]!) <= 0) return c;
    return list[list.length - 1]!;
  };
  const popular = [...courses].sort((a, b) => appeal[b.id - 1]! - appeal[a.id - 1]!).slice(0, Math.max(10, Math.round(opts.courses / 20)));
  const start = opts.start ?? Date.UTC(2026, 0, 1);
  const interactions: Interaction[] = [];
  for (let user = 1; user <= opts.learners; user++) {
    const favourite = rng.int(0, categories - 1);
    const second = rng.chance(0.3) ? rng.int(0, categories - 1) : null;
    let level = rng.chance(0.6) ? 0 : rng.chance(0.6) ? 1 : 2;
    const count = 1 + Math.floor(-Math.log(1 - rng.next()) * 3.2);
    let at = start + rng.next() * 300 * DAY;
    const held = new Set<number>();
    for (let n = 0; n < Math.min(count, 20); n++) {
      const roll = rng.next();
      const category = roll < 0.7 ? favourite : roll < 0.85 && second !== null ? second : null;
      const pool = category === null ? popular : (byCategoryLevel.get(`${category}:${level}`) ?? popular);
      const course = pickWeighted(pool);
      if (held.has(course.id)) continue;
      held.add(course.id);
      const completed = rng.chance(0.35);
      interactions.push({ user, item: course.id, weight: completed ? 3 : rng.chance(0.5) ? 2 : 1, at });
      if (completed && level < 2 && rng.chance(0.5)) level += 1;
      at += (1 + rng.next() * 25) * DAY;
    }
  }
  return { courses, interactions };
}
