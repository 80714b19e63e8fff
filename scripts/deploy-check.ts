// npm run deploy:check [-- --write] — the offline checks of deploy/ (scripts/stack/deploy-files.ts): the
// Dockerfile, the Compose file, the Kubernetes manifests and the nginx configuration. --write refreshes
// deploy/compose/nginx.conf from the template.
import { TOOLS, ensureTools } from "./local/packages";
import { checkComposeNginxFresh, checkCompose, checkDockerfile, checkKubernetes, checkNginxSyntax, type Finding } from "./stack/deploy-files";

async function main(): Promise<void> {
  ensureTools([TOOLS.nginx, TOOLS.nginxBrotli], (msg) => console.log(`[deploy] ${msg}`));
  const k8s = await checkKubernetes();
  const results: Array<[string, Finding[]]> = [
    ["deploy/Dockerfile (dockerfile-utils)", await checkDockerfile()],
    ["deploy/compose/compose.yaml (Compose Specification schema)", await checkCompose()],
    [`deploy/k8s (${k8s.objects.length} objects, Kubernetes API schemas)`, k8s.findings],
    ["deploy/nginx/xuefu.conf (nginx -t)", checkNginxSyntax()],
    ["deploy/compose/nginx.conf (rendered from the template)", checkComposeNginxFresh(process.argv.includes("--write"))],
  ];
  let failed = 0;
  for (const [what, findings] of results) {
    console.log(`${findings.length === 0 ? "ok  " : "FAIL"} ${what}`);
    for (const f of findings) console.log(`     ${f.file}: ${f.problem}`);
    failed += findings.length;
  }
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`[deploy] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
