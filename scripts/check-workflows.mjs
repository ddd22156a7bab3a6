#!/usr/bin/env node
// Checks what the code host runs before it gets there, so a broken workflow fails .ci/run here rather than
// as a red run (or no run at all) after a push:
//   .github/workflows/*.yml   against GitHub's workflow schema (@action-validator/core: WASM, no download)
//   .github/dependabot.yml    against lib/dependabot-schema.mjs, and the platform-library rule below
//
//   node scripts/check-workflows.mjs [--root DIR]
//
// The rule: React and Fluent come from the platform at the versions the manifest names (platform-library),
// so Dependabot must never move react, react-dom or @fluentui/react past them: the bundle would be built
// and tested against a library the platform does not load. Exit 0 when all is well, 1 with every problem.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import actionValidator from "@action-validator/core";
import Ajv from "ajv";
import YAML from "yaml";
import { dependabotSchema } from "./lib/dependabot-schema.mjs";
import { PATHS, parseControlManifest, readText } from "./lib/project.mjs";

const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WORKFLOWS = ".github/workflows";
const DEPENDABOT = ".github/dependabot.yml";
/** npm packages each manifest platform library stands for. */
const PLATFORM_PACKAGES = { React: ["react", "react-dom"], Fluent: ["@fluentui/react"] };

/**
 * action-validator nests every branch of a failed oneOf (a job is a normal job or a reusable-workflow call);
 * the branch with the fewest errors is the one that was meant, and its innermost errors say what is wrong.
 */
function leafErrors(errors) {
  return errors.flatMap((error) => {
    if (!error.states?.length) return [error];
    const branches = error.states.map((state) => leafErrors(state.errors));
    return branches.reduce((best, branch) => (branch.length < best.length ? branch : best));
  });
}

export function workflowProblems(text) {
  const messages = leafErrors(actionValidator.validateWorkflow(text).errors).map((error) => {
    const where = error.location ? `line ${error.location.line}` : error.path || "/";
    return `${where}: ${error.title}${error.detail ? ` (${error.detail})` : ""}`;
  });
  return [...new Set(messages)];
}

const validateDependabot = new Ajv({ allErrors: true }).compile(dependabotSchema);

export function dependabotProblems(text, platformLibraries) {
  const document = YAML.parseDocument(text); // Duplicate keys are errors here, as they are on the host.
  if (document.errors.length > 0) return document.errors.map((error) => error.message.split("\n")[0]);
  const config = document.toJS();
  if (!validateDependabot(config)) {
    return validateDependabot.errors.map((error) => {
      const extra = error.params.additionalProperty ?? error.params.allowedValues?.join(", ");
      return `${error.instancePath || "/"} ${error.message}${extra ? `: ${extra}` : ""}`;
    });
  }
  const npm = config.updates.find((entry) => entry["package-ecosystem"] === "npm");
  if (!npm) return ["no npm entry in updates"];
  const problems = [];
  for (const { name, version } of platformLibraries) {
    for (const dependency of PLATFORM_PACKAGES[name] ?? []) {
      const versions = [npm.ignore?.find((rule) => rule["dependency-name"] === dependency)?.versions ?? []].flat();
      if (!versions.includes(`>${version}`)) {
        problems.push(
          `npm ignore for ${dependency} must have versions [">${version}"]: the manifest's platform-library ` +
            `${name} is ${version}, and the platform loads no other`,
        );
      }
    }
  }
  return problems;
}

/** Problems per checked file (relative path → messages; an empty list is a pass). */
export function checkWorkflows(root = DEFAULT_ROOT) {
  const results = new Map();
  const workflowDir = path.join(root, WORKFLOWS);
  const workflows = fs.existsSync(workflowDir)
    ? fs.readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name)).sort()
    : [];
  if (workflows.length === 0) results.set(WORKFLOWS, ["no workflow found"]);
  for (const name of workflows) {
    results.set(`${WORKFLOWS}/${name}`, workflowProblems(fs.readFileSync(path.join(workflowDir, name), "utf8")));
  }
  const dependabotFile = path.join(root, DEPENDABOT);
  if (!fs.existsSync(dependabotFile)) results.set(DEPENDABOT, ["missing"]);
  else {
    const { platformLibraries } = parseControlManifest(readText(path.join(root, PATHS.manifest)).text);
    results.set(DEPENDABOT, dependabotProblems(fs.readFileSync(dependabotFile, "utf8"), platformLibraries));
  }
  return results;
}

function main() {
  const argv = process.argv.slice(2);
  const root = argv[0] === "--root" && argv[1] ? path.resolve(argv[1]) : DEFAULT_ROOT;
  let failed = 0;
  for (const [file, problems] of checkWorkflows(root)) {
    if (problems.length === 0) {
      console.log(`ok   ${file}`);
      continue;
    }
    failed++;
    console.error(`FAIL ${file}`);
    for (const problem of problems) console.error(`  - ${problem}`);
  }
  if (failed > 0) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
