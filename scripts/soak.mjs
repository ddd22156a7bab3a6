// npm run soak: bundles the model-based soak (test/soak, TypeScript) with esbuild and runs it in node.
// Options are passed on: --minutes N (default 2), --seed S, --path P --replay-path R (replay one case), --known-bugs [names].
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

const dir = mkdtempSync(join(tmpdir(), "soak-"));
const outfile = join(dir, "soak.cjs");
try {
  await build({ entryPoints: ["test/soak/cli.ts"], bundle: true, platform: "node", format: "cjs", target: "node20", outfile, logLevel: "warning" });
  const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
