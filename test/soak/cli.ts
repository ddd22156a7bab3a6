/**
 * `npm run soak`: the model-based soak for as long as asked, then its figures. Bundled and started by
 * scripts/soak.mjs, which passes the command line on. Exit 1 on any violation, with the shrunk sequence.
 */
import { KNOWN_BUGS } from "./world";
import { report, soak } from "./model";

type BugName = keyof typeof KNOWN_BUGS;

function options(args: string[]) {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const minutes = Number(value("--minutes") ?? 2);
  const seed = value("--seed");
  const known = args.indexOf("--known-bugs");
  const named = known >= 0 ? args[known + 1] : undefined;
  const knownBugs: boolean | BugName[] = known < 0 ? false : !named || named.startsWith("--") ? true : (named.split(",") as BugName[]);
  if (!(minutes > 0) || (seed !== undefined && !/^\d+$/.test(seed))) throw new Error("usage: npm run soak -- [--minutes N] [--seed S] [--path P [--replay-path R]] [--known-bugs [name,...]]");
  if (Array.isArray(knownBugs)) for (const name of knownBugs) if (!(name in KNOWN_BUGS)) throw new Error(`unknown bug ${name}; known: ${Object.keys(KNOWN_BUGS).join(", ")}`);
  return { seconds: minutes * 60, seed: seed === undefined ? undefined : Number(seed), path: value("--path"), replayPath: value("--replay-path"), knownBugs };
}

async function main(): Promise<void> {
  const run = await soak(options(process.argv.slice(2)));
  console.log(report(run));
  if (run.failure) {
    console.log(`\nviolation, shrunk to the shortest sequence (replay: npm run soak -- --seed ${run.seed} --path <path> --replay-path <replayPath>, both below):\n${run.failure}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
