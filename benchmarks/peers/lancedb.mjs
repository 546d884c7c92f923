// LanceDB: vector search (exact: no ANN index, which LanceDB leaves to the user and this catalog's size does not
// need), full-text search (its BM25 FTS index, default tokenizer settings) and hybrid with its RRF reranker (k = 60).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { timeBuild, timeQueries } from "./timing.mjs";

export async function runLanceDb(data, minimumCalls) {
  const lancedb = await import("@lancedb/lancedb");
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "peers-lancedb-"));
  try {
    const { built: table, buildSeconds } = await timeBuild(async () => {
      const db = await lancedb.connect(folder);
      const rows = data.docs.map((d, i) => ({ id: d.id, text: d.text, vector: Array.from(data.titleVectors[i]) }));
      const t = await db.createTable("products", rows);
      await t.createIndex("text", { config: lancedb.Index.fts() });
      return t;
    });
    const rrf = await lancedb.rerankers.RRFReranker.create(60);
    const vectors = new Map(data.queries.map((q, i) => [q.id, Array.from(data.queryVectors[i])]));
    const ids = (rows) => rows.map((r) => r.id);
    const modes = {
      "full-text (BM25)": (q) => table.query().fullTextSearch(q.text).select(["id", "_score"]).limit(10).toArray().then(ids),
      "vector (exact)": (q) => table.vectorSearch(vectors.get(q.id)).distanceType("cosine").select(["id", "_distance"]).limit(10).toArray().then(ids),
      // Hybrid results carry neither _score nor _distance after reranking, so only the id is selected.
      "hybrid (RRF)": (q) => table.query().fullTextSearch(q.text).nearestTo(vectors.get(q.id)).distanceType("cosine").rerank(rrf)
        .select(["id"]).limit(10).toArray().then(ids),
    };
    const kinds = { "full-text (BM25)": "lexical", "vector (exact)": "dense", "hybrid (RRF)": "hybrid" };
    const results = [];
    for (const [mode, searchOne] of Object.entries(modes)) {
      results.push({ system: "LanceDB", mode, kind: kinds[mode], buildSeconds, ...(await timeQueries(data.queries, minimumCalls, searchOne)) });
    }
    return results;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
