// The house's ownership rules, read from the source (no database needed): every table with an owner is written
// by that owner alone. lib/enrolments grants and ends enrolments; lib/orders creates orders and moves their
// status; lib/memberships places and ends membership terms; lib/notifications stores notifications and the
// learners' channel preferences; lib/paths writes learning paths, follows and course updates; lib/reviews
// writes reviews and their votes, lib/qa lesson questions and answers, lib/moderation the word list, reports
// and mutes (and asks the other two to change a post's status); lib/live the live sessions, their chat,
// announcements and reminders. Another module that needs such a change calls the owner or reacts to its
// events (lib/orders/events.ts); it never writes the rows itself, neither through drizzle nor in raw SQL.
// Outside its owner a table may only be read: `.from(t)`, `…Join(t, …)`, its columns (`t.userId`), or
// `FROM ${t}` in a raw query. Anything else (handing the table to a helper, say) counts as a write, because
// a helper can write what it is given.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..");
const SCANNED = ["lib", "app", "components", "db", "scripts", "middleware.ts", "instrumentation.ts"];

/** The owned tables: the drizzle name, the SQL name, and the folder allowed to write them. */
const OWNED = [
  { table: "enrolments", sqlName: "enrolments", owner: "lib/enrolments/" },
  { table: "orders", sqlName: "orders", owner: "lib/orders/" },
  { table: "memberships", sqlName: "memberships", owner: "lib/memberships/" },
  { table: "membershipTerms", sqlName: "membership_terms", owner: "lib/memberships/" },
  { table: "notifications", sqlName: "notifications", owner: "lib/notifications/" },
  { table: "reviews", sqlName: "reviews", owner: "lib/reviews/" },
  { table: "reviewVotes", sqlName: "review_votes", owner: "lib/reviews/" },
  { table: "lessonPosts", sqlName: "lesson_posts", owner: "lib/qa/" },
  { table: "moderationWords", sqlName: "moderation_words", owner: "lib/moderation/" },
  { table: "contentReports", sqlName: "content_reports", owner: "lib/moderation/" },
  { table: "userMutes", sqlName: "user_mutes", owner: "lib/moderation/" },
  { table: "liveSessions", sqlName: "live_sessions", owner: "lib/live/" },
  { table: "liveMessages", sqlName: "live_messages", owner: "lib/live/" },
  { table: "liveAnnouncements", sqlName: "live_announcements", owner: "lib/live/" },
  { table: "liveReminders", sqlName: "live_reminders", owner: "lib/live/" },
  { table: "notificationPreferences", sqlName: "notification_preferences", owner: "lib/notifications/" },
  { table: "learningPaths", sqlName: "learning_paths", owner: "lib/paths/" },
  { table: "learningPathCourses", sqlName: "learning_path_courses", owner: "lib/paths/" },
  { table: "follows", sqlName: "follows", owner: "lib/paths/" },
  { table: "courseUpdates", sqlName: "course_updates", owner: "lib/paths/" },
] as const;

/** Files allowed to write an owned table anyway, each with its reason. Keep this list short. */
const EXEMPT: Record<string, { tables: string[]; reason: string }> = {
  "db/seed/index.ts": {
    tables: ["enrolments", "orders", "reviews", "lessonPosts"],
    reason: "writes the demo history (past purchases, abandoned orders, joins, reviews and lesson questions) in bulk into an empty database, before the app runs",
  },
};

/** The table definitions themselves (and their relations) name every table. */
const DEFINITIONS = "db/schema/";

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return [];
  }
  if (stat.isFile()) return /\.(ts|tsx|mts)$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [entry] : [];
  if (/(^|\/)(node_modules|migrations|\.next[^/]*)$/.test(entry)) return [];
  return readdirSync(full).flatMap((name) => sourceFiles(path.posix.join(entry, name)));
}

/** Source without comments (strings stay: raw SQL lives in them). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

const SCHEMA_MODULE = String.raw`["'](?:@\/db\/schema|(?:\.\.?\/)+(?:db\/)?schema)(?:\/[\w-]+)?["']`;
const IMPORT_LISTS = [
  new RegExp(String.raw`import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*${SCHEMA_MODULE}`, "g"),
  new RegExp(String.raw`\{([^}]*)\}\s*=\s*await\s+import\(\s*${SCHEMA_MODULE}\s*\)`, "g"),
];

/**
 * The local names under which a file brings in a schema table (`import { orders as o } from "@/db/schema"`),
 * and the code with those import lists blanked out (same length and lines), so that what is left is uses.
 */
function schemaNames(code: string, table: string): { names: string[]; uses: string } {
  const names = new Set<string>();
  let uses = code;
  for (const pattern of IMPORT_LISTS) {
    for (const m of code.matchAll(pattern)) {
      for (const part of m[1]!.split(",")) {
        const named = part.trim().match(/^(?:type\s+)?(\w+)(?:\s+(?:as|:)\s+(\w+))?$/);
        if (named && named[1] === table) names.add(named[2] ?? named[1]);
      }
      uses = uses.slice(0, m.index) + m[0].replace(/[^\n]/g, " ") + uses.slice(m.index + m[0].length);
    }
  }
  return { names: [...names], uses };
}

interface Finding {
  file: string;
  line: number;
  table: string;
  what: string;
}

const lineOf = (code: string, index: number) => code.slice(0, index).split("\n").length;

/** Every place in `code` that writes `table` (or may: the table handed on). */
export function writesOf(file: string, source: string): Finding[] {
  const code = withoutComments(source);
  const found: Finding[] = [];
  for (const { table, sqlName } of OWNED) {
    // Raw SQL, wherever it is written: INSERT/REPLACE INTO, UPDATE, DELETE FROM the table (named or interpolated).
    const raw = new RegExp(String.raw`\b(INSERT\s+(?:IGNORE\s+)?INTO|REPLACE\s+INTO|UPDATE(?:\s+IGNORE)?|DELETE\s+FROM)\s+[\x60"]?(?:\$\{\s*(?:\w+\.)?)?${sqlName}\b(?![\w.])`, "gi");
    for (const m of code.matchAll(raw)) found.push({ file, line: lineOf(code, m.index), table, what: `raw SQL ${m[1]!.toUpperCase().replace(/\s+/g, " ")} ${sqlName}` });
    // Drizzle's writers on the table, also as schema.<table>.
    const { names, uses } = schemaNames(code, table);
    const drizzle = new RegExp(String.raw`\.(insert|update|delete)\(\s*(?:\w+\.)?(${[table, ...names].join("|")})\s*\)`, "g");
    for (const m of code.matchAll(drizzle)) found.push({ file, line: lineOf(code, m.index), table, what: `.${m[1]}(${m[2]})` });
    // The imported table handed on as a value (an argument, an array item, a variable): a helper could write
    // it. Reading positions are fine: .from(t), .innerJoin(t, …).
    for (const name of names) {
      for (const m of uses.matchAll(new RegExp(String.raw`[(,=[]\s*(${name})\s*[,)\];]`, "g"))) {
        const at = m.index + m[0].indexOf(name, 1);
        const before = uses.slice(Math.max(0, at - 40), at);
        if (/(?:\.from|Join|join|\.(?:insert|update|delete))\(\s*$/.test(before)) continue;
        found.push({ file, line: lineOf(uses, at), table, what: `${name} handed on (a helper could write it)` });
      }
    }
  }
  return found;
}

function violations(): Finding[] {
  return SCANNED.flatMap(sourceFiles)
    .filter((file) => !file.startsWith(DEFINITIONS))
    .flatMap((file) => writesOf(file, readFileSync(path.join(ROOT, file), "utf8")))
    .filter((f) => !f.file.startsWith(OWNED.find((o) => o.table === f.table)!.owner))
    .filter((f) => !EXEMPT[f.file]?.tables.includes(f.table));
}

describe("table owners", () => {
  it("lets only lib/enrolments write enrolments, only lib/orders write orders (and so their status), only lib/memberships write memberships and their terms", () => {
    const found = violations().map((f) => `${f.file}:${f.line} writes ${f.table}: ${f.what}`);
    expect(found).toEqual([]);
  });

  it("gives a reason for every exemption, and exempts only files that exist and write what they are exempted for", () => {
    for (const [file, { tables, reason }] of Object.entries(EXEMPT)) {
      expect(reason.length, file).toBeGreaterThan(20);
      const written = new Set(writesOf(file, readFileSync(path.join(ROOT, file), "utf8")).map((f) => f.table));
      for (const table of tables) expect(written.has(table), `${file} no longer writes ${table}: drop the exemption`).toBe(true);
    }
  });

  it("recognises the ways a write is spelled (the rule's own check)", () => {
    const drizzleFile = `import { enrolments, orders as o } from "@/db/schema";\nawait tx.insert(enrolments).values(x);\nawait tx.update(o).set({ status: "closed" });\n`;
    expect(writesOf("lib/x.ts", drizzleFile).map((f) => f.what)).toEqual([".insert(enrolments)", ".update(o)"]);
    expect(writesOf("lib/x.ts", "import * as schema from '@/db/schema';\nawait db.delete(schema.enrolments);").map((f) => f.what)).toEqual([".delete(enrolments)"]);
    const rawFile = "await tx.execute(sql`INSERT IGNORE INTO enrolments (user_id) VALUES (1)`);\nawait tx.execute(sql`UPDATE ${orders} SET status = 'closed'`);\nawait tx.execute(sql`delete from enrolments`);";
    expect(writesOf("lib/x.ts", rawFile).map((f) => f.what)).toEqual(["raw SQL INSERT IGNORE INTO enrolments", "raw SQL DELETE FROM enrolments", "raw SQL UPDATE orders"]);
    expect(writesOf("lib/x.ts", `import { enrolments } from "@/db/schema";\nawait insertAll(tx, enrolments, rows);`).map((f) => f.what)).toEqual(["enrolments handed on (a helper could write it)"]);
    // Reads are fine.
    const reads = `import { enrolments, orders } from "@/db/schema";\nconst a = await db().select({ id: enrolments.id }).from(enrolments).innerJoin(orders, eq(orders.userId, enrolments.userId));\nconst b = await db().execute(sql\`SELECT id FROM enrolments WHERE user_id = 1 FOR UPDATE\`);\nconst c = sql\`SELECT 1 FROM \${orders}\`;\n// tx.update(orders) in a comment\n`;
    expect(writesOf("lib/x.ts", reads)).toEqual([]);
  });
});
