/**
 * Issue 15: the model-based soak, short, inside the normal test run (`npm run soak` runs it for minutes). Any
 * violation fails the run with the shortest sequence that breaks an invariant and the seed and path to replay it.
 * The seed is fixed so CI is repeatable (a slower machine runs a prefix of the same sequences); SOAK_SEED and
 * SOAK_SECONDS change it.
 */
import { report, soak } from "./model";

const seconds = Number(process.env.SOAK_SECONDS ?? 25);
const seed = Number(process.env.SOAK_SEED ?? 20261202);

it(`thousands of edits under injected faults lose nothing and count nothing twice (${seconds} s, seed ${seed})`, async () => {
  const run = await soak({ seconds, seed });
  console.info(report(run));
  expect(run.failure).toBeUndefined();
  expect(run.figures.violations).toBe(0);
  // It did real work: sequences ran, faults were injected, check-ins were saved, invariants were checked.
  expect(run.figures.sequences).toBeGreaterThan(100);
  expect(run.figures.checkIns).toBeGreaterThan(100);
  expect(Object.keys(run.figures.faults).length).toBeGreaterThanOrEqual(6);
  expect(run.figures.checks).toBeGreaterThan(10_000);
}, (seconds + 60) * 1000);
