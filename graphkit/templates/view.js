/* graphkit view: search, filters, topic trace and details over a vis-network graph.
 * Everything that comes from documents is text: the DOM is built with createElement
 * and textContent only, and vis-network tooltips are DOM elements, never HTML strings. */
(function () {
  "use strict";

  var mark = function (name) { if (window.performance && performance.mark) performance.mark(name); };
  mark("graphkit-start");
  var data = JSON.parse(document.getElementById("graphkit-data").textContent);
  mark("graphkit-parsed");
  var ents = data.entities;
  var styles = {};
  data.types.forEach(function (t) { styles[t.key] = t; });
  var api = { ready: false, readyAt: null, data: data, state: null };
  window.graphkit = api;

  // ---- small DOM helpers (text only) ------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var kid = arguments[i];
      if (kid === null || kid === undefined) continue;
      parent.appendChild(typeof kid === "string" ? document.createTextNode(kid) : kid);
    }
    return parent;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function $(id) { return document.getElementById(id); }
  function fold(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  // ---- graph indexes -----------------------------------------------------------------
  var adj = {};
  data.nodes.forEach(function (n) { adj[n.id] = []; });
  data.edges.forEach(function (e, i) {
    adj[e[0]].push({ other: e[1], kind: e[2], note: e[3], out: true, edge: i });
    adj[e[1]].push({ other: e[0], kind: e[2], note: e[3], out: false, edge: i });
  });
  var meetingOf = {};
  data.edges.forEach(function (e) { if (e[2] === "part-of") meetingOf[e[0]] = e[1]; });
  function byDate(a, b) {
    var da = ents[a].date || "", db = ents[b].date || "";
    if (da !== db) return da < db ? -1 : 1;
    return ents[a].label < ents[b].label ? -1 : ents[a].label > ents[b].label ? 1 : 0;
  }
  function byLabel(a, b) {
    var la = fold(ents[a].label), lb = fold(ents[b].label);
    return la < lb ? -1 : la > lb ? 1 : 0;
  }
  var searchIndex = data.nodes.map(function (n) {
    return { id: n.id, labels: ents[n.id].labels.map(fold), degree: adj[n.id].length };
  });

  // ---- the network -------------------------------------------------------------------
  // One tooltip element, shared by every node and edge and filled when vis-network
  // shows it: thousands of tooltips cost nothing until one is needed.
  var tip = el("div", "tip");
  function fillTip(id) {
    clear(tip);
    if (typeof id === "string" && ents[id]) {
      var e = ents[id];
      add(tip, el("strong", null, e.label));
      var kind = e.type === "programme" && e.topic ? "Topic" : styles[e.type].one;
      add(tip, el("div", "kind", kind + (e.date ? " \u00b7 " + e.date : "")));
      if (e.labels.length > 1) add(tip, el("div", "kind", "also: " + e.labels.slice(1, 4).join("; ")));
    } else if (typeof id === "number" && data.edges[id]) {
      var d = data.edges[id];
      add(tip, el("div", null, ents[d[0]].label),
        el("div", "kind", data.kinds[d[2]][0] + (d[3] ? " (" + d[3] + ")" : "")),
        el("div", null, ents[d[1]].label));
    }
  }
  var baseColor = {};
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    baseColor[n.id] = n.color;
    return { id: n.id, label: n.label, shape: n.shape, color: n.color, x: n.x, y: n.y,
      size: n.size, title: tip };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return { id: i, from: e[0], to: e[1], title: tip };
  }));
  mark("graphkit-datasets");
  var container = $("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  mark("graphkit-network");
  api.network = network;
  network.on("showPopup", fillTip);
  api.nodes = nodes;
  api.edges = edges;

  // Year marks along the time axis, drawn on the canvas (numbers only, never data text).
  network.on("beforeDrawing", function (ctx) {
    if (!data.axis.length) return;
    var scale = network.getScale() || 1;
    var top = data.bounds[0], bottom = data.bounds[1];
    ctx.save();
    ctx.strokeStyle = "rgba(120,135,150,0.35)";
    ctx.fillStyle = "rgba(70,85,100,0.85)";
    ctx.lineWidth = 1.5 / scale;
    ctx.font = "bold " + Math.round(15 / scale) + "px sans-serif";
    var nextLabel = Infinity;
    // labels sit at the top of the axis, or of the screen when the top is scrolled away
    var labelY = Math.max(top - 14 / scale, network.DOMtoCanvas({ x: 0, y: 0 }).y + 22 / scale);
    data.axis.slice().reverse().forEach(function (mark) {  // right to left: later years win
      ctx.beginPath();
      ctx.moveTo(mark[1], top - 30 / scale);
      ctx.lineTo(mark[1], bottom);
      ctx.stroke();
      if ((nextLabel - mark[1]) * scale < 48) return;  // too close to the label on its right
      ctx.fillText(String(mark[0]), mark[1] + 5 / scale, labelY);
      nextLabel = mark[1];
    });
    ctx.restore();
  });

  // ---- state, visibility and highlight -------------------------------------------------
  var state = { types: {}, from: null, to: null, topic: null, highlight: null, neighbourhood: [] };
  api.state = state;
  data.types.forEach(function (t) { state.types[t.key] = true; });
  if (data.years) { state.from = data.years[0]; state.to = data.years[1]; }
  var hidden = {};
  var topicCache = {};

  function yearOK(e) {
    if (state.from === null || !e.years.length) return true;
    for (var i = 0; i < e.years.length; i++) {
      if (e.years[i] >= state.from && e.years[i] <= state.to) return true;
    }
    return false;
  }

  function topicMembers(pid) {
    if (topicCache[pid]) return topicCache[pid];
    var items = adj[pid].filter(function (a) {
      return a.kind === "subject" && ents[a.other].type === "item";
    }).map(function (a) { return a.other; });
    items = Array.from(new Set(items));
    var meetings = Array.from(new Set(items.map(function (i) { return meetingOf[i]; })
      .filter(Boolean))).sort(byDate);
    var named = {}, present = {}, orgs = {};
    items.forEach(function (i) {
      adj[i].forEach(function (a) {
        var t = ents[a.other].type;
        if (t === "person") named[a.other] = (named[a.other] || 0) + 1;
        if (t === "organisation") orgs[a.other] = true;
      });
    });
    meetings.forEach(function (m) {
      adj[m].forEach(function (a) {
        if (a.kind === "attended" && (a.note === "present" || a.note === "substitute") && !named[a.other]) {
          present[a.other] = true;
        }
        if (a.kind === "organizer") orgs[a.other] = true;
      });
    });
    var all = new Set([pid].concat(items, meetings, Object.keys(named), Object.keys(present),
      Object.keys(orgs)));
    var out = { items: items.sort(byDate), meetings: meetings, named: named,
      present: Object.keys(present).sort(byLabel), all: all };
    topicCache[pid] = out;
    return out;
  }

  function visible(id) {
    var e = ents[id];
    if (!state.types[e.type] || !yearOK(e)) return false;
    if (state.topic && !topicMembers(state.topic).all.has(id)) return false;
    return true;
  }

  function applyVisibility() {
    var changes = [], counts = {};
    data.nodes.forEach(function (n) {
      var show = visible(n.id);
      if (show) counts[ents[n.id].type] = (counts[ents[n.id].type] || 0) + 1;
      if (!!hidden[n.id] === !show) return;
      hidden[n.id] = !show;
      changes.push({ id: n.id, hidden: !show });
    });
    if (changes.length) nodes.update(changes);
    data.types.forEach(function (t) {
      var c = $("count-" + t.key);
      if (c) c.textContent = String(counts[t.key] || 0);
    });
    state.visible = counts;
  }

  var DIM = "rgba(190,195,200,0.35)";
  var dimmed = {};
  function highlight(id) {
    var keep = new Set(id ? [id] : []);
    if (id) adj[id].forEach(function (a) { keep.add(a.other); });
    state.highlight = id || null;
    state.neighbourhood = Array.from(keep);
    var changes = [];  // only the nodes whose state changes: one update is O(graph) anyway
    data.nodes.forEach(function (n) {
      var dim = !!id && !keep.has(n.id);
      if (!!dimmed[n.id] === dim) return;
      dimmed[n.id] = dim;
      changes.push({ id: n.id, color: dim ? DIM : baseColor[n.id],
        font: { color: dim ? "rgba(150,155,160,0.5)" : "#1b2631" } });
    });
    if (changes.length) nodes.update(changes);
    if (id) network.selectNodes([id]); else network.unselectAll();
  }

  function go(id, zoom) {
    if (!ents[id]) return;
    if (hidden[id]) {  // make it visible again: the user asked for it by name
      state.types[ents[id].type] = true;
      $("type-" + ents[id].type).checked = true;
      if (state.topic && !topicMembers(state.topic).all.has(id)) setTopic("");
      if (!yearOK(ents[id])) setYears(data.years[0], data.years[1]);
      applyVisibility();
    }
    highlight(id);
    showDetails(id);
    if (zoom) network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
  }
  api.go = go;

  function linkTo(id, text) {
    var b = el("button", "link", text === undefined ? ents[id].label : text);
    b.type = "button";
    b.dataset.node = id;
    b.addEventListener("click", function () { go(id, true); });
    return b;
  }

  // ---- search ------------------------------------------------------------------------
  function search(q) {
    q = fold(q);
    if (!q) return [];
    var hits = [];
    searchIndex.forEach(function (s) {
      var best = 9;
      s.labels.forEach(function (l) {
        var r = l === q ? 0 : l.indexOf(q) === 0 ? 1 :
          (" " + l).indexOf(" " + q) >= 0 || ("(" + l).indexOf("(" + q) >= 0 ? 2 : l.indexOf(q) >= 0 ? 3 : 9;
        if (r < best) best = r;
      });
      if (best < 9) hits.push({ id: s.id, rank: best, degree: s.degree });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || b.degree - a.degree || byLabel(a.id, b.id);
    });
    return hits.slice(0, 40);
  }
  api.search = search;

  function runSearch() {
    var q = $("search").value;
    var hits = search(q);
    var list = $("search-results");
    clear(list);
    state.results = hits.map(function (h) { return h.id; });
    hits.forEach(function (h, n) {
      var li = el("li", n === 0 ? "selected" : null);
      add(li, el("span", "sym", styles[ents[h.id].type].symbol), linkTo(h.id));
      li.firstChild.style.color = styles[ents[h.id].type].color;
      list.appendChild(li);
    });
    if (q.trim() && !hits.length) list.appendChild(el("li", "note", "No match."));
    if (hits.length) go(hits[0].id, false); else if (!q.trim()) highlight(null);
  }
  var timer = null;
  $("search").addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(runSearch, 120);
  });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    clearTimeout(timer);
    runSearch();
    if (state.results && state.results.length) go(state.results[0], true);
  });

  // ---- topic trace -------------------------------------------------------------------
  var programmes = data.nodes.filter(function (n) { return ents[n.id].type === "programme"; })
    .map(function (n) { return n.id; }).sort(byLabel);
  programmes.forEach(function (id) {
    var o = el("option", null, ents[id].label + (ents[id].topic ? " (topic)" : ""));
    o.value = id;
    $("topic").appendChild(o);
  });

  function renderTrace(pid) {
    var box = $("trace");
    clear(box);
    if (!pid) { box.hidden = true; return; }
    var t = topicMembers(pid);
    box.hidden = false;
    add(box, el("h2", null, "Trace: " + ents[pid].label));
    var span = t.meetings.length ?
      " (" + (ents[t.meetings[0]].date || "?").slice(0, 4) + "\u2013" +
      (ents[t.meetings[t.meetings.length - 1]].date || "?").slice(0, 4) + ")" : "";
    add(box, el("p", "note", "Discussed at " + t.meetings.length + " meeting" +
      (t.meetings.length === 1 ? "" : "s") + span + ", in " + t.items.length + " agenda item" +
      (t.items.length === 1 ? "" : "s") + ", in date order."));
    var ol = el("ol", "trace-meetings");
    t.meetings.forEach(function (m) {
      var li = el("li", "trace-meeting");
      li.dataset.node = m;
      li.dataset.date = ents[m].date || "";
      add(li, linkTo(m, ents[m].label));
      var ul = el("ul");
      t.items.filter(function (i) { return meetingOf[i] === m; }).forEach(function (i) {
        add(ul, add(el("li", "trace-item"), linkTo(i)));
      });
      add(li, ul);
      ol.appendChild(li);
    });
    add(box, ol);
    var named = Object.keys(t.named).sort(function (a, b) { return t.named[b] - t.named[a] || byLabel(a, b); });
    if (named.length) {
      add(box, el("h3", null, "People named in these items"));
      var ul = el("ul", "trace-people");
      named.forEach(function (p) { add(ul, add(el("li"), linkTo(p), " \u00d7" + t.named[p])); });
      add(box, ul);
    }
    if (t.present.length) {
      var more = el("details");
      add(more, el("summary", null, "Present at these meetings (" + t.present.length + ")"));
      var ul2 = el("ul");
      t.present.forEach(function (p) { add(ul2, add(el("li"), linkTo(p))); });
      add(box, add(more, ul2));
    }
  }

  function setTopic(pid) {
    state.topic = pid || null;
    $("topic").value = pid || "";
    applyVisibility();
    renderTrace(state.topic);
    if (state.topic) {
      highlight(null);  // everything left on the canvas belongs to the trace
      network.selectNodes([state.topic]);
      showDetails(state.topic);
      network.fit({ nodes: Array.from(topicMembers(state.topic).all), animation: false });
    }
  }
  api.setTopic = setTopic;
  api.topicMembers = topicMembers;
  $("topic").addEventListener("change", function () { setTopic($("topic").value); });

  // ---- years and types ---------------------------------------------------------------
  function yearLabel() {
    $("year-label").textContent = state.from === null ? "" : state.from + "\u2013" + state.to;
  }
  function setYears(a, b) {
    if (!data.years) return;
    state.from = Math.min(a, b);
    state.to = Math.max(a, b);
    $("year-from").value = String(state.from);
    $("year-to").value = String(state.to);
    yearLabel();
    applyVisibility();
  }
  api.setYears = setYears;
  if (data.years) {
    ["year-from", "year-to"].forEach(function (id) {
      var input = $(id);
      input.min = String(data.years[0]);
      input.max = String(data.years[1]);
      input.addEventListener("input", function () {
        setYears(Number($("year-from").value), Number($("year-to").value));
      });
    });
    $("year-from").value = String(data.years[0]);
    $("year-to").value = String(data.years[1]);
    yearLabel();
  } else {
    $("years").hidden = true;
  }

  data.types.forEach(function (t) {
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.id = "type-" + t.key;
    box.addEventListener("change", function () {
      state.types[t.key] = box.checked;
      applyVisibility();
    });
    var sym = el("span", "sym", t.symbol);
    sym.style.color = t.color;
    var count = el("span", "count", "0");
    count.id = "count-" + t.key;
    add(label, box, sym, t.label, count);
    add($("legend"), add(li, label));
  });

  // ---- details panel -----------------------------------------------------------------
  function section(parent, title, node) {
    add(parent, el("h3", null, title), node);
  }
  function refOrName(r) {
    return r.ref ? linkTo(r.ref, r.name) : el("span", null, r.name);
  }
  function span(a, b) {
    if (!a && !b) return "";
    if (a === b || !b) return " (" + a + ")";
    return " (" + (a || "?") + " to " + b + ")";
  }

  function showDetails(id) {
    var e = ents[id], box = $("details");
    clear(box);
    state.selected = id;
    box.dataset.node = id;
    add(box, el("h2", null, e.label));
    var badge = el("span", "badge", e.type === "programme" && e.topic ? "Topic" : styles[e.type].one);
    badge.style.background = styles[e.type].color;
    add(box, badge);
    if (e.labels.length > 1) {
      var aka = el("ul", "labels");
      e.labels.slice(1).forEach(function (l) { add(aka, el("li", null, l)); });
      section(box, "Also written as", aka);
    }
    if (e.facts && e.facts.length) {
      var dl = el("dl");
      e.facts.forEach(function (f) { add(dl, el("dt", null, f[0]), el("dd", null, f[1])); });
      add(box, dl);
    }
    if (e.roles) {
      var roles = el("ul", "roles");
      e.roles.forEach(function (r) {
        add(roles, add(el("li"), el("strong", null, r.role), ", ", refOrName(r), span(r.start, r.end)));
      });
      section(box, "Roles", roles);
    }
    if (e.members) {
      var members = el("ul", "members");
      e.members.forEach(function (r) {
        add(members, add(el("li"), refOrName(r), ": " + r.role, span(r.start, r.end)));
      });
      section(box, "People with roles here", members);
    }
    if (e.attendance) {
      var att = el("ul", "attendance");
      e.attendance.forEach(function (r) {
        var words = [r.status, r.capacity, r.role].filter(Boolean).join(", ");
        add(att, add(el("li"), refOrName(r), words ? " \u2014 " + words : ""));
      });
      section(box, e.type === "meeting" ? "Attendance" : "Meetings attended", att);
    }
    if (e.texts && e.texts.length) {
      var texts = el("div", "texts");
      e.texts.forEach(function (t) { add(texts, add(el("p"), el("strong", null, t.kind + ": "), t.text)); });
      section(box, "Resolutions and actions", texts);
    }
    var groups = {};
    adj[id].forEach(function (a) {
      if (hidden[a.other] && state.topic) return;
      var t = ents[a.other].type;
      (groups[t] = groups[t] || {})[a.other] = (groups[t][a.other] || []).concat(
        [data.kinds[a.kind][a.out ? 0 : 1] + (a.note ? " (" + a.note + ")" : "")]);
    });
    data.types.forEach(function (t) {
      var g = groups[t.key];
      if (!g) return;
      var ids = Object.keys(g).sort(t.key === "meeting" || t.key === "item" ? byDate : byLabel);
      var ul = el("ul", "linked linked-" + t.key);
      ids.forEach(function (o) {
        add(ul, add(el("li"), linkTo(o), el("span", "note", " \u2014 " + Array.from(new Set(g[o])).join("; "))));
      });
      section(box, "Linked " + t.label.toLowerCase() + " (" + ids.length + ")", ul);
    });
    if (e.evidence) {
      var ev = el("div", "evidence-list");
      e.evidence.forEach(function (r) {
        add(ev, el("blockquote", "evidence", r.quote));
        var cite = add(el("div", "cite"), "\u2014 ", el("cite", null, r.doc || "unknown document"));
        if (r.item) add(cite, ", ", linkTo(r.item, r.itemName));
        else if (r.itemName) add(cite, ", " + r.itemName);
        add(ev, cite);
      });
      if (e.evidenceMore) add(ev, el("p", "note", "\u2026 and " + e.evidenceMore + " more passages in the graph."));
      section(box, "Evidence (" + (e.evidence.length + (e.evidenceMore || 0)) + ")", ev);
    }
    if (e.planned) {
      var pl = el("ul", "planned");
      e.planned.forEach(function (r) {
        add(pl, el("li", null, (r.date ? r.date + ": " : "") + r.title + (r.doc ? " [" + r.doc + "]" : "")));
      });
      section(box, "In a work programme", pl);
    }
    if (e.documents && e.documents.length) {
      var docs = el("ul", "documents");
      e.documents.forEach(function (d) { add(docs, el("li", null, d)); });
      section(box, "Documents", docs);
    }
    add(box, el("h3", null, "Identifier"), el("code", null, e.iri));
  }
  api.showDetails = showDetails;

  network.on("click", function (params) {
    if (params.nodes.length) {
      highlight(params.nodes[0]);
      showDetails(params.nodes[0]);
    } else if (!params.edges.length) {
      highlight(state.topic);
    }
  });

  // ---- buttons and start -------------------------------------------------------------
  $("fit").addEventListener("click", function () { network.fit({ animation: false }); });
  $("reset").addEventListener("click", function () {
    $("search").value = "";
    clear($("search-results"));
    data.types.forEach(function (t) { state.types[t.key] = true; $("type-" + t.key).checked = true; });
    if (data.years) setYears(data.years[0], data.years[1]);
    setTopic("");
    highlight(null);
    clear($("details"));
    add($("details"), el("p", "hint", "Nothing selected."));
    network.fit({ animation: false });
  });
  $("physics").addEventListener("change", function () {
    network.setOptions({ physics: { enabled: $("physics").checked, solver: "forceAtlas2Based",
      stabilization: { enabled: false } } });
  });

  document.title = data.title;
  $("title").textContent = data.title;
  var counts = data.counts.shown === data.counts.total ? data.counts.shown + " nodes" :
    data.counts.shown + " of " + data.counts.total + " nodes";
  $("subtitle").textContent = (data.description ? data.description + " \u00b7 " : "") + counts +
    ", " + data.edges.length + " links. Offline: this file makes no network requests.";
  if (data.notice) { $("notice").textContent = data.notice; $("notice").hidden = false; }

  applyVisibility();
  if (data.focus.topic) setTopic(data.focus.topic);
  else if (data.focus.person) go(data.focus.person, false);
  network.once("afterDrawing", function () {
    mark("graphkit-ready");
    api.ready = true;
    api.readyAt = performance.now();
    document.documentElement.dataset.ready = "true";
  });
  network.fit({ animation: false });
  network.redraw();
})();
