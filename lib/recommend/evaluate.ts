// Offline evaluation of the recommenders: interactions split by time (train on the earlier ones, test on the
// later), each method asked for ten courses for every learner who has history in the training part and new
// courses in the test part, and scored by precision@10, recall@10 and NDCG@10 (binary relevance: a course the
// learner went on to take). Pure: the benchmark (scripts/bench/recommend.ts) feeds it data.
import { byUser, type Interaction, type Neighbour } from "./model";

export interface Split {
  train: Interaction[];
  test: Interaction[];
  cutoff: number;
}

/** The earliest `trainShare` of the interactions (by time) for training, the rest for testing. */
export function splitByTime(interactions: readonly Interaction[], trainShare = 0.8): Split {
  const times = interactions.map((i) => i.at).sort((a, b) => a - b);
  const cutoff = times[Math.min(times.length - 1, Math.floor(times.length * trainShare))] ?? 0;
  return { train: interactions.filter((i) => i.at < cutoff), test: interactions.filter((i) => i.at >= cutoff), cutoff };
}

export interface Scores {
  precision: number;
  recall: number;
  ndcg: number;
  /** Learners evaluated. */
  users: number;
}

export type Recommender = (user: number, held: ReadonlyMap<number, number>) => Neighbour[];

export function evaluate(split: Split, recommend: Recommender, k = 10, opts: { maxUsers?: number } = {}): Scores {
  const train = byUser(split.train);
  const test = byUser(split.test);
  let users = 0;
  let precision = 0;
  let recall = 0;
  let ndcg = 0;
  const evaluated = [...test.keys()].filter((u) => train.has(u)).sort((a, b) => a - b);
  const sample = opts.maxUsers && evaluated.length > opts.maxUsers ? evaluated.filter((_, i) => i % Math.ceil(evaluated.length / opts.maxUsers!) === 0) : evaluated;
  for (const user of sample) {
    const held = train.get(user)!;
    const relevant = new Set([...test.get(user)!.keys()].filter((item) => !held.has(item)));
    if (relevant.size === 0) continue;
    const top = recommend(user, held).filter((r) => !held.has(r.item)).slice(0, k);
    let hits = 0;
    let dcg = 0;
    top.forEach((r, i) => {
      if (relevant.has(r.item)) {
        hits += 1;
        dcg += 1 / Math.log2(i + 2);
      }
    });
    let ideal = 0;
    for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
    users += 1;
    precision += hits / k;
    recall += hits / relevant.size;
    ndcg += dcg / ideal;
  }
  return users === 0 ? { precision: 0, recall: 0, ndcg: 0, users } : { precision: precision / users, recall: recall / users, ndcg: ndcg / users, users };
}
