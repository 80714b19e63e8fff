// npm run rbac:scan — finds every admin page, API route and server action and writes
// lib/rbac/resources.generated.ts. `--check` only reports whether the file is current (exit 1 if not).
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "./local/profile";
import { GENERATED_FILE, renderGenerated, scan } from "./rbac/scanner";

const result = scan(projectRoot);
if (result.errors.length > 0) {
  console.error(`[rbac] ${result.errors.length} unguarded or malformed admin resource(s):\n  ${result.errors.join("\n  ")}`);
  process.exit(1);
}
const file = path.join(projectRoot, GENERATED_FILE);
const text = renderGenerated(result.resources);
const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
if (process.argv.includes("--check")) {
  if (current !== text) {
    console.error(`[rbac] ${GENERATED_FILE} is stale: run \`npm run rbac:scan\`.`);
    process.exit(1);
  }
  console.log(`[rbac] ${result.resources.length} resources, ${GENERATED_FILE} is current.`);
} else {
  if (current !== text) fs.writeFileSync(file, text);
  console.log(`[rbac] ${result.resources.length} resources from ${result.scannedFiles.length} files ${current === text ? "(unchanged)" : `written to ${GENERATED_FILE}`}.`);
}
