namespace TaskTonic.Dataflow.Testing;

/// <summary>The timeline page of <see cref="TimelineHtml"/>: inline style and script, the trace data in a JSON script element.</summary>
internal static class TimelineTemplate
{
    public const string Page = """
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{TITLE}}</title>
<style>
body { font: 12px system-ui, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid #ccc; padding: 6px 10px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
header h1 { font-size: 14px; margin: 0 10px 0 0; }
header input { width: 220px; }
#legend span { display: inline-flex; align-items: center; gap: 3px; margin-right: 8px; }
#legend i { display: inline-block; width: 14px; height: 10px; border: 1px solid #555; }
#view { overflow: auto; height: calc(100vh - 44px); }
svg text { font-size: 11px; dominant-baseline: middle; }
.catalyst-label { font-weight: bold; fill: #234; }
.lane-label { fill: #333; }
.lane-bg { fill: #fff; }
.lane-bg.odd { fill: #f3f5f8; }
.sparkle rect { stroke: #445; stroke-width: 0.8; }
.sparkle.system rect { fill: #e2e2e2; stroke: #aaa; }
.sparkle.failed rect { stroke: #d00; stroke-width: 2.5; }
.sparkle.timer rect { stroke: #e07b00; stroke-width: 1.6; stroke-dasharray: 3 2; }
.sparkle.hit rect { stroke: #06f; stroke-width: 3; }
.dim { opacity: 0.15; }
.arrow { fill: none; stroke: #5a6b8c; stroke-width: 1; opacity: 0.7; }
.drop { fill: #d00; }
.fail-mark { fill: #d00; font-weight: bold; }
.tick { fill: #666; font-size: 10px; }
.tick-line { stroke: #ddd; }
</style>
</head>
<body>
<header>
  <h1>{{TITLE}}</h1>
  <button id="zoom-out" title="Zoom out (Ctrl+wheel)">&minus;</button>
  <button id="zoom-in" title="Zoom in (Ctrl+wheel)">+</button>
  <button id="zoom-fit">fit</button>
  <input id="search" type="search" placeholder="search tonic, sparkle, state, argument">
  <span id="matches"></span>
  <span id="summary"></span>
  <span id="legend">
    <span><i style="background:#e2e2e2"></i>runtime</span>
    <span><i style="border:2px solid #d00"></i>failed</span>
    <span><i style="border:2px dashed #e07b00"></i>timer</span>
    <span><svg width="12" height="12"><path class="drop" d="M1 1 L11 1 L6 11 Z"/></svg>dropped</span>
    <span>fill: the tonic's state after the sparkle</span>
  </span>
</header>
<div id="view"></div>
<script type="application/json" id="trace-data">{{DATA}}</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("trace-data").textContent);
  var sparkles = data.sparkles, drops = data.drops;
  var NS = "http://www.w3.org/2000/svg", LABEL = 200, TOP = 26, HEAD = 20, LANE = 28;
  var slot = 34, view = document.getElementById("view");
  var byIndex = {}, groups = [], laneOf = {};
  sparkles.forEach(function (s) { byIndex[s.i] = s; addLane(s.catalyst, s.tonic); });
  drops.forEach(function (d) { addLane(d.catalyst, d.tonic); });
  var slots = sparkles.length ? sparkles[sparkles.length - 1].x + 1 : 0;

  function addLane(catalyst, tonic) {
    var group = groups.filter(function (g) { return g.name === catalyst; })[0];
    if (!group) { group = { name: catalyst, tonics: [] }; groups.push(group); }
    if (group.tonics.indexOf(tonic) < 0 && !laneOf[tonic]) { group.tonics.push(tonic); laneOf[tonic] = {}; }
  }

  function el(name, attrs, parent, text) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  function colour(state) {
    if (!state || state === "--") { return "#cfe3f7"; }
    var h = 0;
    for (var i = 0; i < state.length; i++) { h = (h * 31 + state.charCodeAt(i)) % 360; }
    return "hsl(" + h + ",65%,72%)";
  }

  function render() {
    view.innerHTML = "";
    var y = TOP, row = 0;
    groups.forEach(function (g) {
      g.y = y; y += HEAD;
      g.tonics.forEach(function (t) { laneOf[t] = { y: y, row: row++ }; y += LANE; });
    });
    var width = LABEL + slots * slot + 40;
    var svg = el("svg", { width: width, height: y + 10, id: "timeline" }, view);
    el("defs", {}, svg).innerHTML = '<marker id="head" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L8 4 L0 8 Z" fill="#5a6b8c"/></marker>';
    groups.forEach(function (g) {
      el("text", { x: 6, y: g.y + HEAD / 2, "class": "catalyst-label" }, svg, "\u25BE " + g.name);
      g.tonics.forEach(function (t) {
        var l = laneOf[t];
        el("rect", { x: 0, y: l.y, width: width, height: LANE, "class": "lane-bg lane" + (l.row % 2 ? " odd" : ""), "data-tonic": t }, svg);
        el("text", { x: 16, y: l.y + LANE / 2, "class": "lane-label" }, svg, t);
      });
    });
    var lastMs = null;
    sparkles.forEach(function (s) {
      if (s.depth === 0 && s.ms !== lastMs) {
        var x = LABEL + s.x * slot;
        el("line", { x1: x, x2: x, y1: TOP - 4, y2: y, "class": "tick-line" }, svg);
        el("text", { x: x + 2, y: 12, "class": "tick" }, svg, "+" + (Math.round(s.ms * 1000) / 1000) + " ms");
        lastMs = s.ms;
      }
    });
    var arrows = el("g", { id: "arrows" }, svg), boxes = el("g", { id: "sparkles" }, svg), count = 0, arrowCount = 0;
    sparkles.forEach(function (s) {
      var l = laneOf[s.tonic], inset = 2 + s.depth * 3;
      var x = LABEL + s.x * slot + inset, h = Math.max(6, LANE - 2 * inset), w = Math.max(4, slot - 2 * inset);
      s.box = { x: x, y: l.y + inset, w: w, h: h };
      var cls = "sparkle" + (s.system ? " system" : "") + (s.failure ? " failed" : "") + (s.timer ? " timer" : "");
      var g = el("g", { "class": cls, "data-index": s.i }, boxes);
      g.dataset.text = (s.tonic + " " + s.sparkle + " " + s.in + " " + s.out + " " + s.args + " " + s.catalyst).toLowerCase();
      el("rect", { x: x, y: l.y + inset, width: w, height: h, rx: 3, fill: s.system ? "#e2e2e2" : colour(s.out) }, g);
      if (s.failure) { el("text", { x: x + w / 2 - 4, y: l.y + LANE / 2, "class": "fail-mark" }, g, "\u2715"); }
      el("title", {}, g, "#" + s.i + " " + s.tonic + "." + s.sparkle + "(" + s.args + ")\nstate " + s.in + " \u2192 " + s.out +
        "\nfrom " + s.from + "\nvirtual time " + s.time + "\nwall " + s.wallUs + " \u00B5s" + (s.failure ? "\nFAILED: " + s.failure : ""));
      count++;
    });
    sparkles.forEach(function (s) {
      var from = s.src === undefined ? null : byIndex[s.src];
      if (!from || !from.box) { return; }
      var x1 = from.box.x + from.box.w, y1 = from.box.y + from.box.h / 2, x2 = s.box.x, y2 = s.box.y + s.box.h / 2;
      var mid = (x1 + x2) / 2;
      el("path", { d: "M" + x1 + " " + y1 + " C" + mid + " " + y1 + " " + mid + " " + y2 + " " + x2 + " " + y2, "class": "arrow", "marker-end": "url(#head)", "data-from": from.i, "data-to": s.i }, arrows);
      arrowCount++;
    });
    var dropCount = 0;
    drops.forEach(function (d) {
      var after = byIndex[d.afterIndex], l = laneOf[d.tonic];
      var x = LABEL + (after ? after.x + 1 : 0) * slot - 5, top = l.y + 4;
      var g = el("g", { "class": "drop-mark" }, boxes);
      g.dataset.text = (d.tonic + " " + d.sparkle + " " + d.reason + " " + d.args).toLowerCase();
      el("path", { d: "M" + (x - 5) + " " + top + " L" + (x + 5) + " " + top + " L" + x + " " + (top + 10) + " Z", "class": "drop" }, g);
      el("title", {}, g, "DROPPED " + d.tonic + "." + d.sparkle + "(" + d.args + "): " + d.reason + "\nfrom " + d.from);
      dropCount++;
    });
    document.body.dataset.lanes = Object.keys(laneOf).length;
    document.body.dataset.sparkles = count;
    document.body.dataset.arrows = arrowCount;
    document.body.dataset.drops = dropCount;
    document.getElementById("summary").textContent = Object.keys(laneOf).length + " tonics on " + groups.length + " catalysts, " +
      count + " sparkles, " + sparkles.filter(function (s) { return s.failure; }).length + " failed, " + dropCount + " dropped";
    search();
  }

  function search() {
    var q = document.getElementById("search").value.trim().toLowerCase(), hits = 0;
    view.querySelectorAll(".sparkle, .drop-mark").forEach(function (g) {
      var hit = q !== "" && g.dataset.text.indexOf(q) >= 0;
      g.classList.toggle("hit", hit);
      g.classList.toggle("dim", q !== "" && !hit);
      if (hit) { hits++; }
    });
    document.getElementById("matches").textContent = q ? hits + " matches" : "";
  }

  function zoom(factor) { slot = Math.min(400, Math.max(4, slot * factor)); render(); }
  document.getElementById("zoom-in").onclick = function () { zoom(1.25); };
  document.getElementById("zoom-out").onclick = function () { zoom(0.8); };
  document.getElementById("zoom-fit").onclick = function () { slot = Math.max(4, (view.clientWidth - LABEL - 40) / Math.max(1, slots)); render(); };
  view.addEventListener("wheel", function (e) { if (e.ctrlKey) { e.preventDefault(); zoom(e.deltaY < 0 ? 1.25 : 0.8); } }, { passive: false });
  document.getElementById("search").addEventListener("input", search);
  render();
})();
</script>
</body>
</html>
""";
}
