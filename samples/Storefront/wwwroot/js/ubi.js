// Lumen Market's behaviour log, client side: tells the server (POST /api/events) which results the shopper saw and
// which they clicked, as User Behavior Insights (UBI) events tied to the search answer's queryId. A result counts as
// seen once half of its card has been on screen for a second (a card scrolled past, or a half-typed query's answer
// replaced at once, is not an impression). Events are sent in batches; losing some is acceptable, slowing the page is not.
"use strict";

window.StoreUbi = (() => {
  const ENDPOINT = "/api/events";
  const SEEN_AFTER_MS = 1000;
  const FLUSH_EVERY_MS = 2000;
  const MAX_BATCH = 100;
  const APPLICATION = "storefront";

  const clientId = stored(localStorage, "lumen.ubi.client");
  const sessionId = stored(sessionStorage, "lumen.ubi.session");
  let queue = [];
  let flushTimer = 0;
  const timers = new Map();
  const observer = "IntersectionObserver" in window ? new IntersectionObserver(onVisibility, { threshold: 0.5 }) : null;

  /** A random id kept in the browser's storage (a new one where storage is unavailable). */
  function stored(storage, key) {
    const fresh = () => (crypto.randomUUID ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, "0")).join(""));
    try {
      let value = storage.getItem(key);
      if (!value) { value = fresh(); storage.setItem(key, value); }
      return value;
    } catch {
      return fresh();
    }
  }

  function event(action, card) {
    const ordinal = Number(card.dataset.rank);
    return {
      action_name: action,
      query_id: card.dataset.queryId,
      client_id: clientId,
      session_id: sessionId,
      application: APPLICATION,
      timestamp: new Date().toISOString(),
      event_attributes: {
        object: { object_id: card.dataset.productId, object_id_field: "product_id" },
        position: { ordinal, page_depth: Math.floor((ordinal - 1) / Number(card.dataset.pageSize || 24)) + 1 },
      },
    };
  }

  function push(item) {
    queue.push(item);
    if (queue.length >= MAX_BATCH) flush();
    else if (!flushTimer) flushTimer = setTimeout(flush, FLUSH_EVERY_MS);
  }

  /** Sends what is queued; with `leaving`, by sendBeacon, which outlives the page. */
  function flush(leaving = false) {
    clearTimeout(flushTimer);
    flushTimer = 0;
    while (queue.length > 0) {
      const batch = queue.splice(0, MAX_BATCH);
      const body = JSON.stringify(batch);
      if (leaving && navigator.sendBeacon && navigator.sendBeacon(ENDPOINT, new Blob([body], { type: "application/json" }))) continue;
      fetch(ENDPOINT, { method: "POST", headers: { "Content-Type": "application/json" }, body, keepalive: true }).catch(() => {});
    }
  }

  function onVisibility(entries) {
    for (const entry of entries) {
      const card = entry.target;
      if (entry.isIntersecting) {
        if (!timers.has(card)) timers.set(card, setTimeout(() => seen(card), SEEN_AFTER_MS));
      } else {
        clearTimeout(timers.get(card));
        timers.delete(card);
      }
    }
  }

  function seen(card) {
    timers.delete(card);
    observer?.unobserve(card);
    if (card.isConnected) push(event("impression", card));
  }

  addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(true); });
  addEventListener("pagehide", () => flush(true));

  return {
    clientId,
    /** Starts watching a result card (data-query-id, data-product-id, data-rank set) for its impression. */
    watch(card) { observer?.observe(card); },
    /** Stops watching every card (a new answer replaces them); impressions already counted stay queued. */
    forgetAll() {
      observer?.disconnect();
      timers.forEach(clearTimeout);
      timers.clear();
    },
    /** The shopper chose this card's product; sent at once. */
    click(card) {
      push(event("click", card));
      flush();
    },
    flush,
  };
})();
