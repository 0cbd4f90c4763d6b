// Storyline web UI. Article text is hostile input: every string from the API reaches the page through
// document.createTextNode / textContent (never innerHTML), and the server's Content-Security-Policy forbids inline script.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const main = document.getElementById("main");

// el("a", {href: "#/"}, "text", child…): strings become text nodes, so nothing is ever parsed as markup.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

// Each navigation gets a number; a response that arrives after the reader has moved on is dropped, so a slow
// page can never paint over the one that replaced it.
let routeToken = 0;
class StaleRoute extends Error {}

async function api(path) {
  const token = routeToken;
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let message = response.status + " " + response.statusText;
    try { message = (await response.json()).error || message; } catch { /* not JSON */ }
    throw new Error(message);
  }
  const body = await response.json();
  if (token !== routeToken) throw new StaleRoute();
  return body;
}

const enc = encodeURIComponent;
const articleLink = (id, start, end) => "#/article/" + enc(id) + (start !== undefined ? "/" + start + "-" + end : "");
const outletName = (outlet) => outlet || "Unnamed outlet";

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// TIMEX values people read: 2025-03-05 → 5 Mar 2025, 2025-03 → Mar 2025; others (2025-W10, PRESENT_REF) as they are.
function humanDate(value) {
  if (!value) return "";
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value.replace("PRESENT_REF", "now").replace("PAST_REF", "the past").replace("FUTURE_REF", "the future");
  if (!m[2]) return m[1];
  if (!m[3]) return months[+m[2] - 1] + " " + m[1];
  return (+m[3]) + " " + months[+m[2] - 1] + " " + m[1];
}
function dateRange(start, end) {
  if (!start) return "Undated";
  return start === end || !end ? humanDate(start) : humanDate(start) + " – " + humanDate(end);
}
// A position on the time axis in days, for values with at least a year; the middle of a month or year.
function dayNumber(value) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value || "");
  if (!m) return null;
  const y = +m[1], mo = m[2] ? +m[2] - 1 : 6, d = m[3] ? +m[3] : (m[2] ? 15 : 1);
  return Date.UTC(y, mo, d) / 86400000;
}

function setTitle(text) { document.title = text ? text + " · Storyline" : "Storyline"; }

function show(...nodes) {
  main.replaceChildren(...nodes);
}

function problem(error) {
  show(el("p", { class: "error" }, "Could not load this page: " + error.message));
}

// ---------- Story list ----------
async function storyList() {
  setTitle("");
  const stories = await api("/api/stories");
  const header = [el("p", { class: "kicker" }, "Latest"), el("h1", {}, "Stories")];
  if (stories.length === 0) {
    show(...header, el("p", { class: "empty" }, "No stories yet. Ingest articles with 'storyline ingest PATH…' and reload."));
    return;
  }
  show(...header, el("ul", { class: "story-list" }, stories.map((s) =>
    el("li", { class: "story-item" },
      el("div", { class: "when" }, dateRange(s.start, s.end)),
      el("div", {},
        el("h3", {}, el("a", { href: "#/story/" + enc(s.id) }, s.title)),
        el("div", { class: "meta" },
          s.outlets.map((o) => el("span", { class: "chip outlet" }, o)),
          el("span", {}, s.articles + (s.articles === 1 ? " article" : " articles")),
          el("span", {}, s.statements + (s.statements === 1 ? " statement" : " statements"))))))));
}

// ---------- Story page ----------
async function storyPage(id) {
  const { story, articles } = await api("/api/stories/" + enc(id));
  setTitle(story.title);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const outletOf = (articleId) => outletName(byId.get(articleId)?.outlet);
  const corroborated = story.statements.filter((s) => s.sources > 1).length;

  const head = [
    el("p", { class: "kicker" }, "Story · " + dateRange(story.start, story.end)),
    el("h1", {}, story.title),
    el("div", { class: "meta" },
      el("span", {}, articles.length + " articles from " + new Set(articles.map((a) => outletName(a.outlet))).size + " outlets"),
      el("span", {}, story.statements.length + " statements, " + corroborated + " reported by more than one source"),
      el("span", {}, story.timeline.length + " dated events")),
  ];

  const coverage = el("div", { class: "outlets", id: "outlets" }, articles.map((a) =>
    el("article", { class: "outlet-card" },
      el("h3", { class: "outlet-name" }, outletName(a.outlet)),
      el("div", { class: "meta" }, el("span", {}, a.published ? humanDate(a.published) : "Date not given"), a.url ? el("span", {}, new URL(a.url, location.href).hostname) : null),
      el("p", { class: "lead" }, a.title || firstSentence(a.lead)),
      el("a", { class: "read", href: articleLink(a.id) }, "Read the article →"))));

  show(...head,
    coverage,
    el("h2", {}, "Timeline"),
    el("p", { class: "section-note" }, "Dated events the articles mention, placed on one time axis."),
    timeline(story.timeline, outletOf),
    el("h2", {}, "Statements"),
    el("p", { class: "section-note" }, "Who said what, grouped across outlets. Click a quote to read it in its article."),
    statements(story, outletOf),
    el("h2", {}, "How each outlet describes them"),
    el("p", { class: "section-note" }, "The labels each outlet attaches to the people in the story."),
    labels(story, articles));
}

function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

function firstSentence(text) {
  const flat = (text || "").replace(/\s+/g, " ").trim();
  const stop = flat.search(/[.!?]\s/);
  return stop > 40 ? flat.slice(0, stop + 1) : flat;
}

function timeline(items, outletOf) {
  if (items.length === 0) return el("p", { class: "empty" }, "No dated events.");
  const placed = items.map((t) => ({ ...t, day: dayNumber(t.date) })).filter((t) => t.day !== null);
  const wrap = el("div", { class: "timeline-wrap timeline" });
  if (placed.length > 0) {
    const width = 1000, left = 40, right = 40, axisY = 70;
    // Dates decades apart and dates days apart both matter: the axis is ordinal (one step per distinct date), so
    // 2014 and 4–5 Mar 2025 are all readable; the order, not the distance, is what it shows.
    const distinct = [...new Set(placed.map((t) => t.day))].sort((a, b) => a - b);
    const x = (day) => distinct.length === 1 ? width / 2 : left + (distinct.indexOf(day) / (distinct.length - 1)) * (width - left - right);
    const height = axisY + 40;
    const root = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "Timeline from " + humanDate(items[0].date) + " to " + humanDate(items[items.length - 1].date) });
    root.append(svg("title", {}, "Timeline"));
    root.append(svg("line", { class: "axis", x1: left - 20, x2: width - right + 20, y1: axisY, y2: axisY }));
    distinct.forEach((day, i) => {
      const group = placed.filter((t) => t.day === day);
      const cx = x(day);
      const up = i % 2 === 0;
      root.append(svg("line", { class: "stem", x1: cx, x2: cx, y1: axisY, y2: up ? axisY - 34 : axisY + 22 }));
      root.append(svg("circle", { class: "dot", cx, cy: axisY, r: 7 + Math.min(4, group.length - 1) }));
      const label = svg("text", { class: "label-date", x: cx, y: up ? axisY - 40 : axisY + 34, "text-anchor": "middle" }, humanDate(group[0].date));
      label.append(svg("title", {}, group.map((t) => humanDate(t.date) + ": " + t.text).join("\n")));
      root.append(label);
    });
    wrap.append(root);
  }
  wrap.append(el("ul", { class: "timeline-list" }, items.map((t) =>
    el("li", {},
      el("span", { class: "date" }, humanDate(t.date)),
      el("span", {},
        t.sources && t.sources.length > 0
          ? el("a", { href: articleLink(t.sources[0].article, t.sources[0].start, t.sources[0].end) }, t.text)
          : t.text,
        el("span", { class: "src" }, "— " + [...new Set(t.articles.map(outletOf))].join(", ")))))));
  return wrap;
}

function statements(story, outletOf) {
  if (story.statements.length === 0) return el("p", { class: "empty" }, "No statements.");
  // Corroborated statements first: they are what several outlets agree someone said.
  const sorted = [...story.statements].sort((a, b) => b.sources - a.sources);
  const first = 6;
  const list = el("div", { id: "statements" });
  const render = (s) => {
    const byOutlet = new Map();
    for (const q of s.quotes) {
      const key = q.outlet || outletOf(q.article);
      if (!byOutlet.has(key)) byOutlet.set(key, []);
      byOutlet.get(key).push(q);
    }
    const card = el("section", { class: "statement", "data-speaker": s.speaker },
      el("div", { class: "statement-head" },
        el("span", { class: "speaker" }, s.speakerName || s.speaker),
        el("span", { class: "sources" + (s.sources > 1 ? " corroborated" : "") }, s.sources + (s.sources === 1 ? " source" : " sources"))),
      el("div", { class: "quotes" }, [...byOutlet.entries()].map(([outlet, quotes]) =>
        el("div", { class: "quote-col" },
          el("h4", {}, outletName(outlet)),
          quotes.map((q) => el("a", { class: "statement-quote", href: articleLink(q.article, q.start, q.end), "data-article": q.article },
            q.text,
            el("span", { class: "how" }, q.direct === false ? "reported speech" : "direct quote")))))));
    for (const d of s.diffs || []) {
      card.append(el("div", { class: "diff" },
        el("span", { class: "diff-label" }, "Wording: " + outletOf(d.from) + " → " + outletOf(d.to)),
        d.pieces.flatMap((p, i) => [i > 0 ? " " : "", p.op === "added" ? el("ins", {}, p.text) : p.op === "removed" ? el("del", {}, p.text) : p.text])));
    }
    return card;
  };
  sorted.slice(0, first).forEach((s) => list.append(render(s)));
  if (sorted.length > first) {
    const more = el("button", { class: "more", type: "button" }, "Show " + (sorted.length - first) + " more statements");
    more.addEventListener("click", () => { sorted.slice(first).forEach((s) => list.insertBefore(render(s), more)); more.remove(); });
    list.append(more);
  }
  return list;
}

function labels(story, articles) {
  if (story.entities.length === 0) return el("p", { class: "empty" }, "No labels.");
  const outlets = [...new Set(articles.map((a) => outletName(a.outlet)))];
  const outletOfArticle = new Map(articles.map((a) => [a.id, outletName(a.outlet)]));
  return el("table", { class: "labels", id: "labels" },
    el("thead", {}, el("tr", {}, el("th", {}, "Person or group"), outlets.map((o) => el("th", {}, o)))),
    el("tbody", {}, story.entities.map((e) => el("tr", {},
      el("td", { class: "name" }, el("a", { href: "#/entity/" + enc(e.entity) }, e.name)),
      outlets.map((o) => {
        const mine = e.descriptors.filter((d) => (d.outlet ? d.outlet : outletOfArticle.get(d.article)) === o);
        return el("td", {}, mine.length === 0 ? el("span", { class: "none" }, "—") :
          mine.flatMap((d, i) => [i > 0 ? ", " : "", el("a", { class: "label", href: articleLink(d.article, d.start, d.end) }, d.text)]));
      })))));
}

// ---------- Article view ----------
async function articlePage(id, target) {
  const { summary, analysis, stories, attributions } = await api("/api/articles/" + enc(id));
  const saidBy = new Map(attributions.map((a) => [a.start + "-" + a.end, a]));
  const speakerOf = (q) => q.speakerName || saidBy.get(q.start + "-" + q.end)?.speakerName || q.speaker || saidBy.get(q.start + "-" + q.end)?.speaker || null;
  setTitle(analysis.title || outletName(analysis.outlet));
  const text = analysis.text;
  // Every span that changes the look, as [start, end, class]; segments between boundaries get the classes covering them.
  const spans = [];
  for (const q of analysis.quotes) spans.push([q.start, q.end, "quote", q]);
  for (const t of analysis.times) spans.push([t.start, t.end, "date", t]);
  for (const e of analysis.entities) spans.push([e.start, e.end, "entity", e]);
  for (const i of analysis.ignored) spans.push([i.start, i.end, "ignored", i]);
  const cuts = new Set([0, text.length]);
  for (const [s, e] of spans) { cuts.add(Math.max(0, Math.min(text.length, s))); cuts.add(Math.max(0, Math.min(text.length, e))); }
  if (target) { cuts.add(target.start); cuts.add(target.end); }
  for (let k = 0; k < text.length; k++) if (text[k] === "\n") { cuts.add(k); cuts.add(k + 1); }
  const bounds = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);

  const body = el("div", { class: "article-text", id: "article-text" });
  let paragraph = el("p", {});
  let targetNode = null;
  // The clicked quote is one <mark> around all its segments: one outline, not a box per entity or date inside it.
  let targetMark = null;
  for (let b = 0; b + 1 < bounds.length; b++) {
    const start = bounds[b], end = bounds[b + 1];
    const piece = text.slice(start, end);
    if (piece === "\n") {
      if (paragraph.childNodes.length > 0) body.append(paragraph);
      paragraph = el("p", {});
      targetMark = null;
      continue;
    }
    const covering = spans.filter(([s, e]) => s <= start && end <= e);
    const classes = [...new Set(covering.map((c) => c[2]))];
    const inTarget = target && target.start <= start && end <= target.end;
    if (inTarget && !targetMark) {
      targetMark = el("mark", { class: "target" });
      paragraph.append(targetMark);
      if (!targetNode) { targetNode = targetMark; targetMark.id = "target"; targetMark.tabIndex = -1; }
    }
    if (!inTarget) targetMark = null;
    const into = targetMark || paragraph;
    if (classes.length === 0) { into.append(document.createTextNode(piece)); continue; }
    const span = el("span", { class: classes.join(" ") }, piece);
    const titleParts = covering.map(([, , kind, item]) =>
      kind === "quote" ? "Quote" + (speakerOf(item) ? " by " + speakerOf(item) : "") :
      kind === "date" ? "Date: " + item.value : kind === "entity" ? item.type + ": " + item.entity : "Not news text: " + item.reason);
    span.title = titleParts.join(" · ");
    into.append(span);
  }
  if (paragraph.childNodes.length > 0) body.append(paragraph);

  const people = new Map();
  for (const e of analysis.entities) {
    const p = people.get(e.entity) || { name: e.text, type: e.type, count: 0 };
    p.count++; if (e.text.length > p.name.length) p.name = e.text;
    people.set(e.entity, p);
  }

  show(
    el("p", { class: "kicker" }, outletName(analysis.outlet)),
    el("h1", {}, analysis.title || firstSentence(summary.lead)),
    el("div", { class: "meta" },
      el("span", {}, analysis.published ? humanDate(analysis.published) : "Date not given"),
      analysis.author ? el("span", {}, "By " + analysis.author) : null,
      analysis.url ? el("span", {}, analysis.url) : null,
      el("span", {}, [plural(analysis.quotes.length, "quote"), plural(analysis.times.length, "date"), people.size > 0 ? plural(people.size, "name") : null].filter(Boolean).join(" · "))),
    el("div", { class: "legend" }, el("span", { class: "l-quote" }, "quote"), el("span", { class: "l-date" }, "date"), el("span", { class: "l-entity" }, "person, place or organisation")),
    el("div", { class: "article-layout" },
      body,
      el("aside", { class: "side" },
        stories.length > 0 ? el("section", {}, el("h3", {}, "In the story"), el("ul", {}, stories.map((s) => el("li", {}, el("a", { href: "#/story/" + enc(s.id) }, s.title))))) : null,
        analysis.quotes.length === 0 ? null : el("section", {}, el("h3", {}, "Who speaks"), el("ul", {}, speakers(analysis, speakerOf).map(([name, n]) => el("li", {}, name, el("span", { class: "count" }, n + "×"))))),
        people.size === 0 ? null : el("section", {}, el("h3", {}, "Names"), el("ul", {}, [...people.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, 15)
          .map(([entity, p]) => el("li", {}, el("a", { href: "#/entity/" + enc(entity) }, p.name), el("span", { class: "count" }, p.type + " · " + p.count + "×"))))))));
  if (targetNode) {
    targetNode.scrollIntoView({ block: "center" });
  } else {
    window.scrollTo(0, 0);
  }
}

function speakers(analysis, speakerOf) {
  const counts = new Map();
  for (const q of analysis.quotes) {
    const name = speakerOf(q) || "Speaker not identified";
    counts.set(name, (counts.get(name) || 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

// ---------- Entities ----------
async function entityList() {
  setTitle("People & places");
  const entities = await api("/api/entities?limit=200");
  show(el("p", { class: "kicker" }, "Across every article"), el("h1", {}, "People & places"),
    entities.length === 0 ? el("p", { class: "empty" }, "No names yet.") :
      el("ul", { class: "results" }, entities.map((e) => el("li", {},
        el("h3", {}, el("a", { href: "#/entity/" + enc(e.id) }, e.name)),
        el("div", { class: "meta" }, e.type ? el("span", { class: "chip" }, e.type) : null, el("span", {}, e.mentions + " mentions in " + e.articles + (e.articles === 1 ? " article" : " articles")))))));
}

async function entityPage(id) {
  const { entity, mentions, quotes, stories } = await api("/api/entities/" + enc(id));
  setTitle(entity.name);
  show(el("p", { class: "kicker" }, entity.type || "Person or organisation"), el("h1", {}, entity.name),
    el("div", { class: "meta" }, el("span", {}, entity.mentions + " mentions in " + entity.articles + " articles")),
    el("h2", {}, "Stories"),
    stories.length === 0 ? el("p", { class: "empty" }, "None.") : el("ul", { class: "results" }, stories.map((s) => el("li", {}, el("h3", {}, el("a", { href: "#/story/" + enc(s.id) }, s.title))))),
    el("h2", {}, "Quotes"),
    quotes.length === 0 ? el("p", { class: "empty" }, "No quotes attributed.") : el("div", {}, quotes.map((q) =>
      el("a", { class: "statement-quote", href: articleLink(q.article, q.start, q.end) }, q.text, el("span", { class: "how" }, outletName(q.outlet) + (q.published ? " · " + humanDate(q.published) : ""))))),
    mentions.length === 0 ? null : el("h2", {}, "Mentions"),
    mentions.length === 0 ? null : el("ul", { class: "results" }, mentions.slice(0, 50).map((m) => el("li", {},
      el("a", { href: articleLink(m.article, m.start, m.end) }, m.text), el("span", { class: "meta" }, " " + outletName(m.outlet))))));
}

// ---------- Search ----------
async function searchPage(query) {
  setTitle("Search: " + query);
  document.getElementById("search-input").value = query;
  const hits = await api("/api/search?q=" + enc(query));
  show(el("p", { class: "kicker" }, "Search"), el("h1", {}, hits.length + (hits.length === 1 ? " article" : " articles") + " for “" + query + "”"),
    el("ul", { class: "results", id: "results" }, hits.map((h) => el("li", {},
      el("h3", {}, el("a", { href: articleLink(h.article.id) }, h.article.title || firstSentence(h.article.lead))),
      el("div", { class: "meta" }, el("span", { class: "chip outlet" }, outletName(h.article.outlet)), el("span", {}, h.article.published ? humanDate(h.article.published) : "")),
      el("p", { class: "snippet" }, h.parts.map((p) => p.match ? el("mark", {}, p.text) : p.text))))));
}

// ---------- Routing ----------
async function route() {
  routeToken++;
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, queryString] = hash.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (parts.length === 0) await storyList();
    else if (parts[0] === "story" && parts[1]) await storyPage(parts[1]);
    else if (parts[0] === "article" && parts[1]) {
      const m = /^(\d+)-(\d+)$/.exec(parts[2] || "");
      await articlePage(parts[1], m ? { start: +m[1], end: +m[2] } : null);
    } else if (parts[0] === "entities") await entityList();
    else if (parts[0] === "entity" && parts[1]) await entityPage(parts[1]);
    else if (parts[0] === "search") await searchPage(new URLSearchParams(queryString || "").get("q") || "");
    else show(el("p", { class: "empty" }, "No such page."));
    if (!(parts[0] === "article" && parts[2])) window.scrollTo(0, 0);
  } catch (error) {
    if (!(error instanceof StaleRoute)) problem(error);
  }
}

document.getElementById("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) location.hash = "#/search?q=" + enc(q);
});
window.addEventListener("hashchange", route);
route();
