// Figures → statistics, goals, the printed table and the JSON report.
import { cpus, loadavg, totalmem } from "node:os";
import { readFileSync } from "node:fs";

export function median(values) {
  const sorted = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function stats(values) {
  const finite = values.filter((v) => typeof v === "number" && Number.isFinite(v));
  if (finite.length === 0) return { median: undefined, min: undefined, max: undefined, n: 0, values: [] };
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), n: finite.length, values: finite };
}

/**
 * The goals. `better`: "lower" (met when median < limit), "atMost" (median ≤ limit).
 * Only figures with a goal get a verdict; the rest print "–".
 */
export const GOALS = {
  bundleBytes: { limit: 100000, better: "atMost", text: "≤ 100,000 B (tripwire)" },
  warmMountMs: { limit: 25, better: "lower", text: "< 25 ms" },
  refreshMs: { limit: 5, better: "lower", text: "< 5 ms" },
  refreshRowRenders: { limit: 0, better: "atMost", text: "changed rows only (0)" },
  unchangedMs: { limit: 0.3, better: "lower", text: "< 0.3 ms" },
  elementsPerRow: { limit: 16, better: "atMost", text: "≤ 16" },
  heapGrowthMB: { limit: 3, better: "lower", text: "< 3 MB (5,000 rows)" },
  checkInPaintMs: { limit: 16, better: "atMost", text: "≤ 16 ms (1 frame)" },
  deskPaintMs: { limit: 16.7, better: "atMost", text: "≤ 16.7 ms (1 frame)" },
  bulkWallS: { limit: 8, better: "lower", text: "< 8 s" },
  // The pace's ceiling; Dataverse's own limit is 52 concurrent requests per user and web server.
  bulkMaxInFlight: { limit: 16, better: "atMost", text: "≤ 16 (Dataverse: 52)" },
};

export function verdict(goalKey, value) {
  const goal = GOALS[goalKey];
  if (!goal || value === undefined) return undefined;
  return goal.better === "atMost" ? value <= goal.limit : value < goal.limit;
}

export function machineInfo(chromium) {
  let cpuModel = cpus()[0]?.model ?? "unknown";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"));
    if (line) cpuModel = line.split(":").slice(1).join(":").trim();
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    cpu: cpuModel,
    cores: cpus().length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${process.platform} ${process.arch}`,
    chromium,
    node: process.version,
    date: new Date().toISOString(),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

const fmt = (value, unit) => {
  if (value === undefined) return "n/a";
  if (unit === "B") return `${Math.round(value).toLocaleString("en-US")} B`;
  if (unit === "MB") return `${value.toFixed(2)} MB`;
  if (unit === "s") return `${value.toFixed(2)} s`;
  if (unit === "ms") return value < 1 ? `${value.toFixed(3)} ms` : value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
  if (unit === "x") return Number.isInteger(value) ? String(value) : value.toFixed(1);
  return String(value);
};

/** rows: [{ label, unit, stats, goal? }] → the printed table (figure | median | min | max | goal | met?). */
export function formatTable(rows) {
  const header = ["figure", "median", "min", "max", "goal", "met?"];
  const lines = rows.map((r) => {
    if (r.section) return { section: r.section };
    const met = r.goal ? verdict(r.goal, r.stats.median) : undefined;
    return [r.label, fmt(r.stats.median, r.unit), fmt(r.stats.min, r.unit), fmt(r.stats.max, r.unit), r.goal ? GOALS[r.goal].text : "–", met === undefined ? "–" : met ? "yes" : "NO"];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.filter(Array.isArray).map((l) => l[i].length)));
  const pad = (cells) => cells.map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ");
  const out = [pad(header), widths.map((w) => "-".repeat(w)).join("-|-")];
  for (const l of lines) out.push(Array.isArray(l) ? pad(l) : `${l.section}`);
  return out.join("\n");
}

/** The same table as Markdown, for docs/PERFORMANCE.md. */
export function markdownTable(rows) {
  const out = ["| Figure | Median | Min | Max | Goal | Met? |", "| --- | ---: | ---: | ---: | --- | --- |"];
  for (const r of rows) {
    if (r.section) {
      out.push(`| **${r.section}** | | | | | |`);
      continue;
    }
    const met = r.goal ? verdict(r.goal, r.stats.median) : undefined;
    out.push(`| ${r.label} | ${fmt(r.stats.median, r.unit)} | ${fmt(r.stats.min, r.unit)} | ${fmt(r.stats.max, r.unit)} | ${r.goal ? GOALS[r.goal].text : "–"} | ${met === undefined ? "–" : met ? "yes" : "**no**"} |`);
  }
  return out.join("\n");
}
