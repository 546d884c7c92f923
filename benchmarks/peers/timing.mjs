// Times a search function the same way the .NET side does: one pass over the queries that records the rankings,
// passes for 2 s more to warm up, then enough passes
// for at least `minimumCalls` calls, one at a time (Node runs one query at a time on its main thread).
export async function timeQueries(queries, minimumCalls, searchOne) {
  const rankings = {};
  let errors = 0;
  let firstError = null;
  for (const q of queries) {
    try {
      rankings[q.id] = await searchOne(q);
    } catch (e) {
      errors++;
      firstError ??= `${q.text}: ${e.message}`;
      rankings[q.id] = [];
    }
  }
  // Warm-up beyond the first pass, as on the .NET side (PeerTiming.WarmUp): JIT tiers settle in the background.
  const warmUntil = process.hrtime.bigint() + 2_000_000_000n;
  while (process.hrtime.bigint() < warmUntil) {
    for (const q of queries) { try { await searchOne(q); } catch { /* counted above */ } }
  }
  const rounds = Math.max(1, Math.ceil(minimumCalls / queries.length));
  const latencies = [];
  const wallStart = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const start = process.hrtime.bigint();
      try { await searchOne(q); } catch { /* counted in the first pass */ }
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))];
  return { rankings, errors, firstError, calls: latencies.length, qps: latencies.length / wallSeconds, p50Ms: pct(0.5), p99Ms: pct(0.99) };
}

export async function timeBuild(build) {
  const start = process.hrtime.bigint();
  const built = await build();
  return { built, buildSeconds: Number(process.hrtime.bigint() - start) / 1e9 };
}
