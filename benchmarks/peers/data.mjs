// Reads what the .NET side wrote into the data folder: the catalog's search text, the title and query vectors
// (all-MiniLM-L6-v2, embedded once by ProductSearch) and the queries. Every peer gets exactly these.
import fs from "node:fs";
import path from "node:path";

export function readData(folder) {
  const meta = JSON.parse(fs.readFileSync(path.join(folder, "meta.json"), "utf8"));
  const docs = fs.readFileSync(path.join(folder, "docs.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  const queries = JSON.parse(fs.readFileSync(path.join(folder, "queries.json"), "utf8"));
  const titleVectors = readRows(path.join(folder, "titles.f32"), meta.dimensions, docs.length);
  const queryVectors = readRows(path.join(folder, "queries.f32"), meta.dimensions, queries.length);
  return { meta, docs, queries, titleVectors, queryVectors };
}

// Little-endian float32 rows, one per document or query, in file order.
function readRows(file, dimensions, count) {
  const bytes = fs.readFileSync(file);
  if (bytes.length !== dimensions * count * 4) throw new Error(`${file}: ${bytes.length} bytes, expected ${count} x ${dimensions} float32`);
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  return Array.from({ length: count }, (_, i) => all.slice(i * dimensions, (i + 1) * dimensions));
}
