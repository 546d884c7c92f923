// Catalog color names ("Sage Green", "Black/Gold", "Assorted Colors") to CSS, for swatches and image placeholders.
// Catalogs name colors freely, so a name is matched whole first, then word by word from the last (the hue), and a
// name with a slash becomes a split swatch.
"use strict";

window.StoreColors = (() => {
  const named = {
    black: "#1d1f24", white: "#ffffff", gray: "#9aa0aa", grey: "#9aa0aa", silver: "#c7cbd1", gold: "#d4a93c",
    red: "#d8373b", blue: "#2f6fdb", navy: "#1f2f5c", green: "#3a9a5b", pink: "#f29bb7", purple: "#8a4fd1",
    lavender: "#b9a4e6", brown: "#7a4f2c", tan: "#c9a27a", beige: "#e3d3b5", cream: "#f3ead5", ivory: "#f7f2e2",
    olive: "#6f7a3a", teal: "#1f9a97", aqua: "#4fd1d9", orange: "#f08a24", yellow: "#f2cf3a", burgundy: "#7d1f36",
    charcoal: "#3b3f46", rose: "#e8a0a8", coral: "#f27d6b", khaki: "#b9ab7d", camel: "#c1925a", copper: "#b8703f",
    chestnut: "#8a4b2a", cognac: "#9a4f20", mahogany: "#6c2a1f", walnut: "#6b4a2f", espresso: "#3d2a20", taupe: "#9b8b7a",
    oatmeal: "#ded3bf", wheat: "#e6d3a8", nude: "#e7c3a8", mauve: "#b784a7", terracotta: "#c8643f", mint: "#9fe0c0",
    sage: "#a3b899", berry: "#8e2a5a", amber: "#e6a21c", champagne: "#ecdcb8", midnight: "#1b2140",
    clear: "#eef3f7", chrome: "#d9dde2", steel: "#b7bcc3", natural: "#e2cfa9", wood: "#a8794b", oak: "#c49a63",
    manila: "#ead9a6", rinse: "#2d3a5a", wash: "#5a6f93", leopard: "#c99a4f", camo: "#6b7048",
    neutral: "#d9cdbb", matte: "#2a2c31", space: "#5c5f66", frame: "#3b3f46",
  };
  const rainbow = "conic-gradient(#f25c54, #f7b32b, #6cc551, #3ab0e2, #8a4fd1, #f25c54)";
  const pastel = "conic-gradient(#ffc8dd, #ffe5a5, #c8f0c8, #bde0fe, #e2c8ff, #ffc8dd)";
  const patterned = { multicolor: rainbow, rainbow, assorted: rainbow, neon: rainbow, pastel, floral: pastel, glitter: "linear-gradient(135deg, #e8e8f0, #b9b9c9, #f4f4fa)" };

  function single(name) {
    const words = name.toLowerCase().replace(/[^a-z ]/g, " ").split(/\s+/).filter(Boolean);
    if (words.length === 0) return null;
    const whole = words.join("");
    if (named[whole]) return named[whole];
    for (const word of words) if (patterned[word]) return patterned[word];
    for (let i = words.length - 1; i >= 0; i--) if (named[words[i]]) return named[words[i]];
    return null;
  }

  /** A CSS background for a color name: a color, a split for "A/B", a gradient for mixes; null when unknown. */
  function css(name) {
    if (!name) return null;
    const parts = name.split("/").map(single).filter(Boolean);
    if (parts.length === 0) return null;
    if (parts.length === 1) return parts[0];
    const [a, b] = parts;
    if (a.includes("gradient") || b.includes("gradient")) return a.includes("gradient") ? a : b;
    return `linear-gradient(135deg, ${a} 0 50%, ${b} 50% 100%)`;
  }

  /** A plain color for a name (the first of a split, a stand-in for a mix), for fills that take no gradient. */
  function solid(name) {
    if (!name) return null;
    for (const part of name.split("/")) {
      const value = single(part);
      if (value && value.startsWith("#")) return value;
      if (value) return value.includes("conic") ? "#f2a65a" : "#c9cbd6";
    }
    return null;
  }

  /** A soft two-tone background for an image placeholder, its hue taken from a seed (the brand) so cards differ. */
  function tint(seed) {
    let hash = 0;
    for (const ch of seed ?? "") hash = (hash * 31 + ch.codePointAt(0)) | 0;
    const hue = Math.abs(hash) % 360;
    return `linear-gradient(145deg, hsl(${hue} 70% 95%), hsl(${(hue + 35) % 360} 60% 88%))`;
  }

  return { css, solid, tint };
})();
