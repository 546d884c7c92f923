// Lumen Market's page: searches as the shopper types, suggests completions, renders product cards with their
// matched words marked, and keeps the filters, the mode and the address bar in step. Plain DOM code; every catalog
// string is set with textContent, never as markup (highlights are taken apart into text and <mark> nodes).
"use strict";

(() => {
  const PAGE_SIZE = 24;
  const DEBOUNCE_MS = 200;
  const $ = selector => document.querySelector(selector);

  const state = { q: "", typos: true, mode: "hybrid", brands: new Set(), colors: new Set(), minPrice: "", maxPrice: "", offset: 0 };
  let facets = { brands: [], colors: [], minPrice: null, maxPrice: null };
  let searchAbort = null;
  let facetsAbort = null;
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
    state.brands = new Set(params.getAll("brand"));
    state.colors = new Set(params.getAll("color"));
    state.minPrice = params.get("minPrice") ?? "";
    state.maxPrice = params.get("maxPrice") ?? "";
  }

  function filterParams(params) {
    state.brands.forEach(b => params.append("brand", b));
    state.colors.forEach(c => params.append("color", c));
    if (state.minPrice !== "") params.set("minPrice", state.minPrice);
    if (state.maxPrice !== "") params.set("maxPrice", state.maxPrice);
    return params;
  }

  function writeAddress() {
    const params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    if (state.mode !== "hybrid") params.set("mode", state.mode);
    if (!state.typos) params.set("typos", "false");
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

    const params = filterParams(new URLSearchParams({ q: state.q, mode: state.mode, k: PAGE_SIZE, offset: state.offset, explain: "true" }));
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

  async function loadFacets() {
    facetsAbort?.abort();
    if (!state.q.trim()) { facets = { brands: [], colors: [], minPrice: null, maxPrice: null }; renderFacets(); return; }
    const controller = new AbortController();
    facetsAbort = controller;
    try {
      facets = await getJson(`/api/facets?${new URLSearchParams({ q: state.q, mode: state.mode })}`, controller.signal);
      if (controller === facetsAbort) renderFacets();
    } catch (error) {
      if (error.name !== "AbortError") { facets = { brands: [], colors: [] }; renderFacets(); }
    }
  }

  /** A new query or mode: new facets, and filters that may no longer apply are dropped (price is kept). */
  function queryChanged() {
    state.brands.clear();
    state.colors.clear();
    loadFacets();
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
    const filtered = state.brands.size + state.colors.size > 0 || state.minPrice !== "" || state.maxPrice !== "";
    $("#summary").textContent = answer.hits.length || append ? `Results for “${answer.didYouMean ?? answer.query}”` : `No results for “${answer.query}”`;
    renderDidYouMean(answer);
    const matches = answer.filterMatches != null ? ` · ${count.format(answer.filterMatches)} products match the filters` : "";
    // A cached answer took no search at all: "0.0 ms" would read as a measurement.
    const took = answer.cached ? `${modeLabel(answer.mode)} search, cached` : `${modeLabel(answer.mode)} search in ${answer.elapsedMs.toFixed(1)} ms`;
    $("#timing").textContent = shown > 0 ? `Showing 1–${shown}${matches} · ${took}` : `${took}${matches}`;
    renderActiveFilters();

    const cards = answer.hits.map(hit => card(hit, answer.queryId));
    if (!append) StoreUbi.forgetAll();
    if (append) grid.append(...cards); else grid.replaceChildren(...cards);
    cards.forEach(StoreUbi.watch);
    moreButton.hidden = answer.hits.length < PAGE_SIZE;

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
  function renderFacets() {
    renderFacetList(document.querySelector('.facet-list[data-kind="brand"]'), facets.brands ?? [], state.brands, false);
    renderFacetList(document.querySelector('.facet-list[data-kind="color"]'), facets.colors ?? [], state.colors, true);
    document.querySelectorAll(".facet-empty").forEach(p => { p.textContent = state.q.trim() ? p.dataset.none : p.dataset.idle; });
    // Which query the filters belong to, for anyone waiting on them (the browser test does).
    $("#filters").dataset.query = facets.query ?? "";
    $("#price-range").textContent = facets.minPrice != null && facets.maxPrice != null
      ? `Top results cost ${money.format(facets.minPrice)} – ${money.format(facets.maxPrice)}` : "";
    renderPricePresets();
    renderActiveFilters();
  }

  function renderFacetList(list, values, selected, withSwatch) {
    // Selected values stay listed even when the current facets no longer count them, so they can be unticked.
    const shown = [...values];
    for (const value of selected) {
      if (!shown.some(v => v.value.toLowerCase() === value.toLowerCase())) shown.push({ value, count: null });
    }
    list.replaceChildren(...shown.map(({ value, count: n }) => {
      const li = document.createElement("li");
      const label = document.createElement("label");
      label.className = "facet-option";
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = value;
      box.checked = [...selected].some(s => s.toLowerCase() === value.toLowerCase());
      box.addEventListener("change", () => {
        toggle(selected, value, box.checked);
        runSearch();
      });
      label.append(box);
      if (withSwatch) {
        const swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.setProperty("--swatch", StoreColors.css(value) ?? "#d5d9e2");
        label.append(swatch);
      }
      const name = document.createElement("span"); name.className = "facet-name"; name.textContent = value; name.title = value;
      label.append(name);
      if (n != null) { const c = document.createElement("span"); c.className = "facet-count"; c.textContent = n; label.append(c); }
      li.append(label);
      return li;
    }));
  }

  function toggle(set, value, on) {
    for (const existing of [...set]) if (existing.toLowerCase() === value.toLowerCase()) set.delete(existing);
    if (on) set.add(value);
  }

  function renderPricePresets() {
    document.querySelectorAll("#price-presets button").forEach(button => {
      button.setAttribute("aria-pressed", String(button.dataset.min === state.minPrice && button.dataset.max === state.maxPrice));
    });
    $("#min-price").value = state.minPrice;
    $("#max-price").value = state.maxPrice;
  }

  function renderActiveFilters() {
    const chips = [];
    const chip = (label, remove) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "chip";
      button.textContent = label;
      button.setAttribute("aria-label", `Remove filter ${label}`);
      button.addEventListener("click", () => { remove(); renderFacets(); runSearch(); });
      chips.push(button);
    };
    state.brands.forEach(b => chip(b, () => state.brands.delete(b)));
    state.colors.forEach(c => chip(c, () => state.colors.delete(c)));
    if (state.minPrice !== "" || state.maxPrice !== "") {
      const label = state.minPrice === "" ? `Under ${dollars(state.maxPrice)}`
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
    renderPricePresets();
    renderActiveFilters();
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
  document.querySelectorAll("#price-presets button").forEach(button => button.addEventListener("click", () => {
    const same = button.dataset.min === state.minPrice && button.dataset.max === state.maxPrice;
    state.minPrice = same ? "" : button.dataset.min;
    state.maxPrice = same ? "" : button.dataset.max;
    renderPricePresets();
    renderActiveFilters();
    runSearch();
  }));
  $("#min-price").addEventListener("change", priceInputChanged);
  $("#max-price").addEventListener("change", priceInputChanged);
  $("#clear-filters").addEventListener("click", () => {
    state.brands.clear(); state.colors.clear(); state.minPrice = ""; state.maxPrice = "";
    renderFacets();
    runSearch();
  });
  $("#filters-toggle").addEventListener("click", event => {
    const open = $("#filters").classList.toggle("open");
    event.currentTarget.setAttribute("aria-expanded", String(open));
  });
  moreButton.addEventListener("click", () => { state.offset += PAGE_SIZE; runSearch({ append: true }); });
  $("#product-dialog").addEventListener("click", event => { if (event.target === event.currentTarget) event.currentTarget.close(); });

  // ---- departments: the index's top-level categories, each a search for its name ------------------------------
  async function loadDepartments() {
    try {
      const departments = await getJson("/api/departments");
      $("#departments").replaceChildren(...departments.map(department => {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = department.name;
        button.title = `${count.format(department.products)} products`;
        button.addEventListener("click", () => setQuery(department.name));
        return button;
      }));
    } catch {
      // No departments (an index that cannot be read says so where the shopper searches): the bar stays empty.
    }
  }

  // ---- start ------------------------------------------------------------------------------------------------
  readAddress();
  input.value = state.q;
  document.querySelectorAll("#mode button").forEach(b => b.setAttribute("aria-checked", String(b.dataset.mode === state.mode)));
  renderFacets();
  loadDepartments();
  if (state.q) { loadFacets(); runSearch(); } else showWelcome();
})();
