// Writes the demo data: roles, demo accounts, the catalogue (categories, teachers, 120 courses with chapters and
// lessons), a few hundred learners with enrolments and lesson progress. Used by `npm run db:seed`, `npm run dev`
// and the test set-up. Refuses to run in production: every seeded account shares a published password.
//
// Idempotency. Everything runs in one transaction, in two parts:
//  1. Always: the five roles are upserted by key, and the demo accounts by email, with the demo password hash
//     and `disabled = false`; each demo account's roles are set back to exactly its designated role. A demo
//     password or role someone changed is therefore restored on every run.
//  2. Only once: if no seeded course slug, teacher slug or learner email exists yet, the generated data
//     (generate.ts) is inserted; otherwise this part is skipped and `created` is false. Because the whole seed
//     commits or rolls back as one, "any seeded key exists" means "the seed was applied". It also means a
//     database where someone has since edited or deleted seeded rows is left alone instead of half-duplicated.
//     Categories that already exist by slug are reused rather than duplicated.
// The role upsert comes first, and its row locks are held until commit, so two seeds started at once run one
// after the other and the second sees the first's data.
//
// Speed: the password is hashed once (argon2id) and the hash shared by every seeded account; rows are inserted
// ~500 per statement, parents first, and their autoincrement ids read back by slug, email or position.
import "server-only";
import { hash } from "@node-rs/argon2";
import { and, eq, inArray, ne, sql, type InferInsertModel } from "drizzle-orm";
import type { MySqlTable } from "drizzle-orm/mysql-core";
import type { Database } from "../index";
import { formatOrderNo, MAX_SEQUENCE } from "../../lib/orders/order-no";
import { categories, chapters, coupons, courses, enrolments, lessonPosts, lessonProgress, lessons, membershipPlans, orderItems, orders, reviews, roles, seckillSales, teachers, userRoles, users } from "../schema";
import type { Tx } from "../tx";
import { TEACHERS } from "./content-catalogue";
import { DEMO_ACCOUNTS, DEMO_LEARNER_EMAIL, DEMO_PASSWORD, DEMO_TEACHER_EMAIL, LEARNER_COUNT, ROLES, learnerEmail } from "./content-people";
import { COURSE_BLUEPRINTS, DEMO_TEACHER_COURSE, generateSeed, type SeedData } from "./generate";
import { daysBefore } from "./time";

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

export interface SeedResult {
  /** Row counts in the database after the run; `learners` are accounts that hold no role. */
  categories: number;
  courses: number;
  learners: number;
  enrolments: number;
  /** False when the catalogue and learners were already there and only roles and demo accounts were refreshed. */
  created: boolean;
}

const CHUNK = 500;

async function insertAll<T extends MySqlTable>(tx: Tx, table: T, rows: ReadonlyArray<InferInsertModel<T>>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insert(table).values(rows.slice(i, i + CHUNK) as InferInsertModel<T>[]);
  }
}

function idMap<K>(rows: ReadonlyArray<{ id: number; key: K }>): Map<K, number> {
  return new Map(rows.map((r) => [r.key, r.id]));
}

function need<K>(map: ReadonlyMap<K, number>, key: K, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`Seed: no id for ${what} ${String(key)}`);
  return id;
}

async function ensureRolesAndDemoAccounts(tx: Tx, passwordHash: string, now: Date): Promise<Map<string, number>> {
  for (const role of ROLES) {
    const { key: _key, ...names } = role;
    await tx.insert(roles).values(role).onDuplicateKeyUpdate({ set: names });
  }
  const roleIds = idMap(await tx.select({ id: roles.id, key: roles.key }).from(roles).where(inArray(roles.key, ROLES.map((r) => r.key))));

  const createdAt = daysBefore(now, 420);
  for (const account of DEMO_ACCOUNTS) {
    await tx
      .insert(users)
      .values({ email: account.email, name: account.name, passwordHash, locale: "zh-CN", createdAt, updatedAt: createdAt })
      .onDuplicateKeyUpdate({ set: { passwordHash, disabled: false } });
  }
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const rows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const userIds = new Map(rows.map((r) => [r.email ?? "", r.id]));

  for (const account of DEMO_ACCOUNTS) {
    const userId = need(userIds, account.email, "demo account");
    if (account.roleKey === null) {
      await tx.delete(userRoles).where(eq(userRoles.userId, userId));
      continue;
    }
    const roleId = need(roleIds, account.roleKey, "role");
    await tx.delete(userRoles).where(and(eq(userRoles.userId, userId), ne(userRoles.roleId, roleId)));
    await tx.insert(userRoles).values({ userId, roleId }).onDuplicateKeyUpdate({ set: { roleId } });
  }
  return userIds;
}

/**
 * Demo coupons, inserted when their code is missing and otherwise left as they are (an admin may have edited
 * or disabled them; their used counts are real). Runs on every seed, so databases seeded before coupons
 * existed get them too.
 */
async function ensureDemoCoupons(tx: Tx, now: Date): Promise<void> {
  const startsAt = daysBefore(now, 1);
  const endsAt = new Date(startsAt.getTime() + 366 * 86_400_000);
  await tx
    .insert(coupons)
    .values([
      { code: "XUEFU10", kind: "percent", value: 10, startsAt, endsAt },
      { code: "WELCOME50", kind: "fixed", value: 5_000, maxUses: 1_000, startsAt, endsAt },
    ])
    .onDuplicateKeyUpdate({ set: { code: sql`code` } });
}

/**
 * The three membership plans, and a few courses included in membership when none is yet. Runs on every seed,
 * so databases seeded before memberships were sold get them too; an admin's later edits are kept.
 */
async function ensureMembershipOffer(tx: Tx, now: Date): Promise<void> {
  await tx
    .insert(membershipPlans)
    .values([
      { period: "monthly", nameZh: "月度会员", nameEn: "Monthly membership", priceFen: 3_900, monthlyPoints: 100, createdAt: now, updatedAt: now },
      { period: "quarterly", nameZh: "季度会员", nameEn: "Quarterly membership", priceFen: 9_900, monthlyPoints: 120, createdAt: now, updatedAt: now },
      { period: "yearly", nameZh: "年度会员", nameEn: "Yearly membership", priceFen: 29_900, monthlyPoints: 150, createdAt: now, updatedAt: now },
    ])
    .onDuplicateKeyUpdate({ set: { period: sql`period` } });
  const [included] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.includedInMembership, true)).limit(1);
  if (included) return;
  // Every fifth paid course, from the second: a spread of subjects and prices.
  await tx
    .update(courses)
    .set({ includedInMembership: true })
    .where(and(eq(courses.status, "published"), sql`${courses.priceFen} > 0`, sql`MOD(${courses.id}, 5) = 2`));
}

/**
 * Development only: when no flash sale is running or coming, one that is on now (30 seats, two weeks) and one
 * that starts in two days, on two paid courses at about 40% of their price. Tests make their own sales.
 */
export async function ensureDemoFlashSales(tx: Tx, now: Date): Promise<void> {
  const open = await tx.select({ id: seckillSales.id }).from(seckillSales).where(and(eq(seckillSales.status, "active"), sql`${seckillSales.endsAt} > ${now}`)).limit(1);
  if (open.length) return;
  const paid = await tx
    .select({ id: courses.id, priceFen: courses.priceFen })
    .from(courses)
    .where(and(eq(courses.status, "published"), sql`${courses.priceFen} >= 10000`))
    .orderBy(courses.id)
    .limit(2);
  const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
  const windows = [
    { startsAt: hours(-1), endsAt: hours(14 * 24) },
    { startsAt: hours(2 * 24), endsAt: hours(2 * 24 + 2) },
  ];
  const rows = paid.map((course, i) => ({ courseId: course.id, priceFen: Math.round((course.priceFen * 0.4) / 100) * 100, seats: 30, seatsLeft: 30, ...windows[i]! }));
  if (rows.length) await tx.insert(seckillSales).values(rows);
}

async function alreadySeeded(tx: Tx): Promise<boolean> {
  const learnerEmails = Array.from({ length: LEARNER_COUNT }, (_, i) => learnerEmail(i + 1));
  const found = await Promise.all([
    tx.select({ id: courses.id }).from(courses).where(inArray(courses.slug, COURSE_BLUEPRINTS.map((c) => c.slug))).limit(1),
    tx.select({ id: teachers.id }).from(teachers).where(inArray(teachers.slug, TEACHERS.map((t) => t.slug))).limit(1),
    tx.select({ id: users.id }).from(users).where(inArray(users.email, learnerEmails)).limit(1),
  ]);
  return found.some((rows) => rows.length > 0);
}

/** A seeded course's id and its lesson ids in reading order (chapter by chapter), as progress rows count them. */
type CourseIds = ReadonlyMap<string, { courseId: number; lessonIds: number[] }>;

async function writeCatalogue(tx: Tx, data: SeedData): Promise<CourseIds> {
  // Categories: top level, then children under their parents' ids. Existing slugs are kept as they are.
  const slugs = data.categories.map((c) => c.slug);
  const categoryIds = async () =>
    idMap(await tx.select({ id: categories.id, key: categories.slug }).from(categories).where(inArray(categories.slug, slugs)));
  const keepExisting = { set: { slug: sql`slug` } };
  const tops = data.categories.filter((c) => c.parentSlug === null);
  await tx.insert(categories).values(tops.map(({ parentSlug: _, ...c }) => c)).onDuplicateKeyUpdate(keepExisting);
  const topIds = await categoryIds();
  const children = data.categories.filter((c) => c.parentSlug !== null);
  await tx
    .insert(categories)
    .values(children.map(({ parentSlug, ...c }) => ({ ...c, parentId: need(topIds, parentSlug, "category") })))
    .onDuplicateKeyUpdate(keepExisting);
  const catIds = await categoryIds();

  await insertAll(tx, teachers, data.teachers);
  const teacherSlugs = data.teachers.map((t) => t.slug);
  const teacherIds = idMap(await tx.select({ id: teachers.id, key: teachers.slug }).from(teachers).where(inArray(teachers.slug, teacherSlugs)));

  await insertAll(
    tx,
    courses,
    data.courses.map(({ chapters: _c, categorySlug, teacherSlug, ...c }) => ({
      ...c,
      categoryId: need(catIds, categorySlug, "category"),
      teacherId: need(teacherIds, teacherSlug, "teacher"),
    })),
  );
  const courseSlugs = data.courses.map((c) => c.slug);
  const courseIds = idMap(await tx.select({ id: courses.id, key: courses.slug }).from(courses).where(inArray(courses.slug, courseSlugs)));
  const courseId = (slug: string) => need(courseIds, slug, "course");
  const ids = [...courseIds.values()];

  // Chapters and lessons have no natural key: they are found again by (course, position) and (chapter, position).
  await insertAll(
    tx,
    chapters,
    data.courses.flatMap((c) =>
      c.chapters.map((ch, i) => ({ courseId: courseId(c.slug), title: ch.title, position: i + 1, createdAt: c.createdAt })),
    ),
  );
  const chapterRows = await tx
    .select({ id: chapters.id, courseId: chapters.courseId, position: chapters.position })
    .from(chapters)
    .where(inArray(chapters.courseId, ids));
  const chapterIds = idMap(chapterRows.map((r) => ({ id: r.id, key: `${r.courseId}:${r.position}` })));
  const chapterId = (slug: string, position: number) => need(chapterIds, `${courseId(slug)}:${position}`, "chapter");

  await insertAll(
    tx,
    lessons,
    data.courses.flatMap((c) =>
      c.chapters.flatMap((ch, i) =>
        ch.lessons.map((l, j) => ({ ...l, courseId: courseId(c.slug), chapterId: chapterId(c.slug, i + 1), position: j + 1, createdAt: c.createdAt })),
      ),
    ),
  );
  const lessonRows = await tx
    .select({ id: lessons.id, chapterId: lessons.chapterId, position: lessons.position })
    .from(lessons)
    .where(inArray(lessons.courseId, ids));
  const lessonIds = idMap(lessonRows.map((r) => ({ id: r.id, key: `${r.chapterId}:${r.position}` })));

  return new Map(
    data.courses.map((c) => [
      c.slug,
      {
        courseId: courseId(c.slug),
        lessonIds: c.chapters.flatMap((ch, i) => ch.lessons.map((_, j) => need(lessonIds, `${chapterId(c.slug, i + 1)}:${j + 1}`, "lesson"))),
      },
    ]),
  );
}

async function writeLearners(tx: Tx, data: SeedData, passwordHash: string, demoIds: ReadonlyMap<string, number>, courseIds: CourseIds): Promise<(email: string) => number> {
  await insertAll(
    tx,
    users,
    data.learners.map((l) => ({ ...l, passwordHash, updatedAt: l.lastSignInAt ?? l.createdAt })),
  );
  const emails = data.learners.map((l) => l.email);
  const learnerIds = idMap(await tx.select({ id: users.id, key: users.email }).from(users).where(inArray(users.email, emails)));
  learnerIds.set(DEMO_LEARNER_EMAIL, need(demoIds, DEMO_LEARNER_EMAIL, "demo learner"));
  learnerIds.set(DEMO_TEACHER_EMAIL, need(demoIds, DEMO_TEACHER_EMAIL, "demo teacher"));
  const userId = (email: string) => need(learnerIds, email, "learner");
  const course = (slug: string) => {
    const found = courseIds.get(slug);
    if (!found) throw new Error(`Seed: no course ${slug}`);
    return found;
  };

  await insertAll(
    tx,
    enrolments,
    data.enrolments.map((e) => ({ userId: userId(e.email), courseId: course(e.courseSlug).courseId, source: e.source, createdAt: e.createdAt })),
  );
  await writeOrders(tx, data, userId, (slug) => course(slug).courseId);
  await insertAll(
    tx,
    lessonProgress,
    data.progress.map(({ email, courseSlug, lessonIndex, ...p }) => {
      const { courseId, lessonIds } = course(courseSlug);
      const lessonId = lessonIds[lessonIndex];
      if (lessonId === undefined) throw new Error(`Seed: no lesson ${lessonIndex} in ${courseSlug}`);
      return { ...p, userId: userId(email), courseId, lessonId };
    }),
  );
  return userId;
}

/**
 * The demo teacher account teaches the demo learner's finished course (and the teacher's other courses);
 * the courses' reviews (their rating figures were computed from these rows), and a few questions with the
 * teacher's accepted answers under that course's first lessons.
 */
async function writeCommunity(tx: Tx, data: SeedData, userId: (email: string) => number, demoIds: ReadonlyMap<string, number>, courseIds: CourseIds): Promise<void> {
  const teacherUserId = need(demoIds, DEMO_TEACHER_EMAIL, "demo teacher");
  const [demoCourse] = await tx.select({ teacherId: courses.teacherId, name: teachers.name }).from(courses).innerJoin(teachers, eq(teachers.id, courses.teacherId)).where(eq(courses.slug, DEMO_TEACHER_COURSE));
  if (demoCourse) {
    await tx.update(teachers).set({ userId: teacherUserId }).where(eq(teachers.id, demoCourse.teacherId));
    // The account goes by the teacher's public name, so answers and replies read as the teacher's.
    await tx.update(users).set({ name: demoCourse.name }).where(eq(users.id, teacherUserId));
  }
  const courseId = (slug: string) => need(new Map([...courseIds].map(([k, v]) => [k, v.courseId])), slug, "course");
  await insertAll(
    tx,
    reviews,
    data.reviews.map((r) => ({ courseId: courseId(r.courseSlug), userId: userId(r.email), rating: r.rating, body: r.body, helpfulCount: r.helpfulCount, createdAt: r.createdAt, updatedAt: r.createdAt })),
  );
  for (const q of data.questions) {
    const course = courseIds.get(q.courseSlug);
    const lessonId = course?.lessonIds[q.lessonIndex];
    if (!course || lessonId === undefined) continue;
    const [question] = await tx.insert(lessonPosts).values({ courseId: course.courseId, lessonId, userId: userId(q.email), kind: "question", body: q.body, createdAt: q.createdAt, answerCount: q.answers.length }).$returningId();
    let accepted: number | null = null;
    for (const a of q.answers) {
      const [row] = await tx
        .insert(lessonPosts)
        .values({ courseId: course.courseId, lessonId, userId: a.teacher ? teacherUserId : userId(a.email ?? ""), kind: "answer", rootId: question!.id, parentId: question!.id, depth: 1, body: a.body, byStaff: a.teacher, createdAt: new Date(q.createdAt.getTime() + a.minutesLater * 60_000) })
        .$returningId();
      if (a.accepted) accepted = row!.id;
    }
    if (accepted !== null) await tx.update(lessonPosts).set({ acceptedAnswerId: accepted }).where(eq(lessonPosts.id, question!.id));
  }
}

const PROVIDERS = ["alipay", "alipay", "wechat", "alipay", "wechat", "wechat", "unionpay", "alipay", "wechat", "alipay"] as const;

/**
 * One paid order per purchased enrolment (paid a few minutes before the enrolment, at the member price for
 * every fourth, the list price otherwise), and an abandoned, closed order before every seventh of them.
 */
async function writeOrders(tx: Tx, data: SeedData, userId: (email: string) => number, courseId: (slug: string) => number): Promise<void> {
  const bySlug = new Map(data.courses.map((c) => [c.slug, c]));
  let sequence = 0;
  const nextNo = (time: Date) => formatOrderNo(time.getTime(), 0, (sequence = (sequence + 1) % (MAX_SEQUENCE + 1)));
  const rows: Array<{ order: InferInsertModel<typeof orders>; courseId: number; title: string; listPriceFen: number }> = [];
  data.enrolments.forEach((e, i) => {
    const course = bySlug.get(e.courseSlug);
    if (e.source !== "purchase" || !course || course.priceFen === 0) return;
    const price = i % 4 === 0 && course.memberPriceFen !== null && course.memberPriceFen !== undefined ? course.memberPriceFen : course.priceFen;
    const paidAt = new Date(e.createdAt.getTime() - 60_000);
    const placed = new Date(paidAt.getTime() - (2 + (i % 9)) * 60_000);
    const base = { userId: userId(e.email), subtotalFen: price, totalFen: price };
    if (i % 7 === 0) {
      const abandoned = new Date(placed.getTime() - 86_400_000);
      rows.push({ order: { ...base, orderNo: nextNo(abandoned), status: "closed", payBefore: new Date(abandoned.getTime() + 1_800_000), closedAt: new Date(abandoned.getTime() + 1_800_000), createdAt: abandoned, updatedAt: new Date(abandoned.getTime() + 1_800_000) }, courseId: courseId(e.courseSlug), title: course.title, listPriceFen: course.priceFen });
    }
    rows.push({ order: { ...base, orderNo: nextNo(placed), status: "paid", provider: PROVIDERS[i % PROVIDERS.length], payBefore: new Date(placed.getTime() + 1_800_000), paidAt, createdAt: placed, updatedAt: paidAt }, courseId: courseId(e.courseSlug), title: course.title, listPriceFen: course.priceFen });
  });
  await insertAll(tx, orders, rows.map((r) => r.order));
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const numbers = rows.slice(i, i + CHUNK).map((r) => r.order.orderNo);
    for (const row of await tx.select({ id: orders.id, orderNo: orders.orderNo }).from(orders).where(inArray(orders.orderNo, numbers))) ids.set(row.orderNo, row.id);
  }
  await insertAll(
    tx,
    orderItems,
    rows.map((r) => ({ orderId: need(ids, r.order.orderNo, "order"), courseId: r.courseId, titleSnapshot: r.title, listPriceFen: r.listPriceFen, priceFen: r.order.totalFen, paidFen: r.order.totalFen, createdAt: r.order.createdAt })),
  );
}

async function counts(db: Database): Promise<Omit<SeedResult, "created">> {
  const n = async (query: Promise<Array<{ n: number | string }>>) => Number((await query)[0]?.n ?? 0);
  const count = sql<number>`COUNT(*)`;
  const [c, k, l, e] = await Promise.all([
    n(db.select({ n: count }).from(categories)),
    n(db.select({ n: count }).from(courses)),
    n(db.select({ n: count }).from(users).where(sql`NOT EXISTS (SELECT 1 FROM ${userRoles} WHERE ${userRoles.userId} = ${users.id})`)),
    n(db.select({ n: count }).from(enrolments)),
  ]);
  return { categories: c, courses: k, learners: l, enrolments: e };
}

export async function seed(db: Database, opts: { nodeEnv: string; log?: (msg: string) => void }): Promise<SeedResult> {
  if (opts.nodeEnv === "production") {
    throw new Error("Refusing to seed demo data in production (NODE_ENV=production): demo accounts share a published password.");
  }
  const log = opts.log ?? (() => undefined);
  const now = new Date();
  const passwordHash = await hash(DEMO_PASSWORD);

  const created = await db.transaction(async (tx) => {
    const demoIds = await ensureRolesAndDemoAccounts(tx, passwordHash, now);
    await ensureDemoCoupons(tx, now);
    if (await alreadySeeded(tx)) {
      log("Demo data already present; roles and demo accounts refreshed.");
      return false;
    }
    const data = generateSeed(now);
    log(`Writing demo data: ${data.courses.length} courses, ${data.learners.length} learners, ${data.enrolments.length} enrolments ...`);
    const courseIds = await writeCatalogue(tx, data);
    const userId = await writeLearners(tx, data, passwordHash, demoIds, courseIds);
    await writeCommunity(tx, data, userId, demoIds, courseIds);
    return true;
  });
  await db.transaction((tx) => ensureMembershipOffer(tx, now));
  // After the catalogue, so a first seed has courses to put on sale; every later start tops them up.
  if (opts.nodeEnv === "development") await db.transaction((tx) => ensureDemoFlashSales(tx, now));
  // Video lessons play the demo clips (made and transcoded once with ffmpeg, cached under .data/media-seed).
  const { seedDemoVideos } = await import("./demo-videos");
  await seedDemoVideos(db, log);
  // One live class starting soon and playing a demo clip (lib/live/seed.ts).
  const { ensureDemoLiveLesson } = await import("../../lib/live/seed");
  const live = await ensureDemoLiveLesson(db, DEMO_LEARNER_EMAIL, new Date(), { joinFree: opts.nodeEnv === "development" });
  if (live) log(`Demo live class: /live/${live.lessonId}, starting within 20 minutes; sign in as ${live.learnerEmail ?? "an enrolled learner"} (the demo password) or a course admin.`);
  // A few learning paths through the catalogue (only while there is none).
  if (opts.nodeEnv === "development") {
    const { seedDemoPaths } = await import("../../lib/paths/seed");
    await seedDemoPaths(db, log);
  }
  // Lab lessons open a real shell (lib/labs): each seeded one gets the demo exercise.
  const { seedDemoLabs } = await import("./demo-lab");
  await seedDemoLabs(db, log);
  // The search index is derived data: rebuild it so search finds exactly what was seeded, then drop cached
  // catalogue reads (Redis may be down while seeding; the caches' short lifetimes cover that case).
  const { reindexAll } = await import("../../lib/search");
  const { indexed } = await reindexAll();
  log(`Search index rebuilt (${indexed} courses).`);
  const { invalidateTags } = await import("../../lib/cache");
  const { CATALOGUE_TAGS } = await import("../../lib/catalogue/tags");
  await invalidateTags(Object.values(CATALOGUE_TAGS)).catch(() => log("Redis unavailable: cached catalogue reads expire on their own."));
  return { ...(await counts(db)), created };
}
