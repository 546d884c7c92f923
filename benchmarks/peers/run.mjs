// Runs every peer on the data folder written by `ProductSearch.Benchmarks peers` and writes one JSON file of
// rankings and timings; the .NET side scores all systems with the same metric code and prints the table.
// Usage: node run.mjs --data DIR --out FILE [--min-calls N] [--hnsw-calls N] [--ef 16,32,64,128]
// A peer that fails to load (e.g. a native binary that did not install) is recorded as a failure, not fatal.
import fs from "node:fs";
import { readData } from "./data.mjs";
import { runLanceDb } from "./lancedb.mjs";
import { runOrama } from "./orama.mjs";
import { runHnswlib } from "./hnswlib.mjs";

// LanceDB logs deprecation notices for every hybrid query otherwise (its logger reads LANCEDB_LOG).
process.env.LANCEDB_LOG ??= "error";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
if (!args.data || !args.out) {
  console.error("usage: node run.mjs --data DIR --out FILE [--min-calls N] [--hnsw-calls N] [--ef 16,32,64,128]");
  process.exit(2);
}
const minimumCalls = Number(args["min-calls"] ?? 1000);
const hnswCalls = Number(args["hnsw-calls"] ?? 20000);
const efValues = (args.ef ?? "16,32,64,128").split(",").map(Number);
const data = readData(args.data);
// Read from node_modules directly: some packages' export maps hide their package.json from require().
const version = (name) => {
  try { return JSON.parse(fs.readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), "utf8")).version; } catch { return null; }
};

const output = {
  node: process.version,
  packages: Object.fromEntries(["@lancedb/lancedb", "@orama/orama", "hnswlib-node", "apache-arrow"].map((p) => [p, version(p)])),
  systems: [],
  failures: [],
};
for (const [name, run] of [["LanceDB", () => runLanceDb(data, minimumCalls)], ["Orama", () => runOrama(data, minimumCalls)], ["hnswlib-node", () => runHnswlib(data, hnswCalls, efValues)]]) {
  try {
    console.error(`[peers] ${name}…`);
    for (const result of await run()) {
      console.error(`[peers] ${result.system} ${result.mode}: ${result.qps.toFixed(0)} queries/s, p50 ${result.p50Ms.toFixed(3)} ms, build ${result.buildSeconds.toFixed(2)} s${result.errors ? `, ${result.errors} query errors (${result.firstError})` : ""}`);
      output.systems.push(result);
    }
  } catch (e) {
    console.error(`[peers] ${name} failed: ${e.stack ?? e}`);
    output.failures.push({ system: name, error: String(e.message ?? e) });
  }
}
fs.writeFileSync(args.out, JSON.stringify(output));
