// Course authoring end to end, as the demo course admin in the default language (Chinese): create a course
// in the editor (typing a heading, a list, a link and a code block into Tiptap), upload a cover image, save,
// add two chapters and reorder them with the keyboard (move buttons and dnd-kit dragging), preview, publish, and find it in the public API. Then the
// API refuses to store script in a description. The courses made here are archived and deleted at the end.
import { randomUUID } from "node:crypto";
import zlib from "node:zlib";
import { expect, test, type APIRequestContext } from "@playwright/test";
import zh from "../lib/i18n/messages/zh-CN.json";
import { apiToken, signIn } from "./support/auth";
import { query } from "./support/db";

const t = zh.CourseEditor;

/** A real 2×2 PNG, made here: signature, IHDR, one IDAT, IEND. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.from([0, 220, 40, 40, 40, 120, 220, 0, 250, 200, 0, 30, 30, 30]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

const cleanup: { id: number; token: string }[] = [];

async function removeCourse(request: APIRequestContext, id: number, token: string) {
  const headers = { authorization: `Bearer ${token}` };
  await request.patch(`/api/v1/admin/courses/${id}`, { headers, data: { status: "archived" } });
  await request.delete(`/api/v1/admin/courses/${id}`, { headers });
}

test.afterAll(async ({ request }) => {
  for (const { id, token } of cleanup) await removeCourse(request, id, token);
});

test("the course admin writes, illustrates, structures, previews and publishes a course", async ({ page, request }) => {
  test.slow(); // a production build on a shared two-core machine, several server round trips
  const run = randomUUID().slice(0, 8);
  const slug = `e2e-editor-${run}`;
  const title = `端到端编辑课程${run}`;

  await signIn(page, "course-admin@example.com", "/admin/courses");
  await page.getByRole("link", { name: t.newCourse }).click();
  await page.waitForURL("**/admin/courses/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.newTitle);

  await page.getByLabel(t.fields.title, { exact: true }).fill(title);
  await page.getByLabel(t.fields.slug, { exact: true }).fill(slug);
  await page.getByLabel(t.fields.subtitle, { exact: true }).fill("从零开始");
  await page.getByLabel(t.fields.price, { exact: true }).fill("99.00");
  await page.getByLabel(t.fields.tags, { exact: true }).fill("端到端, editor");

  // Tiptap: a heading, a list, a link, a code block.
  const editor = page.getByRole("textbox", { name: t.fields.description });
  await editor.click();
  await page.getByRole("button", { name: t.toolbar.h2, exact: true }).click();
  await page.keyboard.type("Course overview");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: t.toolbar.bulletList }).click();
  await page.keyboard.type("First point");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Second point");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  // A code block (left with a triple Enter), then a paragraph whose last word becomes a link.
  await page.getByRole("button", { name: t.toolbar.codeBlock }).click();
  await page.keyboard.type("const answer = 42;");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Enter");
  await page.keyboard.type("Read the Docs");
  for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.getByRole("button", { name: t.toolbar.link, exact: true }).click();
  await page.getByLabel(t.toolbar.linkUrl).fill("https://example.com/docs");
  await page.getByRole("button", { name: t.toolbar.applyLink }).click();
  await expect(editor.locator("h2")).toHaveText("Course overview");
  await expect(editor.locator("ul li")).toHaveCount(2);
  await expect(editor.locator('a[href="https://example.com/docs"]')).toHaveText("Docs");
  await expect(editor.locator("pre code")).toContainText("const answer = 42;");

  // The cover, uploaded through the upload route.
  await page.getByLabel(t.fields.coverUrl, { exact: true }).setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: tinyPng() });
  const cover = page.getByRole("img", { name: t.coverAlt });
  await expect(cover).toHaveAttribute("src", /^\/uploads\/images\/\d{4}\/\d{2}\/[0-9a-f]{32}\.png$/);
  const coverSrc = (await cover.getAttribute("src"))!;
  const served = await request.get(coverSrc);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");

  await page.getByRole("button", { name: t.create }).click();
  await page.waitForURL(/\/admin\/courses\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  const token = await apiToken(request, "course-admin@example.com");
  cleanup.push({ id, token });
  await expect(page.locator("[role=status]", { hasText: t.messages.created })).toBeVisible();

  const [stored] = await query<{ description: string; cover_url: string; status: string }>("SELECT description, cover_url, status FROM courses WHERE id = ?", [id]);
  expect(stored).toMatchObject({ cover_url: coverSrc, status: "draft" });
  expect(stored!.description).toContain("<h2>Course overview</h2>");
  expect(stored!.description).toMatch(/<ul><li><p>First point<\/p><\/li><li><p>Second point<\/p><\/li><\/ul>/);
  expect(stored!.description).toMatch(/<a [^>]*href="https:\/\/example.com\/docs"[^>]*>Docs<\/a>/);
  expect(stored!.description).toContain('rel="noopener noreferrer nofollow"');
  expect(stored!.description).toMatch(/<pre><code class="language-plaintext">const answer = 42;<\/code><\/pre>/);

  // Two chapters, then the second moved above the first with the keyboard.
  await page.getByRole("button", { name: t.syllabus.addChapter }).click();
  await page.getByRole("button", { name: t.syllabus.addChapter }).click();
  await page.getByLabel("第 1 章标题").fill("基础篇");
  await page.getByLabel("第 2 章标题").fill("进阶篇");
  await page.getByRole("button", { name: t.syllabus.save }).click();
  await expect(page.locator("[role=status]", { hasText: t.messages.syllabusSaved })).toBeVisible();

  // With the keyboard: focus the second chapter's "move up" button and press Enter. (Each row also has a
  // dnd-kit drag handle for pointer and Space/arrow dragging.)
  await expect(page.getByRole("button", { name: /^移动章节 进阶篇/ })).toBeVisible();
  await page.getByRole("button", { name: "上移 进阶篇" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("第 1 章标题")).toHaveValue("进阶篇");
  await expect(page.getByLabel("第 2 章标题")).toHaveValue("基础篇");
  // And back and forth with dnd-kit's keyboard dragging: Space lifts, ArrowUp moves, Space drops.
  await page.getByRole("button", { name: /^移动章节 基础篇/ }).focus();
  await page.keyboard.press("Space");
  await page.waitForTimeout(300); // dnd-kit measures the rows after lifting
  await page.keyboard.press("ArrowUp");
  await page.waitForTimeout(300);
  await page.keyboard.press("Space");
  await expect(page.getByLabel("第 1 章标题")).toHaveValue("基础篇");
  await page.getByRole("button", { name: "上移 进阶篇" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("第 1 章标题")).toHaveValue("进阶篇");
  await page.getByRole("button", { name: t.syllabus.save }).click();
  await expect(page.locator("[role=status]", { hasText: t.messages.syllabusSaved })).toBeVisible();
  await expect.poll(async () => (await query<{ title: string }>("SELECT title FROM chapters WHERE course_id = ? ORDER BY position", [id])).map((c) => c.title)).toEqual(["进阶篇", "基础篇"]);

  // Preview: the sanitised HTML as learners will get it.
  await page.getByRole("button", { name: t.preview, exact: true }).click();
  const preview = page.getByTestId("course-preview");
  await expect(preview.locator("h2")).toHaveText("Course overview");
  await expect(preview.locator("pre code")).toHaveText("const answer = 42;");
  await expect(preview.locator('a[rel="noopener noreferrer nofollow"]')).toHaveText("Docs");

  await page.getByRole("button", { name: t.publish }).click();
  await expect(page.locator("[role=status]", { hasText: t.messages.published })).toBeVisible();

  const publicCourse = await request.get(`/api/v1/courses/${slug}`);
  expect(publicCourse.status()).toBe(200);
  const { data } = (await publicCourse.json()) as { data: { title: string; chapters: { title: string }[] } };
  expect(data.title).toBe(title);
  expect(data.chapters.map((c) => c.title)).toEqual(["进阶篇", "基础篇"]);
});

test("script pasted into a description through the API is never stored", async ({ request }) => {
  const token = await apiToken(request, "course-admin@example.com");
  const headers = { authorization: `Bearer ${token}` };
  const [category] = await query<{ id: number }>("SELECT id FROM categories ORDER BY id LIMIT 1");
  const [teacher] = await query<{ id: number }>("SELECT id FROM teachers ORDER BY id LIMIT 1");
  const created = await request.post("/api/v1/admin/courses", {
    headers,
    data: {
      slug: `e2e-xss-${randomUUID().slice(0, 8)}`,
      title: "XSS 测试课程",
      description: `<p>hello</p><img src=x onerror=alert(1)><script>alert(2)</script><a href="java&#x09;script:alert(3)">x</a>`,
      priceFen: 0,
      level: "beginner",
      language: "zh-CN",
      categoryId: Number(category!.id),
      teacherId: Number(teacher!.id),
    },
  });
  expect(created.status()).toBe(201);
  const { data } = (await created.json()) as { data: { id: number } };
  cleanup.push({ id: data.id, token });
  expect(created.headers()["location"]).toBe(`/api/v1/admin/courses/${data.id}`);

  const patched = await request.patch(`/api/v1/admin/courses/${data.id}`, { headers, data: { description: `<p>again</p><img src=x onerror=alert(1)>` } });
  expect(patched.status()).toBe(200);
  const [row] = await query<{ description: string }>("SELECT description FROM courses WHERE id = ?", [data.id]);
  expect(row!.description).toBe("<p>again</p>");
  expect(row!.description).not.toMatch(/onerror|<script|javascript:/i);
});
