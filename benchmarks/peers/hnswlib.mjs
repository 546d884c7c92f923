// hnswlib-node: the HNSW graph alone, with the settings ProductSearch uses (M = 16, ef_construction = 128, cosine),
// searched at each ef the .NET side uses for its own graph. Its API takes plain arrays, so vectors are converted
// once before timing.
import { timeBuild, timeQueries } from "./timing.mjs";

export async function runHnswlib(data, minimumCalls, efValues) {
  const { default: hnswlib } = await import("hnswlib-node");
  const { built: index, buildSeconds } = await timeBuild(async () => {
    const index = new hnswlib.HierarchicalNSW("cosine", data.meta.dimensions);
    index.initIndex(data.docs.length, 16, 128, 100);
    data.titleVectors.forEach((v, i) => index.addPoint(Array.from(v), i));
    return index;
  });
  const vectors = new Map(data.queries.map((q, i) => [q.id, Array.from(data.queryVectors[i])]));
  const results = [];
  for (const ef of efValues) {
    index.setEf(ef);
    const searchOne = async (q) => index.searchKnn(vectors.get(q.id), 10).neighbors.map((n) => data.docs[n].id);
    results.push({ system: "hnswlib-node", mode: `HNSW ef ${ef}`, kind: "hnsw", ef, buildSeconds, ...(await timeQueries(data.queries, minimumCalls, searchOne)) });
  }
  return results;
}
