// npm run bench:recommend — the recommenders compared offline, and the model job's cost at full size.
// 1. Quality: learning histories split by time (train on the earlier 80%, test on the later 20%); item-based
//    CF (what the site serves), the product brief's user-based Euclidean method and popularity, each asked for
//    ten courses per learner; precision@10, recall@10, NDCG@10.
// 2. Cost: the item model built from 100,000 learners × 2,000 courses: run time and memory.
// The data is generated (lib/recommend/synthetic.ts: learners with a favourite category who move up in level),
// seeded so every run measures the same thing. Timings vary with the machine's load; quality figures do not.
import { buildItemModel, byUser, holdersOf, popularity, scoreItemCF, scoreUserEuclidean } from "@/lib/recommend/model";
import { evaluate, splitByTime, type Scores } from "@/lib/recommend/evaluate";
import { synthesise } from "@/lib/recommend/synthetic";

const fmt = (s: Scores) => `precision@10 ${s.precision.toFixed(4)}  recall@10 ${s.recall.toFixed(4)}  NDCG@10 ${s.ndcg.toFixed(4)}  (${s.users} learners)`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function quality(learners: number, courses: number) {
  const data = synthesise({ learners, courses, seed: "recommend-quality" });
  const split = splitByTime(data.interactions);
  const t0 = performance.now();
  const model = buildItemModel(split.train);
  const buildMs = performance.now() - t0;
  const popular = popularity(split.train);
  const users = byUser(split.train);
  const holders = holdersOf(users);
  // The user-based method compares each learner with everyone sharing a course: evaluate it on a sample.
  const sample = 3_000;
  const item = evaluate(split, (_u, held) => scoreItemCF(model, held), 10, { maxUsers: sample });
  const user = evaluate(split, (u) => scoreUserEuclidean(users, holders, u), 10, { maxUsers: sample });
  const pop = evaluate(split, () => popular, 10, { maxUsers: sample });
  console.log(`\nQuality: ${learners.toLocaleString()} learners × ${courses.toLocaleString()} courses, ${data.interactions.length.toLocaleString()} interactions; item model built in ${buildMs.toFixed(0)} ms`);
  console.log(`  item-based CF (served)   ${fmt(item)}`);
  console.log(`  user-based Euclidean     ${fmt(user)}`);
  console.log(`  popularity (baseline)    ${fmt(pop)}`);
  const gain = pop.ndcg > 0 ? (item.ndcg / pop.ndcg - 1) * 100 : Infinity;
  console.log(`  item CF vs popularity: NDCG@10 ${gain >= 0 ? "+" : ""}${gain.toFixed(0)}% (target ≥ +20%): ${gain >= 20 ? "met" : "missed"}`);
  console.log(`  item CF vs user-based: NDCG@10 ${((item.ndcg / Math.max(user.ndcg, 1e-9) - 1) * 100).toFixed(0)}%`);
}

function cost(learners: number, courses: number) {
  const data = synthesise({ learners, courses, seed: "recommend-scale" });
  global.gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const model = buildItemModel(data.interactions);
  const ms = performance.now() - t0;
  const after = process.memoryUsage();
  let neighbours = 0;
  for (const list of model.values()) neighbours += list.length;
  console.log(`\nCost: ${learners.toLocaleString()} learners × ${courses.toLocaleString()} courses, ${data.interactions.length.toLocaleString()} interactions`);
  console.log(`  item model: ${(ms / 1000).toFixed(2)} s (target < 60 s: ${ms < 60_000 ? "met" : "missed"}), ${model.size} courses × ≤30 neighbours (${neighbours.toLocaleString()} kept)`);
  console.log(`  memory: heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}, resident ${mb(after.rss)} (including the generated data)`);
}

quality(20_000, 500);
cost(100_000, 2_000);
