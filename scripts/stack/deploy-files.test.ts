import { describe, expect, it } from "vitest";
import { checkCompose, checkComposeNginxFresh, checkDockerfile, checkKubernetes, checkManifest, checkNginxSyntax } from "./deploy-files";

describe("the reference deployment in deploy/", () => {
  it("passes every offline validator", async () => {
    expect(await checkDockerfile()).toEqual([]);
    expect(await checkCompose()).toEqual([]);
    const k8s = await checkKubernetes();
    expect(k8s.findings).toEqual([]);
    // Web, worker and gateway Deployments, the autoscaler, budgets, the migration job, the ingresses, the canary.
    expect(k8s.objects).toEqual(
      expect.arrayContaining(["Deployment/xuefu-web", "Deployment/xuefu-worker", "Deployment/xuefu-gateway", "HorizontalPodAutoscaler/xuefu-web", "PodDisruptionBudget/xuefu-web", "Job/xuefu-migrate-1-0-0", "Ingress/xuefu", "Ingress/xuefu-canary"]),
    );
    expect(checkNginxSyntax()).toEqual([]);
    expect(checkComposeNginxFresh()).toEqual([]);
  });

  it("whose validators reject broken files", async () => {
    expect((await checkDockerfile("FROM\nRUN\nEXPOSE not-a-port\n")).length).toBeGreaterThan(0);
    expect((await checkCompose("services:\n  web:\n    image: xuefu-web\n    ports: 80\n    restart_policy: always\n")).length).toBeGreaterThan(0);
    const broken = await checkManifest(
      "broken.yaml",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec:\n  replicas: two\n  template: { spec: { containers: [{ image: x }] } }\n",
    );
    expect(broken.findings.length).toBeGreaterThan(0);
    expect((await checkManifest("unknown.yaml", "apiVersion: example.com/v9\nkind: Thing\n")).findings[0]?.problem).toMatch(/no schema/);
  });
});
