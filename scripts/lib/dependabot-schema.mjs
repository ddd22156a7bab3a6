// JSON schema (draft-07, for ajv) of .github/dependabot.yml, version 2, written from GitHub's Dependabot
// options reference. Why our own: the npm workflow validator (@action-validator/core) knows workflows and
// actions only, and the published dependabot schema is fetched from the web, which CI here can't reach.
// Every documented option is allowed and unknown ones are refused, so a typo fails in .ci/run; if GitHub
// documents a new option, add it here. `registries` is kept loose (this repository uses none).
const strings = { type: "array", items: { type: "string", minLength: 1 } };
const stringOrStrings = { oneOf: [{ type: "string", minLength: 1 }, strings] };
const days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const schedule = {
  type: "object",
  additionalProperties: false,
  required: ["interval"],
  properties: {
    interval: { enum: ["daily", "weekly", "monthly", "quarterly", "semiannually", "yearly", "cron"] },
    day: { enum: days },
    time: { type: "string", pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$" },
    timezone: { type: "string", minLength: 1 },
    cronjob: { type: "string", minLength: 1 },
  },
};

const ignore = {
  type: "object",
  additionalProperties: false,
  required: ["dependency-name"],
  properties: {
    "dependency-name": { type: "string", minLength: 1 },
    versions: stringOrStrings,
    "update-types": {
      type: "array",
      items: { enum: ["version-update:semver-major", "version-update:semver-minor", "version-update:semver-patch"] },
    },
  },
};

const group = {
  type: "object",
  additionalProperties: false,
  anyOf: [{ required: ["patterns"] }, { required: ["dependency-type"] }, { required: ["update-types"] }],
  properties: {
    "applies-to": { enum: ["version-updates", "security-updates"] },
    "dependency-type": { enum: ["development", "production"] },
    patterns: strings,
    "exclude-patterns": strings,
    "update-types": { type: "array", items: { enum: ["major", "minor", "patch"] } },
    "group-by": { enum: ["dependency-name"] },
  },
};

const update = {
  type: "object",
  additionalProperties: false,
  required: ["package-ecosystem", "schedule"],
  oneOf: [{ required: ["directory"] }, { required: ["directories"] }],
  properties: {
    "package-ecosystem": {
      enum: [
        "bazel", "bun", "bundler", "cargo", "composer", "conda", "devcontainers", "docker", "docker-compose",
        "dotnet-sdk", "elm", "github-actions", "gitsubmodule", "gomod", "gradle", "helm", "julia", "maven", "mix",
        "npm", "nuget", "opentofu", "pip", "pre-commit", "pub", "rust-toolchain", "swift", "terraform", "uv", "vcpkg",
      ],
    },
    directory: { type: "string", pattern: "^/" },
    directories: { type: "array", minItems: 1, items: { type: "string", pattern: "^/" } },
    schedule,
    allow: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        properties: {
          "dependency-name": { type: "string", minLength: 1 },
          "dependency-type": { enum: ["direct", "indirect", "all", "production", "development"] },
        },
      },
    },
    assignees: strings,
    "commit-message": {
      type: "object",
      additionalProperties: false,
      properties: {
        prefix: { type: "string", maxLength: 50 },
        "prefix-development": { type: "string", maxLength: 50 },
        include: { const: "scope" },
      },
    },
    cooldown: {
      type: "object",
      additionalProperties: false,
      properties: {
        "default-days": { type: "integer", minimum: 1, maximum: 90 },
        "semver-major-days": { type: "integer", minimum: 1, maximum: 90 },
        "semver-minor-days": { type: "integer", minimum: 1, maximum: 90 },
        "semver-patch-days": { type: "integer", minimum: 1, maximum: 90 },
        include: strings,
        exclude: strings,
      },
    },
    "exclude-paths": strings,
    groups: { type: "object", minProperties: 1, additionalProperties: group },
    ignore: { type: "array", items: ignore },
    "insecure-external-code-execution": { enum: ["allow", "deny"] },
    labels: strings,
    milestone: { type: "integer", minimum: 1 },
    "multi-ecosystem-group": { type: "string", minLength: 1 },
    "open-pull-requests-limit": { type: "integer", minimum: 0 },
    patterns: strings,
    "pull-request-branch-name": {
      type: "object",
      additionalProperties: false,
      properties: { separator: { enum: ["-", "_", "/"] } },
    },
    "rebase-strategy": { enum: ["auto", "disabled"] },
    registries: { oneOf: [{ const: "*" }, strings] },
    reviewers: strings,
    "target-branch": { type: "string", minLength: 1 },
    vendor: { type: "boolean" },
    "versioning-strategy": { enum: ["auto", "increase", "increase-if-necessary", "lockfile-only", "widen"] },
  },
};

export const dependabotSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  additionalProperties: false,
  required: ["version", "updates"],
  properties: {
    version: { const: 2 },
    updates: { type: "array", minItems: 1, items: update },
    registries: { type: "object", additionalProperties: { type: "object", required: ["type"] } },
    "enable-beta-ecosystems": { type: "boolean" },
    "multi-ecosystem-groups": {
      type: "object",
      additionalProperties: {
        type: "object",
        required: ["schedule"],
        properties: { schedule, labels: strings, assignees: strings, "target-branch": { type: "string" } },
      },
    },
  },
};
