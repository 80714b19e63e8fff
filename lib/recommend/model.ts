// The recommendation methods, as pure functions over implicit feedback (who took which course, how far they
// got): item-based collaborative filtering (what we serve), the user-based Euclidean method of the product
// brief's design, and popularity (the fallback, and the baseline both must beat). The evaluation
// (./evaluate.ts, `npm run bench:recommend`) compares them on the same data.
//
// Item-based CF: each course is a vector over learners (the learner's weight for it); two courses are similar
// by the cosine of their vectors, counted from co-occurrences, so the work grows with the pairs of courses
// each learner holds, not with learners × courses. A course keeps its K most similar neighbours; a learner's
// score for a course is the sum of its similarity to each course they hold, times their weight for that one.

export interface Interaction {
  user: number;
  item: number;
  /** How much it says about the learner's taste: enrolled 1, more for progress and completion. */
  weight: number;
  /** When it happened, in ms (the evaluation splits by time). */
  at: number;
}

export interface Neighbour {
  item: number;
  score: number;
}

/** Each course's most similar courses, best first. */
export type ItemModel = Map<number, Neighbour[]>;

/** The interactions grouped by learner: item → weight (the highest weight when a pair repeats). */
export function byUser(interactions: readonly Interaction[]): Map<number, Map<number, number>> {
  const users = new Map<number, Map<number, number>>();
  for (const { user, item, weight } of interactions) {
    let items = users.get(user);
    if (!items) users.set(user, (items = new Map()));
    items.set(item, Math.max(items.get(item) ?? 0, weight));
  }
  return users;
}

/**
 * Item-item cosine similarities from co-occurrence, keeping `k` neighbours per course. Learners with more than
 * `maxItemsPerUser` courses count with their most weighted ones only (a handful of collectors would otherwise
 * make everything similar to everything, and cost quadratic time).
 */
export function buildItemModel(interactions: readonly Interaction[], opts: { k?: number; maxItemsPerUser?: number } = {}): ItemModel {
  const k = opts.k ?? 30;
  const cap = opts.maxItemsPerUser ?? 50;
  const users = byUser(interactions);
  const index = new Map<number, number>();
  const items: number[] = [];
  for (const held of users.values()) for (const item of held.keys()) if (!index.has(item)) index.set(item, items.push(item) - 1);
  const n = items.length;
  const norms = new Float64Array(n);
  // Dense co-occurrence for up to a few thousand courses (2,000 courses: 32 MB as Float64); sparse beyond.
  const dense = n <= 4_000 ? new Float64Array(n * n) : null;
  const sparse = dense ? null : new Map<number, number>();
  for (const held of users.values()) {
    const list = [...held.entries()].sort((a, b) => b[1] - a[1]).slice(0, cap);
    const ids = list.map(([item]) => index.get(item)!);
    const weights = list.map(([, w]) => w);
    for (let a = 0; a < ids.length; a++) {
      norms[ids[a]!] = norms[ids[a]!]! + weights[a]! * weights[a]!;
      for (let b = a + 1; b < ids.length; b++) {
        const product = weights[a]! * weights[b]!;
        const i = ids[a]!;
        const j = ids[b]!;
        if (dense) {
          dense[i * n + j] = dense[i * n + j]! + product;
          dense[j * n + i] = dense[j * n + i]! + product;
        } else {
          const key = i < j ? i * n + j : j * n + i;
          sparse!.set(key, (sparse!.get(key) ?? 0) + product);
        }
      }
    }
  }
  const model: ItemModel = new Map();
  const neighbours: Neighbour[][] = Array.from({ length: n }, () => []);
  if (dense) {
    for (let i = 0; i < n; i++) {
      const row: Neighbour[] = [];
      for (let j = 0; j < n; j++) {
        const co = dense[i * n + j]!;
        if (co > 0 && i !== j) row.push({ item: items[j]!, score: co / Math.sqrt(norms[i]! * norms[j]!) });
      }
      neighbours[i] = row;
    }
  } else {
    for (const [key, co] of sparse!) {
      const i = Math.floor(key / n);
      const j = key % n;
      const score = co / Math.sqrt(norms[i]! * norms[j]!);
      neighbours[i]!.push({ item: items[j]!, score });
      neighbours[j]!.push({ item: items[i]!, score });
    }
  }
  for (let i = 0; i < n; i++) model.set(items[i]!, topK(neighbours[i]!, k));
  return model;
}

function topK(list: Neighbour[], k: number): Neighbour[] {
  return list.sort((a, b) => b.score - a.score || a.item - b.item).slice(0, k);
}

/** Scores courses for a learner from what they hold; the held ones are left out. */
export function scoreItemCF(model: ItemModel, held: ReadonlyMap<number, number>): Neighbour[] {
  const scores = new Map<number, number>();
  for (const [item, weight] of held) {
    for (const { item: other, score } of model.get(item) ?? []) {
      if (held.has(other)) continue;
      scores.set(other, (scores.get(other) ?? 0) + score * weight);
    }
  }
  return [...scores].map(([item, score]) => ({ item, score })).sort((a, b) => b.score - a.score || a.item - b.item);
}

/** Courses by how many learners took them, most first. */
export function popularity(interactions: readonly Interaction[]): Neighbour[] {
  const counts = new Map<number, number>();
  for (const held of byUser(interactions).values()) for (const item of held.keys()) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, score]) => ({ item, score })).sort((a, b) => b.score - a.score || a.item - b.item);
}

/**
 * The product brief's method: user-based, similarity 1 / (1 + Euclidean distance) over the courses two learners
 * share (the courses one holds and the other does not are left out, as in the original), the `k` most similar
 * learners voting for what they hold with their similarity. Learners who share nothing are not neighbours.
 */
export function scoreUserEuclidean(users: ReadonlyMap<number, ReadonlyMap<number, number>>, holders: ReadonlyMap<number, readonly number[]>, user: number, k = 30): Neighbour[] {
  const mine = users.get(user);
  if (!mine) return [];
  const candidates = new Set<number>();
  for (const item of mine.keys()) for (const other of holders.get(item) ?? []) if (other !== user) candidates.add(other);
  const sims: Array<{ other: number; sim: number }> = [];
  for (const other of candidates) {
    const theirs = users.get(other)!;
    let sum = 0;
    for (const [item, w] of mine) {
      const v = theirs.get(item);
      if (v !== undefined) sum += (w - v) ** 2;
    }
    sims.push({ other, sim: 1 / (1 + Math.sqrt(sum)) });
  }
  sims.sort((a, b) => b.sim - a.sim || a.other - b.other);
  const scores = new Map<number, number>();
  for (const { other, sim } of sims.slice(0, k)) {
    for (const item of users.get(other)!.keys()) if (!mine.has(item)) scores.set(item, (scores.get(item) ?? 0) + sim);
  }
  return [...scores].map(([item, score]) => ({ item, score })).sort((a, b) => b.score - a.score || a.item - b.item);
}

/** Who holds each course (for the user-based method's neighbour search). */
export function holdersOf(users: ReadonlyMap<number, ReadonlyMap<number, number>>): Map<number, number[]> {
  const holders = new Map<number, number[]>();
  for (const [user, items] of users) for (const item of items.keys()) (holders.get(item) ?? holders.set(item, []).get(item)!).push(user);
  return holders;
}

/**
 * The first `n` of a ranked list with at most `perCategory` from any one category (then filled from the rest
 * in rank order if too few categories), so a list is not ten courses of one kind.
 */
export function diversify(ranked: readonly Neighbour[], categoryOf: (item: number) => number | undefined, n: number, perCategory = 3): Neighbour[] {
  const out: Neighbour[] = [];
  const skipped: Neighbour[] = [];
  const used = new Map<number, number>();
  for (const entry of ranked) {
    if (out.length >= n) break;
    const category = categoryOf(entry.item) ?? -1;
    const count = used.get(category) ?? 0;
    if (count >= perCategory) {
      skipped.push(entry);
      continue;
    }
    used.set(category, count + 1);
    out.push(entry);
  }
  for (const entry of skipped) if (out.length < n) out.push(entry);
  return out;
}
