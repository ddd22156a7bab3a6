#!/usr/bin/env node
// The release workflow's gate (.github/workflows/release.yml): a tag may only publish the version the
// zips will carry. Dataverse caches control bundles by the manifest's version, so a release tagged v1.2.4
// whose manifest still says 1.2.3 would import as "no change" and keep serving the old bundle.
//
//   npm run release:check -- v1.2.3
//   node scripts/check-release-tag.mjs refs/tags/v1.2.3        (GITHUB_REF's form)
//   node scripts/check-release-tag.mjs v1.2.3 --root <dir>     (another checkout; used by the tests)
//
// Exit 0: the tag, the manifest and every copy of the version agree. Exit 1: they don't, and every
// disagreement is named with both versions. Exit 2: bad arguments.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CONTROL_VERSION, PATHS, ProjectError, checkedVersion, readVersionCopies } from "./lib/project.mjs";

const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** "v1.2.3" or "refs/tags/v1.2.3" → "1.2.3"; anything else is not a release tag. */
export function tagVersion(tag) {
  const version = /^(?:refs\/tags\/)?v(.*)$/.exec(tag)?.[1];
  if (!version || !CONTROL_VERSION.test(version)) {
    throw new ProjectError([`"${tag}" is not a release tag: release tags are v<major>.<minor>.<patch>, e.g. v1.2.3`]);
  }
  return version;
}

/** The released version, or a ProjectError listing every way the tag and the checkout disagree. */
export function checkReleaseTag({ root = DEFAULT_ROOT, tag }) {
  const wanted = tagVersion(tag);
  const manifestVersion = readVersionCopies(root)[0].found;
  const problems = [];
  if (manifestVersion !== wanted) {
    problems.push(
      `tag ${tag} is version ${wanted} but ${PATHS.manifest} has control version ${manifestVersion}: ` +
        `tag this commit v${manifestVersion}, or tag a commit whose version is ${wanted} (npm run version:bump sets it)`,
    );
  }
  try {
    checkedVersion(root); // Solution.xml, package.json and package-lock.json must copy the manifest.
  } catch (error) {
    if (!(error instanceof ProjectError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0) throw new ProjectError(problems);
  return wanted;
}

function main() {
  const argv = process.argv.slice(2);
  let root = DEFAULT_ROOT;
  const tags = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--root" && argv[i + 1]) root = path.resolve(argv[++i]);
    else tags.push(argv[i]);
  }
  if (tags.length !== 1 || tags[0].startsWith("-")) {
    console.error("usage: node scripts/check-release-tag.mjs <v1.2.3 | refs/tags/v1.2.3> [--root DIR]");
    process.exitCode = 2;
    return;
  }
  try {
    const version = checkReleaseTag({ root, tag: tags[0] });
    console.log(`Release tag ${tags[0]} matches the control version ${version} and every copy of it.`);
  } catch (error) {
    if (!(error instanceof ProjectError)) throw error;
    console.error(`Release tag check failed for ${tags[0]}:`);
    for (const problem of error.problems) console.error(`  - ${problem}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
