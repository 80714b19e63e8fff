// Finds every resource of the admin surface in the source itself, so the permission list cannot drift from
// the code: pages and route handlers under /admin and /api/v1/admin, and server actions in "use server"
// modules. Each must be wrapped in its guard (adminPage / adminApi / adminAction) with a literal declaration;
// anything unguarded is an error. `npm run rbac:scan` writes lib/rbac/resources.generated.ts from the result,
// and a test fails when that file is stale or when the scan reports errors.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { permissionCategories } from "../../db/schema/rbac";
import { BUILTIN_ROLES, HTTP_METHODS, resourceKey, type BuiltinRole, type PermissionCategory, type Resource, type ResourceDeclaration, type ResourceKind, type ResourceMethod } from "../../lib/rbac/types";

export interface ScanResult {
  resources: Resource[];
  errors: string[];
  /** Every admin page, API route file and admin action module looked at, for the report. */
  scannedFiles: string[];
}

const SOURCE_EXT = /\.(ts|tsx)$/;
const IGNORED_DIRS = new Set(["node_modules", ".next", ".git", ".data"]);

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".next") || IGNORED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (SOURCE_EXT.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** The URL pattern of an app/ file: route groups and parallel-route slots removed. */
export function urlPattern(appRelative: string): string {
  const segments = appRelative.split(path.sep).slice(0, -1);
  const kept = segments.filter((s) => !(s.startsWith("(") && s.endsWith(")")) && !s.startsWith("@"));
  return `/${kept.join("/")}`;
}

const isAdminUrl = (url: string) => url === "/admin" || url.startsWith("/admin/") || url === "/api/v1/admin" || url.startsWith("/api/v1/admin/");

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function hasUseServer(source: ts.SourceFile): boolean {
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === "use server") return true;
  }
  return false;
}

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const isDefault = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

function guardCall(expression: ts.Expression | undefined, guard: string): ts.CallExpression | undefined {
  if (!expression) return undefined;
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === guard ? e : undefined;
}

function readDeclaration(node: ts.Expression | undefined, where: string, errors: string[]): ResourceDeclaration | undefined {
  if (!node || !ts.isObjectLiteralExpression(node)) {
    errors.push(`${where}: the declaration must be an object literal { category, zh, en, roles }`);
    return undefined;
  }
  const values = new Map<string, ts.Expression>();
  for (const prop of node.properties) {
    if (ts.isPropertyAssignment(prop) && (ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name))) values.set(prop.name.text, prop.initializer);
    else errors.push(`${where}: unsupported property in the declaration (use plain \`name: literal\`)`);
  }
  const text = (name: string): string | undefined => {
    const v = values.get(name);
    if (v && (ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v)) && v.text.trim()) return v.text;
    errors.push(`${where}: \`${name}\` must be a non-empty string literal`);
    return undefined;
  };
  const category = text("category");
  const zh = text("zh");
  const en = text("en");
  if (category && !(permissionCategories as readonly string[]).includes(category)) errors.push(`${where}: unknown category "${category}" (one of ${permissionCategories.join(", ")})`);
  const rolesNode = values.get("roles");
  const roles: BuiltinRole[] = [];
  if (!rolesNode || !ts.isArrayLiteralExpression(rolesNode)) errors.push(`${where}: \`roles\` must be an array literal of built-in role keys`);
  else {
    for (const el of rolesNode.elements) {
      if (ts.isStringLiteral(el) && (BUILTIN_ROLES as readonly string[]).includes(el.text)) roles.push(el.text as BuiltinRole);
      else errors.push(`${where}: \`roles\` holds something that is not a built-in role key`);
    }
    if (roles.length === 0) errors.push(`${where}: \`roles\` must name at least one role meant to use it`);
  }
  if (!category || !zh || !en) return undefined;
  return { category: category as PermissionCategory, zh, en, roles };
}

function literal(node: ts.Expression | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

function makeResource(kind: ResourceKind, method: ResourceMethod, route: string, decl: ResourceDeclaration, file: string, symbol?: string): Resource {
  const resource: Resource = { key: resourceKey(method, route), kind, method, route, category: decl.category, nameZh: decl.zh, nameEn: decl.en, roles: [...decl.roles].sort(), file };
  return symbol ? { ...resource, symbol } : resource;
}

function scanPage(source: ts.SourceFile, rel: string, url: string, out: ScanResult): void {
  let call: ts.CallExpression | undefined;
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) call = guardCall(statement.expression, "adminPage");
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && isExported(statement) && isDefault(statement)) call = undefined;
  }
  if (!call) return void out.errors.push(`${rel}: an admin page must be \`export default adminPage("${url}", { category, zh, en, roles }, async function Page(props, admin) {...})\``);
  const route = literal(call.arguments[0]);
  if (route !== url) return void out.errors.push(`${rel}: adminPage names "${route ?? "(not a literal)"}" but the file serves "${url}"`);
  const decl = readDeclaration(call.arguments[1], rel, out.errors);
  if (decl) out.resources.push(makeResource("page", "GET", url, decl, rel));
}

function scanRoute(source: ts.SourceFile, rel: string, url: string, out: ScanResult): void {
  let found = 0;
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name && (HTTP_METHODS as readonly string[]).includes(statement.name.text)) {
      out.errors.push(`${rel}: ${statement.name.text} must be \`export const ${statement.name.text} = adminApi(...)\``);
      continue;
    }
    if (!ts.isVariableStatement(statement) || !isExported(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (!ts.isIdentifier(d.name)) continue;
      const method = d.name.text;
      if (!(HTTP_METHODS as readonly string[]).includes(method) && method !== "HEAD" && method !== "OPTIONS") continue;
      const call = guardCall(d.initializer, "adminApi");
      if (!call || (method as string) === "HEAD" || (method as string) === "OPTIONS") {
        out.errors.push(`${rel}: ${method} must be \`export const ${method} = adminApi("${url}", { category, zh, en, roles }, handler)\``);
        continue;
      }
      const route = literal(call.arguments[0]);
      if (route !== url) {
        out.errors.push(`${rel}: adminApi for ${method} names "${route ?? "(not a literal)"}" but the file serves "${url}"`);
        continue;
      }
      const decl = readDeclaration(call.arguments[1], `${rel} ${method}`, out.errors);
      if (decl) out.resources.push(makeResource("api", method as ResourceMethod, url, decl, rel));
      found += 1;
    }
  }
  if (found === 0 && !out.errors.some((e) => e.startsWith(rel))) out.errors.push(`${rel}: an admin route file exports no guarded handler`);
}

const isAdminModule = (rel: string) => /(^|\/)admin(\/|[-.])/.test(rel.split(path.sep).join("/"));

function scanActions(source: ts.SourceFile, rel: string, out: ScanResult): void {
  const adminModule = isAdminModule(rel);
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement)) {
      if (adminModule) out.errors.push(`${rel}: ${statement.name?.text ?? "default"} must be \`export const name = adminAction("domain.verb", {...}, async (admin, ...) => {...})\``);
      continue;
    }
    if (!ts.isVariableStatement(statement) || !isExported(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      const name = ts.isIdentifier(d.name) ? d.name.text : "?";
      const call = guardCall(d.initializer, "adminAction");
      if (!call) {
        if (adminModule) out.errors.push(`${rel}: ${name} is exported from an admin action module without adminAction(...)`);
        continue;
      }
      const actionName = literal(call.arguments[0]);
      if (!actionName || !/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(actionName)) {
        out.errors.push(`${rel}: ${name}: the action name must be a literal like "users.setDisabled"`);
        continue;
      }
      if (!adminModule) out.errors.push(`${rel}: adminAction "${actionName}" lives outside an admin action module (put it in lib/<domain>/admin-actions.ts)`);
      const decl = readDeclaration(call.arguments[1], `${rel} ${name}`, out.errors);
      if (decl) out.resources.push(makeResource("action", "ACTION", actionName, decl, rel, name));
    }
  }
}

function resolveImport(root: string, fromFile: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(fromFile), specifier);
  else return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export function scan(root: string): ScanResult {
  const out: ScanResult = { resources: [], errors: [], scannedFiles: [] };
  const appDir = path.join(root, "app");
  const useServer = new Set<string>();

  for (const file of [...walk(appDir), ...walk(path.join(root, "lib")), ...walk(path.join(root, "components"))]) {
    const rel = path.relative(root, file);
    const source = parse(file);
    if (file.startsWith(appDir + path.sep)) {
      const base = path.basename(file);
      const url = urlPattern(path.relative(appDir, file));
      if (isAdminUrl(url) && /^page\.tsx?$/.test(base)) {
        out.scannedFiles.push(rel);
        scanPage(source, rel, url, out);
      } else if (isAdminUrl(url) && /^route\.tsx?$/.test(base)) {
        out.scannedFiles.push(rel);
        scanRoute(source, rel, url, out);
      }
    }
    if (hasUseServer(source)) {
      useServer.add(file);
      if (isAdminModule(rel)) out.scannedFiles.push(rel);
      scanActions(source, rel, out);
    }
  }

  // The admin UI may only call admin actions: importing a learner-side action module there would put an
  // unguarded write behind an admin screen.
  for (const file of [...walk(path.join(appDir)), ...walk(path.join(root, "components", "admin"))]) {
    const rel = path.relative(root, file);
    const inAdminUi = rel.startsWith(path.join("components", "admin")) || isAdminUrl(urlPattern(path.relative(appDir, file)));
    if (!inAdminUi) continue;
    for (const statement of parse(file).statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const target = resolveImport(root, file, statement.moduleSpecifier.text);
      if (target && useServer.has(target) && !isAdminModule(path.relative(root, target))) {
        out.errors.push(`${rel}: imports server actions from ${path.relative(root, target)}, which is not an admin action module`);
      }
    }
  }

  const seen = new Map<string, string>();
  for (const r of out.resources) {
    const other = seen.get(r.key);
    if (other) out.errors.push(`${r.file}: "${r.key}" is declared twice (also in ${other})`);
    seen.set(r.key, r.file);
  }
  out.resources.sort((a, b) => a.key.localeCompare(b.key));
  out.scannedFiles.sort();
  return out;
}

export const GENERATED_FILE = path.join("lib", "rbac", "resources.generated.ts");

export function renderGenerated(resources: readonly Resource[]): string {
  const rows = resources.map((r) => `  ${JSON.stringify({ ...r, file: r.file.split(path.sep).join("/") })},`).join("\n");
  return [
    "// Generated by `npm run rbac:scan` from the guards in app/ and lib/ (scripts/rbac/scanner.ts). Do not edit:",
    "// change the declaration at the guard and run the scan again. A test fails when this file is stale.",
    'import type { Resource } from "./types";',
    "",
    "export const RESOURCES: readonly Resource[] = [",
    rows,
    "];",
    "",
  ].join("\n");
}
