// Lumen Market's page: searches as the shopper types, suggests completions, renders product cards with their
// matched words marked, and keeps the filters, the mode and the address bar in step. Plain DOM code; every catalog
// string is set with textContent, never as markup (highlights are taken apart into text and <mark> nodes).
"use strict";

(() => {
  const PAGE_SIZE = 24;
  const DEBOUNCE_MS = 200;
  const $ = selector => document.querySelector(selector);

  const FACET_VALUES_SHOWN = 8; // the rest behind "Show all"
  const SORTS = ["relevance", "price:asc", "price:desc", "rating:desc"];
  // picks: field → Set of values, any of which a product may have (brand, color, the catalog's keyword attributes);
  // ranges: field → {min, max} picked from a number facet (a price band, a rating floor): min included, max left out.
  const state = { q: "", typos: true, mode: "hybrid", sort: "relevance", category: "", picks: new Map(), ranges: new Map(), minPrice: "", maxPrice: "", offset: 0 };
  let facets = [];
  let facetsQuery = "";
  const expanded = new Set(); // facets whose every value is shown
  let searchAbort = null;
  let debounceTimer = 0;
  let suggestAbort = null;

  const input = $("#q");
  const grid = $("#grid");
  const statusBox = $("#status");
  const moreButton = $("#more");
  const template = $("#card-template");
  const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
  const count = new Intl.NumberFormat("en-US");

  // ---- address bar ------------------------------------------------------------------------------------------
  function readAddress() {
    const params = new URLSearchParams(location.search);
    state.q = params.get("q") ?? "";
    state.typos = params.get("typos") !== "false";
    state.mode = ["hybrid", "keyword", "semantic"].includes(params.get("mode")) ? params.get("mode") : "hybrid";
    state.sort = SORTS.includes(params.get("sort")) ? params.get("sort") : "relevance";
    state.category = params.get("category") ?? "";
    state.picks = new Map();
    state.ranges = new Map();
    for (const field of ["brand", "color"]) if (params.getAll(field).length) state.picks.set(field, new Set(params.getAll(field)));
    for (const filter of params.getAll("filter")) {
      const match = /^([^<>=]+?)\s*(>=|<=|<|>|=)\s*(.+)$/.exec(filter);
      if (!match || match[2] === "<=" || match[2] === ">") continue; // the page writes bands as >= and <
      const [, field, op, value] = match;
      if (op === "=") { state.picks.set(field, new Set(value.split(",").map(v => v.trim()).filter(Boolean))); continue; }
      const range = state.ranges.get(field) ?? { min: null, max: null };
      if (op === ">=") range.min = Number(value); else range.max = Number(value);
      state.ranges.set(field, range);
    }
    state.minPrice = params.get("minPrice") ?? "";
    state.maxPrice = params.get("maxPrice") ?? "";
  }

  /**
   * The filters as /api/search reads them: brand and color as their own repeatable parameters (a value may hold a
   * comma), every other pick and every range in the engine's syntax (filter=size=M,L, filter=price>=25, filter=price<50).
   */
  function filterParams(params) {
    for (const [field, values] of state.picks) {
      if (values.size === 0) continue;
      if (field === "brand" || field === "color") values.forEach(v => params.append(field, v));
      else params.append("filter", `${field}=${[...values].join(",")}`);
    }
    for (const [field, range] of state.ranges) {
      if (range.min != null) params.append("filter", `${field}>=${range.min}`);
      if (range.max != null) params.append("filter", `${field}<${range.max}`);
    }
    if (state.category) params.set("category", state.category);
    if (state.minPrice !== "") params.set("minPrice", state.minPrice);
    if (state.maxPrice !== "") params.set("maxPrice", state.maxPrice);
    return params;
  }

  function hasFilters() {
    return [...state.picks.values()].some(v => v.size > 0) || state.ranges.size > 0 || state.category !== "" || state.minPrice !== "" || state.maxPrice !== "";
  }

  function writeAddress() {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.mode !== "hybrid") params.set("mode", state.mode);
    if (!state.typos) params.set("typos", "false");
    if (state.sort !== "relevance") params.set("sort", state.sort);
    filterParams(params);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  }

  // ---- fetching ---------------------------------------------------------------------------------------------
  async function getJson(url, signal) {
    const response = await fetch(url, { signal, headers: { Accept: "application/json", "X-Ubi-Client-Id": StoreUbi.clientId } });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error(body?.detail || body?.title || `The server answered ${response.status}.`);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  async function runSearch({ append = false } = {}) {
    searchAbort?.abort();
    const controller = new AbortController();
    searchAbort = controller;
    if (!append) state.offset = 0;
    writeAddress();
    if (!state.q.trim()) { showWelcome(); return; }

    // "More" asks the same request at the next offset (same filters, same sort: the engine pages one result set),
    // without facets: they count the whole set, which has not changed.
    const params = filterParams(new URLSearchParams({ q: state.q, mode: state.mode, k: PAGE_SIZE, offset: state.offset, explain: "true" }));
    if (state.sort !== "relevance") params.set("sort", state.sort);
    if (append) params.set("facets", "false");
    if (!state.typos) params.set("typos", "false");
    document.body.classList.add("searching");
    if (!append && grid.children.length === 0) showSkeletons();
    try {
      const answer = await getJson(`/api/search?${params}`, controller.signal);
      if (controller !== searchAbort) return;
      renderResults(answer, append);
    } catch (error) {
      if (error.name !== "AbortError") showError(error);
    } finally {
      if (controller === searchAbort) document.body.classList.remove("searching");
    }
  }

  /** A new query or mode: the picks of keyword facets may no longer apply and are dropped (ranges, category and sort are kept). */
  function queryChanged() {
    state.picks.clear();
    runSearch();
  }

  // ---- rendering: results -----------------------------------------------------------------------------------
  function showWelcome() {
    $("#welcome").hidden = false;
    $("#results-head").hidden = true;
    statusBox.hidden = true;
    moreButton.hidden = true;
    grid.replaceChildren();
    document.body.classList.remove("searching");
    facets = [];
    facetsQuery = "";
    renderFacets();
  }

  function showSkeletons() {
    $("#welcome").hidden = true;
    statusBox.hidden = true;
    const cards = Array.from({ length: 8 }, () => {
      const li = document.createElement("li");
      li.className = "card skeleton";
      li.innerHTML = '<div class="media"></div><div class="card-body"><div class="sk w40"></div><div class="sk w90"></div><div class="sk w60"></div><div class="sk w40"></div></div>';
      return li;
    });
    grid.replaceChildren(...cards);
  }

  function showError(error) {
    grid.replaceChildren();
    moreButton.hidden = true;
    $("#results-head").hidden = true;
    statusBox.hidden = false;
    statusBox.className = "status error";
    statusBox.replaceChildren(strong(error.status === 503 ? "Search is unavailable right now." : "Something went wrong."), text(error.message));
  }

  function renderResults(answer, append) {
    $("#welcome").hidden = true;
    $("#results-head").hidden = false;
    const shown = answer.offset + answer.hits.length;
    const filtered = hasFilters();
    if (!append) { facets = answer.facets; facetsQuery = answer.query; renderFacets(); }
    const total = `${count.format(answer.totalHits)}${answer.totalHitsIsLowerBound ? "+" : ""}`;
    $("#total").textContent = `${total} result${answer.totalHits === 1 && !answer.totalHitsIsLowerBound ? "" : "s"}`;
    $("#total").dataset.total = answer.totalHits;
    $("#summary").textContent = answer.hits.length || append ? `Results for “${answer.didYouMean ?? answer.query}”` : `No results for “${answer.query}”`;
    renderDidYouMean(answer);
    const matches = answer.filterMatches != null ? ` · ${count.format(answer.filterMatches)} products match the filters` : "";
    // A cached answer took no search at all: "0.0 ms" would read as a measurement.
    const took = answer.cached ? `${modeLabel(answer.mode)} search, cached` : `${modeLabel(answer.mode)} search in ${answer.elapsedMs.toFixed(1)} ms`;
    $("#timing").textContent = shown > 0 ? `Showing 1–${shown} of ${total}${matches} · ${took}` : `${took}${matches}`;
    renderActiveFilters();

    const cards = answer.hits.map(hit => card(hit, answer.queryId));
    if (!append) StoreUbi.forgetAll();
    if (append) grid.append(...cards); else grid.replaceChildren(...cards);
    cards.forEach(StoreUbi.watch);
    moreButton.hidden = answer.hits.length < PAGE_SIZE || (shown >= answer.totalHits && !answer.totalHitsIsLowerBound);

    statusBox.hidden = shown > 0;
    if (shown === 0) {
      statusBox.className = "status";
      statusBox.replaceChildren(strong("Nothing matches yet."),
        text(filtered ? "Try removing a filter, or fewer words." : "Try fewer words, or another way to say it."));
    }
  }

  function card(hit, queryId) {
    const node = template.content.firstElementChild.cloneNode(true);
    const product = hit.product;
    node.dataset.productId = product.id;
    // What the behaviour log needs to tie an impression or a click to this answer's search (StoreUbi).
    node.dataset.queryId = queryId;
    node.dataset.rank = hit.rank;
    node.dataset.pageSize = PAGE_SIZE;
    fillMedia(node.querySelector(".media"), product);
    node.querySelector(".rank-badge").textContent = `#${hit.rank}`;
    node.querySelector(".card-brand").textContent = product.brand ?? "";
    const link = node.querySelector(".card-title a");
    fillHighlight(link, hit.highlight ?? null, product.title);
    link.href = `/api/products/${encodeURIComponent(product.id)}`;
    link.addEventListener("click", event => { event.preventDefault(); StoreUbi.click(node); openProduct(product.id); });
    fillRating(node.querySelector(".card-rating"), product);
    fillColor(node.querySelector(".card-color"), product.color);
    fillPrice(node.querySelector(".price"), product.price);

    const whyButton = node.querySelector(".why");
    const panel = node.querySelector(".why-panel");
    whyButton.addEventListener("click", () => {
      const open = panel.hidden;
      if (open && !panel.dataset.filled) { fillWhy(panel, hit); panel.dataset.filled = "1"; }
      panel.hidden = !open;
      whyButton.setAttribute("aria-expanded", String(open));
      whyButton.textContent = open ? "Hide details" : "Why this result?";
    });
    return node;
  }

  /** The title with the words the query matched in <mark>: the server's HTML taken apart, never inserted as markup. */
  function fillHighlight(element, highlight, plain) {
    if (!highlight) { element.textContent = plain; return; }
    const nodes = [];
    highlight.split(/(<mark>.*?<\/mark>)/).forEach(part => {
      if (!part) return;
      const marked = part.startsWith("<mark>");
      const value = decodeEntities(marked ? part.slice(6, -7) : part);
      if (!marked) { nodes.push(text(value)); return; }
      const mark = document.createElement("mark");
      mark.textContent = value;
      nodes.push(mark);
    });
    element.replaceChildren(...nodes);
  }

  const entityDecoder = document.createElement("textarea");
  function decodeEntities(encoded) { entityDecoder.innerHTML = encoded; return entityDecoder.value; }

  /**
   * "Searched for “white sneakers”, the catalog's words for “white snekers”. Search exactly for “white snekers”":
   * the engine searched the catalog's words; the button searches what was typed, typo tolerance off.
   */
  function renderDidYouMean(answer) {
    const box = $("#did-you-mean");
    box.hidden = !answer.didYouMean;
    if (!answer.didYouMean) { box.replaceChildren(); return; }
    const exact = document.createElement("button");
    exact.type = "button";
    exact.className = "link";
    exact.textContent = `Search exactly for “${answer.query}”`;
    exact.addEventListener("click", () => { state.typos = false; runSearch(); });
    box.replaceChildren(text(`Searched for “${answer.didYouMean}”, the catalog's words for “${answer.query}”. `), exact);
  }

  // ---- suggestions as the shopper types ------------------------------------------------------------------------
  async function loadSuggestions(typed) {
    suggestAbort?.abort();
    const list = $("#suggestions");
    if (!typed.trim() || /\s$/.test(typed)) { list.replaceChildren(); return; }
    const controller = new AbortController();
    suggestAbort = controller;
    try {
      const suggestions = await getJson(`/api/suggest?${new URLSearchParams({ q: typed })}`, controller.signal);
      if (controller !== suggestAbort) return;
      list.replaceChildren(...suggestions.map(s => {
        const option = document.createElement("option");
        option.value = s.text;
        option.textContent = s.kind === "brand" ? `${s.text} (brand)` : s.text;
        return option;
      }));
    } catch (error) {
      if (error.name !== "AbortError") list.replaceChildren();
    }
  }

  function fillMedia(media, product) {
    const placeholder = media.querySelector(".placeholder");
    placeholder.style.setProperty("--tint", StoreColors.tint(product.id));
    placeholder.style.setProperty("--bag", StoreColors.solid(product.color) ?? "#8b93a5");
    media.querySelector(".placeholder-label").textContent = product.categories?.at(-1) ?? product.brand ?? "";
    const image = media.querySelector("img");
    image.hidden = true;
    image.removeAttribute("src");
    if (product.imageUrl) {
      image.alt = product.title;
      // Shown only once it has loaded: a broken or slow image leaves the placeholder in place.
      image.addEventListener("load", () => { image.hidden = false; }, { once: true });
      image.addEventListener("error", () => image.remove(), { once: true });
      image.src = product.imageUrl;
    }
  }

  function fillRating(element, product) {
    const stars = element.querySelector(".stars");
    const label = element.querySelector(".rating-text");
    if (product.rating == null) { element.hidden = true; return; }
    element.hidden = false;
    stars.querySelector(".stars-fill").style.setProperty("--fill", `${Math.max(0, Math.min(5, product.rating)) / 5 * 100}%`);
    label.textContent = `${product.rating.toFixed(1)}${product.ratingCount != null ? ` (${count.format(product.ratingCount)})` : ""}`;
    element.title = `${product.rating.toFixed(1)} out of 5 stars`;
  }

  function fillColor(element, color) {
    element.hidden = !color;
    if (!color) return;
    const swatch = StoreColors.css(color);
    element.querySelector(".swatch").style.setProperty("--swatch", swatch ?? "#d5d9e2");
    element.querySelector(".color-name").textContent = color;
  }

  function fillPrice(element, price) {
    element.replaceChildren();
    if (price == null) { element.textContent = "See price"; return; }
    const [whole, cents] = money.format(price).replace("$", "").split(".");
    const currency = document.createElement("span"); currency.className = "currency"; currency.textContent = "$";
    const fraction = document.createElement("span"); fraction.className = "cents"; fraction.textContent = cents ?? "00";
    element.append(currency, whole, fraction);
    element.setAttribute("aria-label", money.format(price));
  }

  function fillWhy(panel, hit) {
    // Rank among that retriever's candidates, and its own score (BM25, or cosine similarity of the embeddings).
    const describe = (element, retriever, digits) => {
      if (!retriever) { element.textContent = "no match"; return; }
      const score = document.createElement("small");
      score.textContent = retriever.score.toFixed(digits);
      element.replaceChildren(`#${retriever.rank}`, score);
    };
    describe(panel.querySelector(".why-keyword .why-value"), hit.keyword, 2);
    describe(panel.querySelector(".why-semantic .why-value"), hit.semantic, 3);
    const why = hit.explanation;
    const keywordPart = why ? Math.max(0, why.keywordPart) : 0;
    const semanticPart = why ? Math.max(0, why.semanticPart) : 0;
    const total = keywordPart + semanticPart || 1;
    panel.querySelector(".why-bar-keyword").style.setProperty("--part", `${keywordPart / total * 100}%`);
    panel.querySelector(".why-bar-semantic").style.setProperty("--part", `${semanticPart / total * 100}%`);
    panel.querySelector(".why-formula").textContent = why ? why.formula : `score ${hit.score.toFixed(4)}`;
  }

  // ---- rendering: filters -----------------------------------------------------------------------------------
  const FACET_TITLES = { brand: "Brand", color: "Color", price: "Price", rating: "Rating" };

  function renderFacets() {
    const box = $("#facets");
    const sections = facets.filter(f => f.values.length > 0).map(renderFacet);
    if (sections.length) box.replaceChildren(...sections);
    else {
      const empty = document.createElement("p");
      empty.className = "facet-empty";
      empty.textContent = state.q.trim() ? "No filters for these results." : "Search to see brands, colors and prices.";
      box.replaceChildren(empty);
    }
    // Which query the filters belong to, for anyone waiting on them (the browser test does).
    $("#filters").dataset.query = state.q.trim() ? facetsQuery : "";
    $("#min-price").value = state.minPrice;
    $("#max-price").value = state.maxPrice;
    renderActiveFilters();
  }

  /** One facet: its values with their counts, the first few and the rest on demand ("Show all"). */
  function renderFacet(facet) {
    const section = document.createElement("section");
    section.className = "facet";
    section.id = `facet-${facet.field}`;
    section.dataset.field = facet.field;
    const title = document.createElement("h3");
    title.textContent = FACET_TITLES[facet.field] ?? facet.field.replaceAll("_", " ");
    const list = document.createElement("ul");
    list.className = "facet-list";
    // A number facet is picked one value or range at a time; a keyword or boolean facet any of several.
    const isRange = facet.values.some(v => v.min != null || v.max != null);
    const values = [...facet.values];
    if (!isRange) {
      // Picked values stay listed even when this search no longer counts them, so they can be unticked.
      for (const value of state.picks.get(facet.field) ?? []) {
        if (!values.some(v => sameValue(v.value, value))) values.push({ value, count: 0 });
      }
    }
    const all = expanded.has(facet.field);
    const shown = all ? values : values.filter((v, i) => i < FACET_VALUES_SHOWN || isPicked(facet, v));
    list.replaceChildren(...shown.map(v => facetOption(facet, v, isRange)));
    section.append(title, list);
    if (values.length > FACET_VALUES_SHOWN) {
      const more = document.createElement("button");
      more.type = "button";
      more.className = "link facet-more";
      more.textContent = all ? "Show fewer" : `Show all ${values.length}`;
      more.addEventListener("click", () => { if (all) expanded.delete(facet.field); else expanded.add(facet.field); renderFacets(); });
      section.append(more);
    }
    return section;
  }

  function facetOption(facet, value, isRange) {
    const li = document.createElement("li");
    const label = document.createElement("label");
    label.className = "facet-option";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = value.value;
    box.checked = isPicked(facet, value);
    box.disabled = value.count === 0 && !box.checked;
    box.addEventListener("change", () => {
      if (isRange) {
        if (box.checked) state.ranges.set(facet.field, { min: value.min, max: value.max }); else state.ranges.delete(facet.field);
        if (facet.field === "price") { state.minPrice = ""; state.maxPrice = ""; }
      } else {
        const picks = facet.type === "number" ? new Set() : state.picks.get(facet.field) ?? new Set();
        for (const existing of [...picks]) if (sameValue(existing, value.value)) picks.delete(existing);
        if (box.checked) picks.add(value.value);
        if (picks.size) state.picks.set(facet.field, picks); else state.picks.delete(facet.field);
      }
      runSearch();
    });
    label.append(box);
    if (facet.field === "color") {
      const swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.setProperty("--swatch", StoreColors.css(value.value) ?? "#d5d9e2");
      label.append(swatch);
    }
    const name = document.createElement("span");
    name.className = "facet-name";
    name.textContent = isRange ? rangeLabel(facet.field, value) : value.value;
    name.title = name.textContent;
    const n = document.createElement("span");
    n.className = "facet-count";
    n.textContent = count.format(value.count);
    label.append(name, n);
    li.append(label);
    return li;
  }

  function isPicked(facet, value) {
    if (value.min != null || value.max != null) {
      const range = state.ranges.get(facet.field);
      return range != null && range.min === value.min && range.max === value.max;
    }
    return [...(state.picks.get(facet.field) ?? [])].some(p => sameValue(p, value.value));
  }

  function sameValue(a, b) { return String(a).toLowerCase() === String(b).toLowerCase(); }

  /** "Under $25", "$25 – $50", "$200 & up"; "4★ & up" for rating floors; other ranges by their bounds. */
  function rangeLabel(field, { min, max }) {
    const show = field === "price" ? dollars : field === "rating" ? v => `${v}★` : v => String(v);
    if (min == null || (field === "price" && min === 0 && max != null)) return `Under ${show(max)}`;
    if (max == null) return `${show(min)} & up`;
    return `${show(min)} – ${show(max)}`;
  }

  function renderActiveFilters() {
    const chips = [];
    const chip = (label, remove) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "chip";
      button.textContent = label;
      button.setAttribute("aria-label", `Remove filter ${label}`);
      button.addEventListener("click", () => { remove(); renderFacets(); renderDepartments(); runSearch(); });
      chips.push(button);
    };
    for (const [field, values] of state.picks) values.forEach(v => chip(v, () => { values.delete(v); if (!values.size) state.picks.delete(field); }));
    for (const [field, range] of state.ranges) chip(rangeLabel(field, range), () => state.ranges.delete(field));
    if (state.category) chip(state.category, () => { state.category = ""; });
    if (state.minPrice !== "" || state.maxPrice !== "") {
      const label = state.minPrice === "" ? `Up to ${dollars(state.maxPrice)}`
        : state.maxPrice === "" ? `${dollars(state.minPrice)} & up`
        : `${dollars(state.minPrice)} – ${dollars(state.maxPrice)}`;
      chip(label, () => { state.minPrice = ""; state.maxPrice = ""; });
    }
    $("#active-filters").replaceChildren(...chips);
    $("#clear-filters").hidden = chips.length === 0;
  }

  // ---- product dialog ---------------------------------------------------------------------------------------
  async function openProduct(id) {
    const dialog = $("#product-dialog");
    try {
      const product = await getJson(`/api/products/${encodeURIComponent(id)}`);
      fillMedia(dialog.querySelector(".media"), product);
      $("#dialog-crumbs").textContent = (product.categories ?? []).join(" › ");
      $("#dialog-brand").textContent = product.brand ?? "";
      $("#dialog-title").textContent = product.title;
      fillRating($("#dialog-rating"), product);
      fillPrice($("#dialog-price"), product.price);
      fillColor($("#dialog-color"), product.color);
      $("#dialog-description").textContent = product.description ?? "";
      $("#dialog-bullets").replaceChildren(...(product.bulletPoints ?? []).map(point => {
        const li = document.createElement("li"); li.textContent = point; return li;
      }));
      $("#dialog-id").textContent = `Item ${product.id}`;
      dialog.showModal();
    } catch (error) {
      showError(error);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------------------
  function dollars(value) { return Number.isInteger(Number(value)) ? `$${Number(value)}` : money.format(value); }
  function modeLabel(mode) { return { hybrid: "Hybrid", keyword: "Keyword", semantic: "Semantic" }[mode] ?? mode; }
  function strong(value) { const s = document.createElement("strong"); s.textContent = value; return s; }
  function text(value) { return document.createTextNode(value); }

  function setQuery(value) {
    input.value = value;
    state.q = value;
    state.typos = true;
    queryChanged();
  }

  function setMode(mode) {
    state.mode = mode;
    document.querySelectorAll("#mode button").forEach(b => b.setAttribute("aria-checked", String(b.dataset.mode === mode)));
    queryChanged();
  }

  function priceInputChanged() {
    const clean = value => (value === "" || Number(value) < 0 || Number.isNaN(Number(value)) ? "" : String(Number(value)));
    state.minPrice = clean($("#min-price").value);
    state.maxPrice = clean($("#max-price").value);
    if (state.minPrice !== "" && state.maxPrice !== "" && Number(state.minPrice) > Number(state.maxPrice)) return;
    state.ranges.delete("price"); // a typed range replaces a picked band
    renderFacets();
    runSearch();
  }

  // ---- wiring -----------------------------------------------------------------------------------------------
  input.addEventListener("input", () => {
    loadSuggestions(input.value);
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => {
      if (input.value === state.q) return;
      state.q = input.value;
      state.typos = true;
      queryChanged();
    }, DEBOUNCE_MS);
  });
  $("#search-form").addEventListener("submit", event => {
    event.preventDefault();
    clearTimeout(debounceTimer);
    state.q = input.value;
    state.typos = true;
    queryChanged();
  });
  document.addEventListener("keydown", event => {
    if (event.key === "/" && document.activeElement !== input && !(document.activeElement instanceof HTMLInputElement)) {
      event.preventDefault();
      input.focus();
    }
  });
  document.querySelectorAll("#mode button").forEach(b => b.addEventListener("click", () => setMode(b.dataset.mode)));
  document.querySelectorAll("[data-query]").forEach(b => b.addEventListener("click", () => setQuery(b.dataset.query)));
  $("#min-price").addEventListener("change", priceInputChanged);
  $("#max-price").addEventListener("change", priceInputChanged);
  $("#clear-filters").addEventListener("click", () => {
    state.picks.clear(); state.ranges.clear(); state.category = ""; state.minPrice = ""; state.maxPrice = "";
    renderFacets();
    renderDepartments();
    runSearch();
  });
  $("#filters-toggle").addEventListener("click", event => {
    const open = $("#filters").classList.toggle("open");
    event.currentTarget.setAttribute("aria-expanded", String(open));
  });
  $("#sort").addEventListener("change", event => { state.sort = event.currentTarget.value; runSearch(); });
  moreButton.addEventListener("click", () => { state.offset += PAGE_SIZE; runSearch({ append: true }); });
  $("#product-dialog").addEventListener("click", event => { if (event.target === event.currentTarget) event.currentTarget.close(); });

  // ---- departments: the index's top-level categories, each a filter on the category field ---------------------
  async function loadDepartments() {
    try {
      const departments = await getJson("/api/departments");
      $("#departments").replaceChildren(...departments.map(department => {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = department.name;
        button.dataset.category = department.name;
        button.title = `${count.format(department.products)} products`;
        button.addEventListener("click", () => pickDepartment(department.name));
        return button;
      }));
      renderDepartments();
    } catch {
      // No departments (an index that cannot be read says so where the shopper searches): the bar stays empty.
    }
  }

  /**
   * A department filters the search by category (a second click lifts it). The engine searches words, so with the box
   * empty the department's name is searched, within the department.
   */
  function pickDepartment(name) {
    state.category = sameValue(state.category, name) ? "" : name;
    renderDepartments();
    if (!state.q.trim() && state.category) { input.value = name; state.q = name; state.typos = true; }
    runSearch();
  }

  function renderDepartments() {
    document.querySelectorAll("#departments button").forEach(b => b.setAttribute("aria-pressed", String(sameValue(b.dataset.category, state.category))));
  }

  // ---- start ------------------------------------------------------------------------------------------------
  readAddress();
  input.value = state.q;
  document.querySelectorAll("#mode button").forEach(b => b.setAttribute("aria-checked", String(b.dataset.mode === state.mode)));
  $("#sort").value = state.sort;
  renderFacets();
  loadDepartments();
  if (state.q) runSearch(); else showWelcome();
})();
