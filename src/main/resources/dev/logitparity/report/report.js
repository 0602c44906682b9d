"use strict";
// Renders the report from the JSON data above: no network, no library; everything the page needs is in this file.
(function () {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const root = document.getElementById("report");
  const SVGNS = "http://www.w3.org/2000/svg";
  const COLORS = { marginA: "#1f77b4", marginB: "#ff7f0e", disagreement: "#d62728", band: "#2ca02c", kl: "#9467bd" };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }
  function svg(tag, attrs) {
    const node = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  function num(v) {
    if (v === null || v === undefined) return "";
    if (typeof v === "string") return v; // NaN and infinities arrive as strings: JSON has no number for them
    if (v === 0) return "0";
    const a = Math.abs(v);
    return a >= 0.001 && a < 1000 ? v.toPrecision(3) : v.toExponential(2);
  }
  // A token as its piece: quoted, with escapes for control characters and invisible whitespace (JSON's spelling).
  function piece(id) {
    const p = data.pieces[id];
    return el("span", { class: "piece", title: "token " + id }, p === undefined ? "#" + id : JSON.stringify(p));
  }
  function verdictClass(v) {
    return v === "IDENTICAL" ? "ok" : v === "NEAR_TIE_FLIP" ? "noise" : "bug";
  }

  function header(r) {
    root.append(el("h1", {}, data.title));
    root.append(el("span", { class: "verdict " + verdictClass(r.verdict), id: "verdict" }, r.verdict));
    root.append(el("p", { class: "reason", id: "reason" }, r.reason));
    const facts = el("dl", { class: "facts" });
    const add = (k, v) => { if (v !== null && v !== undefined && v !== "") facts.append(el("dt", {}, k), el("dd", {}, v)); };
    add("A", r.sourceA);
    add("B", r.sourceB);
    add("mode", r.mode === "TWO_SIDED" ? "two-sided (both sides gave logits)" : "one-sided (B gave only tokens)");
    add("steps compared", String(r.lengths.compared));
    add("first divergence", r.divergence === null ? "none within the same context" : "step " + r.divergence.step);
    add("first step out of band", r.firstOutOfBand === null ? "none" : "step " + r.firstOutOfBand);
    add("band", "max |Δlogprob| ≤ " + num(r.band.logprob) + ", KL ≤ " + num(r.band.kl) + ", near tie ≤ " + num(r.band.nearTie));
    for (const note of r.notes) add("note", note);
    for (const extra of data.extra) add(extra[0], extra[1]);
    root.append(facts);
  }

  // One line chart: x = step, the given series, optional dashed markers; log scale when asked (values <= 0 skipped).
  function chart(id, title, series, opts) {
    const W = 1100, H = 300, L = 64, R = 16, T = 28, B = 36;
    const s = data.series;
    const xs = s.steps;
    const xmax = Math.max(1, xs[xs.length - 1] || 1);
    const values = series.flatMap(k => s[k].values).filter(v => v !== null && isFinite(v) && (!opts.log || v > 0));
    let ymin = opts.log ? Math.min(...values) : 0, ymax = Math.max(...values, opts.log ? 1e-12 : 1e-9);
    if (opts.log) { ymin = Math.pow(10, Math.floor(Math.log10(ymin))); ymax = Math.pow(10, Math.ceil(Math.log10(ymax))); }
    else {
      // round tick values: 1, 2 or 5 times a power of ten, room above the highest point for the marker labels
      const raw = ymax * 1.12 / 4, mag = Math.pow(10, Math.floor(Math.log10(raw))), n = raw / mag;
      const tick = (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * mag;
      ymax = Math.ceil(ymax * 1.12 / tick) * tick;
      opts.tick = tick;
    }
    const X = x => L + (W - L - R) * x / xmax;
    const Y = y => opts.log ? T + (H - T - B) * (1 - (Math.log10(y) - Math.log10(ymin)) / (Math.log10(ymax) - Math.log10(ymin)))
                            : T + (H - T - B) * (1 - y / ymax);
    const box = svg("svg", { id: id, viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": title });
    const t = svg("text", { x: L, y: 16, "font-weight": "bold" }); t.textContent = title; box.append(t);
    const ticks = opts.log ? Array.from({ length: Math.round(Math.log10(ymax / ymin)) + 1 }, (_, i) => ymin * Math.pow(10, i))
                           : Array.from({ length: Math.round(ymax / opts.tick) + 1 }, (_, i) => i * opts.tick);
    for (const v of ticks) {
      box.append(svg("line", { x1: L, x2: W - R, y1: Y(v), y2: Y(v), stroke: "#eee" }));
      const lab = svg("text", { x: L - 6, y: Y(v) + 4, "text-anchor": "end" }); lab.textContent = num(v); box.append(lab);
    }
    const step = Math.max(1, Math.ceil(xmax / 16));
    for (let x = 0; x <= xmax; x += step) {
      const lab = svg("text", { x: X(x), y: H - B + 16, "text-anchor": "middle" }); lab.textContent = x; box.append(lab);
    }
    const xl = svg("text", { x: (L + W - R) / 2, y: H - 4, "text-anchor": "middle" }); xl.textContent = "step"; box.append(xl);
    box.append(svg("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: "#888" }));
    box.append(svg("line", { x1: L, x2: L, y1: T, y2: H - B, stroke: "#888" }));
    for (const k of series) {
      const pts = [];
      s[k].values.forEach((v, i) => { if (v !== null && isFinite(v) && (!opts.log || v > 0)) pts.push([X(xs[i]), Y(v)]); });
      if (pts.length === 0) continue;
      const dashed = k === "band" || k === "klBand";
      box.append(svg("path", { class: "line " + k, d: "M" + pts.map(p => p[0].toFixed(1) + "," + p[1].toFixed(1)).join("L"),
        fill: "none", stroke: s[k].color, "stroke-width": dashed ? 2 : 1.8, "stroke-dasharray": dashed ? "8 5" : "" }));
      if (!dashed) for (const p of pts) box.append(svg("circle", { cx: p[0], cy: p[1], r: 2.5, fill: s[k].color }));
    }
    const marks = [[data.report.divergence && data.report.divergence.step, "first divergence", "#000", 0],
                   [data.report.firstOutOfBand, "first out of band", COLORS.disagreement, 14]];
    for (const [x, label, color, dy] of marks) {
      if (x === null || x === undefined) continue;
      box.append(svg("line", { class: "marker", x1: X(x), x2: X(x), y1: T, y2: H - B, stroke: color, "stroke-dasharray": "6 4" }));
      const right = x <= xmax * 0.6;
      const lab = svg("text", { x: X(x) + (right ? 4 : -4), y: T + 12 + dy, fill: color, "text-anchor": right ? "start" : "end" });
      lab.textContent = label + ": step " + x; box.append(lab);
    }
    const legend = el("div", { class: "legend" });
    for (const k of series) if (s[k].values.some(v => v !== null)) legend.append(el("span", {}, el("span", { class: "swatch", style: "background:" + s[k].color }), s[k].label));
    root.append(box, legend);
  }

  function table(r) {
    const s = data.series;
    const twoSided = s.twoSided;
    const head = ["step", "A chose", "B chose", "A's margin", "B's margin", twoSided ? "max |Δlogprob|" : "A over B's token",
      "KL(A‖B)", "band", "flags", "A's top tokens (log-prob)", "B's top tokens (log-prob)"];
    const t = el("table", { id: "steps" });
    t.append(el("thead", {}, el("tr", {}, ...head.map(h => el("th", {}, h)))));
    const body = el("tbody");
    r.steps.forEach((st, i) => {
      const chosenB = twoSided ? st.argmaxB : st.tokenB;
      const diverges = st.argmaxA !== chosenB;
      const outOfBand = twoSided ? (s.disagreement.values[i] > s.band.values[i] || (st.kl !== null && st.kl > s.klBand.values[i])) : false;
      const flags = (diverges ? "≠" : "") + (outOfBand ? "!" : "") + (st.contextsDiffer ? "~" : "") + (st.bitwiseEqual ? "=" : "");
      const tops = (ids, lps) => el("td", { class: "tops" }, ...ids.map((id, j) => el("span", { class: "top" }, piece(id), " " + num(lps[j]))));
      const top = s.tops[i];
      const row = el("tr", { id: "step-" + st.step, class: (diverges ? "diverge " : "") + (outOfBand ? "outband " : "") + (st.contextsDiffer ? "other-context" : "") },
        el("td", {}, st.step), el("td", { class: "tok" }, piece(st.argmaxA)), el("td", { class: "tok" }, piece(chosenB)),
        el("td", {}, num(s.marginA.values[i])), el("td", {}, num(s.marginB.values[i])),
        el("td", { class: "num-delta" }, num(s.disagreement.values[i])), el("td", {}, num(s.kl.values[i])),
        el("td", {}, num(s.band.values[i])), el("td", {}, flags), tops(top.idsA, top.logprobsA), tops(top.idsB, top.logprobsB));
      body.append(row);
    });
    t.append(body);
    root.append(el("h2", {}, "Steps"), el("p", {}, "flags: ≠ choices differ, ! outside the band, ~ the sides were fed different tokens before this step, = bitwise equal rows"), t);
  }

  function render() {
    const r = data.report;
    header(r);
    root.append(el("h2", {}, "Per step"));
    chart("chart-nats", "margins, disagreement and band (nats)", ["marginA", "marginB", "disagreement", "band"], { log: false });
    if (data.series.twoSided) chart("chart-kl", "KL(A‖B) and its band (nats, log scale)", ["kl", "klBand"], { log: true });
    table(r);
    if (data.text) root.append(el("h2", {}, "Text report"), el("pre", { id: "text-report" }, data.text));
    document.body.setAttribute("data-rendered", "true");
  }

  render();
})();
