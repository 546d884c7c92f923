// Orama: BM25 full-text, vector (exact cosine over all documents; similarity threshold 0 so it always returns k)
// and its hybrid mode with the default weights.
import { timeBuild, timeQueries } from "./timing.mjs";

export async function runOrama(data, minimumCalls) {
  const { create, insertMultiple, search } = await import("@orama/orama");
  const { built: db, buildSeconds } = await timeBuild(async () => {
    const db = create({ schema: { id: "string", text: "string", embedding: `vector[${data.meta.dimensions}]` } });
    await insertMultiple(db, data.docs.map((d, i) => ({ id: d.id, text: d.text, embedding: Array.from(data.titleVectors[i]) })), 1000);
    return db;
  });
  const vectors = new Map(data.queries.map((q, i) => [q.id, Array.from(data.queryVectors[i])]));
  const ids = (r) => r.hits.map((h) => h.document.id);
  const modes = {
    "BM25": async (q) => ids(await search(db, { term: q.text, properties: ["text"], limit: 10 })),
    "vector (exact)": async (q) => ids(await search(db, { mode: "vector", vector: { value: vectors.get(q.id), property: "embedding" }, similarity: 0, limit: 10 })),
    "hybrid": async (q) => ids(await search(db, { mode: "hybrid", term: q.text, properties: ["text"], vector: { value: vectors.get(q.id), property: "embedding" }, similarity: 0, limit: 10 })),
  };
  const kinds = { "BM25": "lexical", "vector (exact)": "dense", "hybrid": "hybrid" };
  const results = [];
  for (const [mode, searchOne] of Object.entries(modes)) {
    results.push({ system: "Orama", mode, kind: kinds[mode], buildSeconds, ...(await timeQueries(data.queries, minimumCalls, searchOne)) });
  }
  return results;
}
