/* graphkit view: a timeline of meetings, agenda items and programme lanes, drawn as SVG.
 * Everything that comes from documents is text: the DOM is built with createElement(NS)
 * and textContent only, never from HTML strings.
 *
 * Geometry lives in screen pixels, recomputed on every draw: x is the date (a month is a
 * month), text is always drawn at 12-13 CSS px whatever the zoom, and labels are placed
 * so that none overlaps another (abbreviated with the full title on hover, or grouped
 * behind a "+N"). window.graphkitView.report() measures what is drawn. */
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
  window.graphkitView = api;

  // ---- small DOM helpers (text only) ------------------------------------------------
  var NS = "http://www.w3.org/2000/svg";
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function S(tag, attrs, parent, text) {
    var node = document.createElementNS(NS, tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (parent) parent.appendChild(node);
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

  // ---- dates: whole days since 1970-01-01, as the Python side writes them ------------
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function dayOf(y, m, d) { return Math.round(Date.UTC(y, m - 1, d) / 86400000); }
  function ymd(day) {
    var t = new Date(day * 86400000);
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
  }
  function iso(day) {
    var t = ymd(day);
    return t.y + "-" + (t.m < 10 ? "0" : "") + t.m + "-" + (t.d < 10 ? "0" : "") + t.d;
  }
  function shortDate(day) { var t = ymd(day); return t.d + " " + MONTHS[t.m - 1] + " " + t.y; }
  /* "2021", "2021-06" or "2021-06-24" -> a day; the end of the period when end is true */
  function parseBound(text, end) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(String(text || "").trim());
    if (!m) return null;
    var y = +m[1];
    if (!m[2]) return end ? dayOf(y + 1, 1, 1) - 1 : dayOf(y, 1, 1);
    var mo = +m[2];
    if (mo < 1 || mo > 12) return null;
    if (!m[3]) return end ? dayOf(y, mo + 1, 1) - 1 : dayOf(y, mo, 1);
    return dayOf(y, mo, +m[3]);
  }

  // ---- graph indexes -----------------------------------------------------------------
  var adj = {};
  data.nodes.forEach(function (id) { adj[id] = []; });
  data.edges.forEach(function (e, i) {
    adj[e[0]].push({ other: e[1], kind: e[2], note: e[3], out: true, edge: i });
    adj[e[1]].push({ other: e[0], kind: e[2], note: e[3], out: false, edge: i });
  });
  function byDate(a, b) {
    var da = ents[a].date || "", db = ents[b].date || "";
    if (da !== db) return da < db ? -1 : 1;
    return ents[a].label < ents[b].label ? -1 : ents[a].label > ents[b].label ? 1 : 0;
  }
  function byLabel(a, b) {
    var la = fold(ents[a].label), lb = fold(ents[b].label);
    return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  }
  function ofType(t) { return data.nodes.filter(function (id) { return ents[id].type === t; }); }
  var allMeetings = ofType("meeting").filter(function (id) { return ents[id].day !== undefined; })
    .sort(function (a, b) { return ents[a].day - ents[b].day || byLabel(a, b); });
  var itemsOf = {};
  ofType("item").forEach(function (id) {
    var m = ents[id].meeting;
    if (m) (itemsOf[m] = itemsOf[m] || []).push(id);
  });
  Object.keys(itemsOf).forEach(function (m) {
    itemsOf[m].sort(function (a, b) { return ents[a].order - ents[b].order || byLabel(a, b); });
  });
  var searchIndex = data.nodes.map(function (id) {
    return { id: id, labels: ents[id].labels.map(fold), degree: adj[id].length };
  });

  /* Where each programme, person and organisation shows on the time axis: per meeting,
   * how many items touch it and whether it is named there (filled) or only present. */
  var marksOf = {};
  function markAt(id, meeting, named) {
    var m = (marksOf[id] = marksOf[id] || {});
    var r = (m[meeting] = m[meeting] || { n: 0, named: false });
    if (named) { r.n += 1; r.named = true; }
  }
  data.nodes.forEach(function (id) {
    var t = ents[id].type;
    if (t === "meeting" || t === "item") return;
    adj[id].forEach(function (a) {
      var o = ents[a.other];
      if (o.type === "item" && o.meeting) {
        if (t === "programme" && a.kind !== "subject") return;
        markAt(id, o.meeting, true);
      } else if (o.type === "meeting") {
        if (a.kind === "attended" && (a.note === "apologies" || a.note === "absent")) return;
        markAt(id, a.other, a.kind !== "attended");
      }
    });
  });
  function marksIn(id, shown) {
    var m = marksOf[id] || {};
    return Object.keys(m).filter(function (k) { return shown[k]; });
  }

  // ---- measuring text: one canvas, the same font as the SVG --------------------------
  var FONT = '"DejaVu Sans", Verdana, Arial, sans-serif';
  var LABEL_PX = 13, SMALL_PX = 12, ROW = 20;
  var measureCtx = document.createElement("canvas").getContext("2d");
  var widthCache = {};
  function textWidth(text, px, bold) {
    var key = (bold ? "b" : "") + px + "|" + text;
    if (widthCache[key] === undefined) {
      measureCtx.font = (bold ? "bold " : "") + px + "px " + FONT;
      widthCache[key] = measureCtx.measureText(text).width;
    }
    return widthCache[key];
  }
  /* the longest start of text that fits width, cut at a word when it can, with an ellipsis */
  function fit(text, px, width, bold) {
    if (textWidth(text, px, bold) <= width) return text;
    var lo = 0, hi = text.length;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (textWidth(text.slice(0, mid) + "\u2026", px, bold) <= width) lo = mid; else hi = mid - 1;
    }
    if (lo < 2) return "";
    var cut = text.slice(0, lo), space = cut.lastIndexOf(" ");
    if (space > lo * 0.85) cut = cut.slice(0, space);
    return cut.replace(/[\s,;:\-]+$/, "") + "\u2026";
  }

  // ---- state ---------------------------------------------------------------------------
  // People and organisations are many and rarely what a reader starts from: their lanes
  // stay collapsed until asked for (or until a trace makes them few).
  var DEFAULT_TYPES = { meeting: true, item: true, programme: true, person: false, organisation: false };
  var state = { types: {}, userTypes: {}, topics: [], person: null, showRest: false, window: null,
    expanded: {}, pinned: {}, selected: null, highlight: null, neighbourhood: [], results: [] };
  api.state = state;
  data.types.forEach(function (t) { state.types[t.key] = DEFAULT_TYPES[t.key] !== false; });
  var topicCache = {};

  function topicMembers(pid) {
    if (topicCache[pid]) return topicCache[pid];
    var items = Array.from(new Set(adj[pid].filter(function (a) {
      return a.kind === "subject" && ents[a.other].type === "item";
    }).map(function (a) { return a.other; })));
    var meetings = Array.from(new Set(items.map(function (i) { return ents[i].meeting; })
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
      present: Object.keys(present).sort(byLabel), orgs: Object.keys(orgs).sort(byLabel), all: all };
    topicCache[pid] = out;
    return out;
  }
  api.topicMembers = topicMembers;

  function personMembers(pid) {
    var items = {}, meetings = {}, programmes = {}, orgs = {};
    adj[pid].forEach(function (a) {
      var o = ents[a.other];
      if (o.type === "item") { items[a.other] = true; if (o.meeting) meetings[o.meeting] = true; }
      if (o.type === "meeting" && !(a.kind === "attended" && (a.note === "apologies" || a.note === "absent"))) {
        meetings[a.other] = true;
      }
      if (o.type === "organisation") orgs[a.other] = true;
    });
    Object.keys(items).forEach(function (i) {
      adj[i].forEach(function (a) {
        if (a.kind === "subject" && ents[a.other].type === "programme") programmes[a.other] = true;
      });
    });
    var roles = (ents[pid].roles || []).map(function (r) {
      var lo = parseBound(r.start, false), hi = parseBound(r.end || r.start, true);
      return { role: r.role, org: r.ref, name: r.name, lo: lo, hi: hi, start: r.start, end: r.end };
    }).filter(function (r) { return r.lo !== null; });
    var all = new Set([pid].concat(Object.keys(items), Object.keys(meetings),
      Object.keys(programmes), Object.keys(orgs)));
    return { items: items, meetings: Object.keys(meetings).sort(byDate),
      programmes: Object.keys(programmes).sort(byLabel), orgs: Object.keys(orgs).sort(byLabel),
      roles: roles, all: all };
  }

  /* What to draw for the current state: the meetings (strong or faded), their items,
   * the lane groups with their lanes, and the time span the axis covers. */
  function scene() {
    var strong = {}, itemSet = {}, extraDays = [], groups = [];
    var focus = null, lanesFor = {};
    if (state.topics.length) {
      focus = new Set();
      state.topics.forEach(function (t) {
        var tm = topicMembers(t);
        tm.meetings.forEach(function (m) { strong[m] = true; });
        tm.items.forEach(function (i) { itemSet[i] = true; });
        tm.all.forEach(function (x) { focus.add(x); });
      });
      var people = {}, orgs = {};
      state.topics.forEach(function (t) {
        var tm = topicMembers(t);
        Object.keys(tm.named).concat(tm.present).forEach(function (p) { people[p] = true; });
        tm.orgs.forEach(function (o) { orgs[o] = true; });
      });
      lanesFor = { programme: state.topics.slice(), person: Object.keys(people),
        organisation: Object.keys(orgs) };
    } else if (state.person) {
      var pm = personMembers(state.person);
      focus = pm.all;
      pm.meetings.forEach(function (m) { strong[m] = true; });
      Object.keys(pm.items).forEach(function (i) { itemSet[i] = true; });
      pm.roles.forEach(function (r) { extraDays.push(r.lo, r.hi); });
      lanesFor = { role: pm.roles, person: [state.person], programme: pm.programmes,
        organisation: pm.orgs };
    } else {
      allMeetings.forEach(function (m) { strong[m] = true; });
      data.nodes.forEach(function (id) { if (ents[id].type === "item") itemSet[id] = true; });
      lanesFor = { programme: ofType("programme"), person: ofType("person"),
        organisation: ofType("organisation") };
    }
    var days = Object.keys(strong).filter(function (m) { return ents[m].day !== undefined; })
      .map(function (m) { return ents[m].day; }).concat(extraDays);
    var domain = null;
    if (state.window) domain = state.window.slice();
    else if (days.length) {
      var lo = Math.min.apply(null, days), hi = Math.max.apply(null, days);
      var pad = hi === lo ? 45 : Math.max(20, (hi - lo) * 0.05);
      domain = [lo - pad, hi + pad];
    }
    var inside = function (m) {
      return domain && ents[m].day !== undefined && ents[m].day >= domain[0] && ents[m].day <= domain[1];
    };
    var meetings = [], faded = [];
    allMeetings.forEach(function (m) {
      if (!inside(m)) return;
      if (strong[m]) meetings.push(m);
      else if (focus && state.showRest) faded.push(m);
    });
    if (!state.types.meeting) { meetings = []; faded = []; }
    var shownM = {};
    meetings.forEach(function (m) { shownM[m] = true; });
    var items = [], fadedItems = [];
    if (state.types.item) {
      meetings.concat(faded).forEach(function (m) {
        (itemsOf[m] || []).forEach(function (i) {
          if (shownM[m] && itemSet[i]) items.push(i);
          else if (!shownM[m] || (focus && state.showRest)) fadedItems.push(i);
        });
      });
    }
    // lanes: the most discussed first; those never on the axis collapse behind "+N"
    var order = ["programme", "role", "person", "organisation"];
    order.forEach(function (key) {
      var candidates = lanesFor[key];
      if (!candidates || !candidates.length) return;
      var title = { programme: "Programmes", role: "Roles over time", person: "People",
        organisation: "Organisations" }[key];
      if (key === "role") {
        groups.push({ key: key, title: title, open: true, lanes: candidates.map(function (r) {
          return { role: r, id: r.org || null, marks: [] };
        }), rest: [] });
        return;
      }
      var pinned = candidates.filter(function (id) { return state.pinned[id]; });
      var open = state.types[key] || pinned.length > 0;
      var lanes = candidates.map(function (id) { return { id: id, marks: marksIn(id, shownM) }; });
      if (!(state.topics.length && key === "programme")) {
        lanes.sort(function (a, b) {
          return (state.pinned[b.id] ? 1 : 0) - (state.pinned[a.id] ? 1 : 0) ||
            b.marks.length - a.marks.length || ents[b.id].w - ents[a.id].w || byLabel(a.id, b.id);
        });
      }
      var live = lanes.filter(function (l) { return l.marks.length || state.pinned[l.id] || focus; });
      var rest = lanes.filter(function (l) { return live.indexOf(l) < 0; });
      if (!state.types[key]) {
        rest = live.filter(function (l) { return !state.pinned[l.id]; }).concat(rest);
        live = live.filter(function (l) { return state.pinned[l.id]; });
      }
      groups.push({ key: key, title: title, open: open, lanes: live, rest: rest,
        total: candidates.length });
    });
    return { meetings: meetings, faded: faded, items: items, fadedItems: fadedItems,
      groups: groups, domain: domain, focus: focus };
  }

  // ---- drawing ---------------------------------------------------------------------------
  var container = $("network"), tip = $("tip");
  var drawn = null;  // the last drawing: its scale, scene and SVG
  var AXIS_ROWS = 4, AXIS_ROW_H = 17;
  var Y_YEAR = 0, Y_MYEAR = 20, Y_MONTH = 38, Y_ROWS = 58;
  var AXIS_Y = Y_ROWS + AXIS_ROWS * AXIS_ROW_H + 10;

  function colourOf(id) { return ents[id].topic ? data.topicColor : styles[ents[id].type].color; }

  function nodeGroup(parent, id, cls, name) {
    var g = S("g", { "class": "node " + cls, "data-node": id, tabindex: "0", role: "button",
      "aria-label": name }, parent);
    return g;
  }

  function neighbourhood(id) {
    var keep = new Set([id]);
    adj[id].forEach(function (a) {
      keep.add(a.other);
      var o = ents[a.other];
      if (o.type === "item" && o.meeting) keep.add(o.meeting);
      if (ents[id].type === "meeting" && o.type === "item") {
        adj[a.other].forEach(function (b) { keep.add(b.other); });
      }
    });
    return keep;
  }

  function render() {
    var sc = scene();
    var W = Math.max(container.clientWidth, 320), H = Math.max(container.clientHeight, 300);
    var G = Math.round(Math.min(240, Math.max(150, W * 0.26)));
    var plotL = G + 14, plotR = W - 18;
    var svg = S("svg", { width: W, height: H, "class": "timeline" });
    var back = S("g", {}, svg);  // everything drawn here is already cut to the time window
    var front = S("g", {}, svg);
    var gutter = S("g", { "class": "gutter" }, svg);
    var dom = sc.domain || [0, 1];
    var k = (plotR - plotL) / Math.max(dom[1] - dom[0], 1);
    var X = function (day) { return plotL + (day - dom[0]) * k; };
    var sel = state.selected ? neighbourhood(state.selected) : null;
    var nodesOut = [];

    // bands: calendar years, council years (May to April) and month ticks
    var texts = [["Calendar year", Y_YEAR + 15], ["Council year (May\u2013Apr)", Y_MYEAR + 14]];
    if (sc.domain) {
      var y0 = ymd(dom[0]).y, y1 = ymd(dom[1]).y;
      for (var y = y0 - 1; y <= y1; y++) {
        [[dayOf(y, 1, 1), dayOf(y + 1, 1, 1), Y_YEAR, 20, String(y), "band"],
          [dayOf(y, 5, 1), dayOf(y + 1, 5, 1), Y_MYEAR, 18,
            y + "/" + String((y + 1) % 100).padStart(2, "0"), "myear"]].forEach(function (b) {
          var a = Math.max(b[0], dom[0]), z = Math.min(b[1], dom[1]);
          if (z <= a) return;
          S("rect", { "class": b[5] + (y % 2 ? " odd" : ""), x: X(a), y: b[2], width: X(z) - X(a),
            height: b[3] }, back);
          var w = textWidth(b[4], SMALL_PX, b[5] === "band");
          var lx = Math.max(X(a), plotL) + 4;
          if (lx + w <= Math.min(X(z), plotR) - 2) {
            S("text", { "class": "band-label", x: lx, y: b[2] + b[3] - 5, "font-size": SMALL_PX,
              "font-weight": b[5] === "band" ? "bold" : "normal" }, back, b[4]);
          }
        });
      }
      var t0 = ymd(dom[0]);
      for (var mo = dayOf(t0.y, t0.m, 1); mo <= dom[1]; ) {
        var t = ymd(mo), next = dayOf(t.y, t.m + 1, 1);
        if (mo >= dom[0]) S("line", { "class": "tick", x1: X(mo), x2: X(mo), y1: Y_MONTH, y2: Y_MONTH + 14 }, back);
        var mw = (next - mo) * k, word = mw >= 34 ? MONTHS[t.m - 1] : mw >= 14 ? MONTHS[t.m - 1][0] : "";
        var cx = X(mo + (next - mo) / 2);
        if (word && cx > plotL + 4 && cx < plotR - 4) {
          S("text", { "class": "month", x: cx, y: Y_MONTH + 13, "font-size": SMALL_PX,
            "text-anchor": "middle" }, back, word);
        }
        mo = next;
      }
    }
    S("line", { "class": "axis", x1: plotL - 6, x2: plotR + 6, y1: AXIS_Y, y2: AXIS_Y }, front);

    // meetings: one label per cluster, placed in up to three rows so that none overlaps
    var rows = [], placed = [], GAP = 6;
    for (var r = 0; r < AXIS_ROWS; r++) rows.push(-Infinity);
    var headOf = {};
    sc.meetings.forEach(function (m) {
      var x = X(ents[m].day), text = shortDate(ents[m].day), w = textWidth(text, LABEL_PX);
      var left = Math.min(Math.max(x - w / 2, plotL - 6), plotR + 6 - w);
      for (var r = 0; r < AXIS_ROWS; r++) {
        if (left >= rows[r] + GAP) {
          rows[r] = left + w;
          placed.push({ m: m, row: r, left: left, text: text, members: [m] });
          headOf[m] = m;
          return;
        }
      }
      var last = placed[placed.length - 1];
      last.members.push(m);
      headOf[m] = last.m;
      last.text = shortDate(ents[last.m].day) + " +" + (last.members.length - 1);
      var w2 = textWidth(last.text, LABEL_PX);
      if (last.left + w2 > plotR + 6) {
        // shift left, but never onto the label before it in the same row
        var before = -Infinity;
        for (var i = placed.length - 2; i >= 0; i--) {
          if (placed[i].row === last.row) { before = placed[i].left + textWidth(placed[i].text, LABEL_PX); break; }
        }
        last.left = Math.max(plotR + 6 - w2, before + GAP);
      }
      rows[last.row] = last.left + w2;
    });
    var labelOf = {};
    placed.forEach(function (p) { labelOf[p.m] = p; });

    var lanesTop;  // guides run from the axis to the bottom of the lanes; drawn at the end
    var guides = S("g", {}, back);
    var meetingX = {};
    sc.meetings.concat(sc.faded).forEach(function (m) { meetingX[m] = X(ents[m].day); });
    sc.faded.forEach(function (m) { drawMeeting(m, true); });
    sc.meetings.forEach(function (m) { drawMeeting(m, false); });
    function drawMeeting(m, isFaded) {
      var x = meetingX[m], e = ents[m];
      var g = nodeGroup(front, m, "meeting" + (isFaded ? " faded" : ""), e.label);
      S("path", { "class": "mark", d: "M" + x + " " + (AXIS_Y - 7) + "l7 7l-7 7l-7 -7z",
        fill: styles.meeting.color }, g);
      S("circle", { "class": "focus-ring", cx: x, cy: AXIS_Y, r: 11 }, g);
      var p = labelOf[m], label = null;
      if (p && !isFaded) {
        var top = AXIS_Y - 12 - (p.row + 1) * AXIS_ROW_H;
        label = S("text", { "class": "lbl", x: p.left, y: top + 13, "font-size": LABEL_PX }, g, p.text);
        if (p.row > 0) {
          S("line", { "class": "guide", x1: x, x2: x, y1: top + 16, y2: AXIS_Y - 8 }, guides);
        }
      }
      if (sel && !sel.has(m)) g.classList.add("dim");
      if (state.selected === m) g.classList.add("sel");
      nodesOut.push({ id: m, g: g, label: label, kind: "meeting", x: x, faded: isFaded,
        cluster: isFaded ? null : headOf[m] });
    }

    // items hang below their meeting in agenda order; labelled when a focus makes them few
    var itemsBy = {};
    sc.items.forEach(function (i) { (itemsBy[ents[i].meeting] = itemsBy[ents[i].meeting] || []).push([i, false]); });
    sc.fadedItems.forEach(function (i) { (itemsBy[ents[i].meeting] = itemsBy[ents[i].meeting] || []).push([i, true]); });
    // In a focus the items are few: each gets its title, and a meeting's stack starts
    // below the titles of the meetings just before it (a staircase), so none overlaps.
    var labelItems = !!sc.focus && sc.items.length <= 24;
    var step = labelItems ? 17 : 11, maxStack = labelItems ? 24 : 10, deepest = 0;
    var xsSorted = Object.keys(itemsBy).map(function (m) { return meetingX[m]; }).sort(function (a, b) { return a - b; });
    var reach = [];  // [right edge of a meeting's titles, the row below its stack]
    Object.keys(itemsBy).sort(function (a, b) { return meetingX[a] - meetingX[b]; }).forEach(function (m) {
      var x = meetingX[m], list = itemsBy[m];
      var at = xsSorted.indexOf(x);
      var gapR = at + 1 < xsSorted.length ? xsSorted[at + 1] - x : plotR + 10 - x;
      var gapL = at > 0 ? x - xsSorted[at - 1] : 20;
      var size = Math.max(2, Math.min(8, Math.min(gapR, gapL) - 2));
      var room = Math.min(plotR + 10 - x, 320) - 22, first = 0, right = x + 8;
      // near the right edge the titles go to the left of the stack
      var leftSide = labelItems && plotR + 10 - x < 150 && x - plotL > 150;
      if (leftSide) room = Math.min(x - plotL, 320) - 22;
      if (labelItems) {
        var from = leftSide ? x - room - 16 : x - 8;
        reach.forEach(function (r) { if (r[0] > from) first = Math.max(first, r[1]); });
      }
      list.slice(0, maxStack).forEach(function (pair, n) {
        var id = pair[0], cy = AXIS_Y + 18 + (first + n) * step;
        var g = nodeGroup(front, id, "item" + (pair[1] ? " faded" : ""), ents[id].label);
        S("rect", { "class": "mark", x: x - size / 2, y: cy - 4, width: size, height: 8,
          fill: styles.item.color }, g);
        S("rect", { "class": "focus-ring", x: x - 6, y: cy - 6, width: 12, height: 12 }, g);
        // a request made here is open or overdue: a dot beside the item, red when overdue
        var asks = ents[id].requests || [];
        if (asks.length) {
          var overdue = asks.some(function (r) { return r.status === "overdue"; });
          S("circle", { "class": "request-mark " + (overdue ? "request-overdue" : "request-open"),
            cx: x - size / 2 - 5, cy: cy, r: 3.2, role: "img",
            "aria-label": asks.length + " request" + (asks.length === 1 ? "" : "s") +
              (overdue ? " overdue" : " open") }, g);
        }
        var label = null;
        if (labelItems && !pair[1] && room >= 48) {
          var text = fit(ents[id].label, SMALL_PX, room);
          if (text) {
            label = S("text", { "class": "lbl", x: leftSide ? x - 9 : x + 9, y: cy + 4.5,
              "font-size": SMALL_PX, "text-anchor": leftSide ? "end" : "start" }, g, text);
            right = Math.max(right, x + 9 + textWidth(text, SMALL_PX));
          }
        }
        if (sel && !sel.has(id)) g.classList.add("dim");
        if (state.selected === id) g.classList.add("sel");
        nodesOut.push({ id: id, g: g, label: label, kind: "item", x: x, faded: pair[1] });
        deepest = Math.max(deepest, first + n + 1);
      });
      reach.push([right, first + Math.min(list.length, maxStack)]);
      if (list.length > maxStack && gapR >= 26) {
        S("text", { "class": "month", x: x - 4, y: AXIS_Y + 18 + (first + maxStack) * step + 4,
          "font-size": SMALL_PX }, front, "+" + (list.length - maxStack));
        deepest = Math.max(deepest, first + maxStack + 1);
      }
    });
    S("text", { x: 8, y: AXIS_Y + 4.5, "font-size": LABEL_PX, "font-weight": "bold" }, gutter,
      "Meetings (" + sc.meetings.length + ")");
    if (deepest) {
      S("text", { x: 8, y: AXIS_Y + 22.5, "font-size": SMALL_PX, "class": "band-label" }, gutter,
        "Agenda items (" + sc.items.length + ")");
    }
    texts.forEach(function (tx) {
      S("text", { "class": "band-label", x: 8, y: tx[1], "font-size": SMALL_PX }, gutter,
        fit(tx[0], SMALL_PX, G - 10));
    });

    // lanes: as many as fit the screen; the rest behind "+N more" until asked for
    lanesTop = AXIS_Y + 18 + Math.max(deepest, 1) * step + 16;
    var budget = Math.max(0, Math.floor((H - lanesTop - 6) / ROW));
    var quota = {};
    sc.groups.forEach(function (gr) {
      quota[gr.key] = gr.open ? Math.min(gr.lanes.length, 3) : 0;
      budget -= 1 + quota[gr.key] + (gr.open && (gr.rest.length || gr.lanes.length > quota[gr.key]) ? 1 : 0);
    });
    sc.groups.forEach(function (gr) {
      if (!gr.open) return;
      if (state.expanded[gr.key]) { quota[gr.key] = gr.lanes.length; return; }
      var extra = Math.max(0, Math.min(gr.lanes.length - quota[gr.key], budget));
      quota[gr.key] += extra;
      budget -= extra;
    });
    var yy = lanesTop;
    sc.groups.forEach(function (gr) {
      var shown = gr.open ? gr.lanes.slice(0, quota[gr.key]) : [];
      if (state.expanded[gr.key]) shown = gr.lanes.concat(gr.rest);
      var hiddenN = gr.lanes.length + gr.rest.length - shown.length;
      var all = gr.lanes.length + gr.rest.length;
      var head = gr.title + (gr.key === "role" ? "" : gr.open ? " (" + shown.length + " of " + all + ")" : " (" + all + ")");
      head = fit(head, SMALL_PX, G - 8, true);
      S("text", { "class": "group-title", x: 8, y: yy + 14, "font-size": SMALL_PX }, gutter, head);
      S("line", { "class": "tick", x1: 8, x2: plotR, y1: yy + 19, y2: yy + 19 }, back);
      if (!gr.open) {
        var show = S("text", { "class": "more", x: plotL, y: yy + 14, "font-size": SMALL_PX, tabindex: "0",
          role: "button", "data-group": gr.key }, gutter, "show " + all + " " + gr.title.toLowerCase());
        show.addEventListener("click", function () { toggleGroup(gr.key); });
        yy += ROW;
        return;
      }
      yy += ROW;
      shown.forEach(function (lane) {
        drawLane(lane, gr.key, yy);
        yy += ROW;
      });
      if (hiddenN > 0 || state.expanded[gr.key]) {
        var words = state.expanded[gr.key] ? "show fewer" : "+" + hiddenN + " more";
        var more = S("text", { "class": "more", x: 8, y: yy + 14, "font-size": SMALL_PX, tabindex: "0",
          role: "button", "data-group": gr.key }, gutter, words);
        more.addEventListener("click", function () { toggleGroup(gr.key); });
        yy += ROW;
      }
    });
    function drawLane(lane, key, top) {
      var cy = top + ROW / 2;
      if (key === "role") {
        var r = lane.role;
        var name = r.role + (r.name ? ", " + r.name : "");
        var g = nodeGroup(front, lane.id || "", "role", name + " (" + (r.start || "?") + " to " + (r.end || "?") + ")");
        if (!lane.id) g.removeAttribute("data-node");
        var a = Math.max(X(r.lo), plotL - 6), z = Math.min(X(r.hi + 1), plotR + 6);
        S("line", { "class": "lane-line", x1: plotL, x2: plotR, y1: cy, y2: cy }, g);
        if (z >= a) {
          S("rect", { "class": "role-bar mark", x: a, y: cy - 5, width: Math.max(z - a, 6), height: 10,
            rx: 3, fill: styles.organisation.color }, g);
        }
        var label = S("text", { "class": "lbl", x: 8, y: cy + 4.5, "font-size": LABEL_PX }, g,
          fit(name, LABEL_PX, G - 8));
        nodesOut.push({ id: lane.id, g: g, label: label, kind: "role", role: name, x: a });
        return;
      }
      var id = lane.id, colour = colourOf(id);
      var g2 = nodeGroup(front, id, "lane " + key, ents[id].label);
      S("rect", { "class": "focus-ring", x: 4, y: top + 1, width: G, height: ROW - 2 }, g2);
      S("line", { "class": "lane-line", x1: plotL, x2: plotR, y1: cy, y2: cy }, g2);
      lane.marks.forEach(function (m) {
        var hit = (marksOf[id] || {})[m];
        var rad = hit.named ? Math.min(4 + hit.n, 7) : 4;
        S("circle", { "class": "mark", cx: meetingX[m], cy: cy, r: rad,
          fill: hit.named ? colour : "#fff", stroke: colour, "stroke-width": hit.named ? 0 : 1.5 }, g2);
      });
      var label2 = S("text", { "class": "lbl", x: 8, y: cy + 4.5, "font-size": LABEL_PX }, g2,
        fit(ents[id].label, LABEL_PX, G - 8));
      if (sel && !sel.has(id)) g2.classList.add("dim");
      if (state.selected === id) g2.classList.add("sel");
      nodesOut.push({ id: id, g: g2, label: label2, kind: key, x: null, marks: lane.marks.length });
    }
    var height = Math.max(H, yy + 8);
    svg.setAttribute("height", height);
    sc.meetings.forEach(function (m) {
      S("line", { "class": "guide", x1: meetingX[m], x2: meetingX[m], y1: AXIS_Y + 8, y2: yy }, guides);
    });
    if (!sc.domain) {
      S("text", { x: plotL, y: AXIS_Y - 20, "font-size": LABEL_PX }, front, "No dated meetings to show.");
    }
    if (drawn && drawn.svg.parentNode) container.replaceChild(svg, drawn.svg); else container.appendChild(svg);
    drawn = { svg: svg, scene: sc, X: X, k: k, dom: dom, plotL: plotL, plotR: plotR, nodes: nodesOut };
    updateCounts(sc, nodesOut);
    mark("graphkit-drawn");
  }

  function updateCounts(sc, nodesOut) {
    var counts = {};
    nodesOut.forEach(function (n) {
      if (!n.id || n.faded || n.kind === "role") return;
      counts[ents[n.id].type] = (counts[ents[n.id].type] || 0) + 1;
    });
    data.types.forEach(function (t) {
      var c = $("count-" + t.key);
      if (c) c.textContent = String(counts[t.key] || 0);
    });
    state.visible = counts;
  }

  var pending = false;
  function redraw() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; render(); });
  }
  api.render = render;

  // ---- tooltip: one element, filled with text when a node is hovered or focused --------
  function fillTip(id) {
    clear(tip);
    var e = ents[id];
    add(tip, el("strong", null, e.label));
    var kind = e.type === "programme" && e.topic ? "Topic" : styles[e.type].one;
    add(tip, el("div", "kind", kind + (e.date ? " \u00b7 " + e.date : "")));
    if (e.labels.length > 1) add(tip, el("div", "kind", "also: " + e.labels.slice(1, 4).join("; ")));
    if (e.type === "meeting" && drawn) {
      var members = drawn.nodes.filter(function (n) { return n.cluster === id && n.id !== id; });
      if (members.length) {
        add(tip, el("div", "kind", "and " + members.map(function (n) { return ents[n.id].date; }).join(", ")));
      }
    }
  }
  function nodeFrom(target) {
    var g = target && target.closest ? target.closest("g.node") : null;
    return g && g.dataset.node ? g : null;
  }
  function showTip(g, clientX, clientY) {
    fillTip(g.dataset.node);
    var box = container.getBoundingClientRect();
    if (clientX === undefined) {
      var r = g.getBoundingClientRect();
      clientX = r.left + r.width / 2;
      clientY = r.bottom;
    }
    tip.hidden = false;
    var left = Math.min(clientX - box.left + 12, container.clientWidth - tip.offsetWidth - 4);
    tip.style.left = Math.max(4, left) + "px";
    tip.style.top = (clientY - box.top + container.scrollTop + 14) + "px";
  }
  container.addEventListener("mouseover", function (ev) {
    var g = nodeFrom(ev.target);
    if (g) showTip(g, ev.clientX, ev.clientY); else tip.hidden = true;
  });
  container.addEventListener("mouseleave", function () { tip.hidden = true; });
  container.addEventListener("focusin", function (ev) {
    var g = nodeFrom(ev.target);
    if (g) showTip(g); else tip.hidden = true;
  });
  container.addEventListener("focusout", function () { tip.hidden = true; });

  // ---- selection -------------------------------------------------------------------------
  function select(id) {
    state.selected = id || null;
    state.highlight = id || null;
    state.neighbourhood = id ? Array.from(neighbourhood(id)) : [];
    if (id) showDetails(id);
    if (drawn) applySelection(); else render();
  }
  /* dim what is not next to the selection, on the drawing as it is (no re-layout) */
  function applySelection() {
    var sel = state.selected ? new Set(state.neighbourhood) : null;
    drawn.nodes.forEach(function (n) {
      if (!n.id) return;
      n.g.classList.toggle("dim", !!sel && !sel.has(n.id));
      n.g.classList.toggle("sel", state.selected === n.id);
    });
  }
  function drawnNode(id) {
    return drawn ? drawn.nodes.some(function (n) { return n.id === id && !n.faded; }) : false;
  }
  /* select a node, first bringing it into the picture if the current one hides it */
  function go(id, reveal) {
    if (!ents[id]) return;
    var e = ents[id];
    if (!drawnNode(id)) {
      if (!state.types[e.type]) { state.types[e.type] = true; syncLegend(); }
      if (e.type === "person" || e.type === "organisation" || e.type === "programme") state.pinned[id] = true;
      if (state.window && e.day !== undefined && (e.day < state.window[0] || e.day > state.window[1])) {
        state.window = null;
      }
      render();
      if ((state.topics.length || state.person) && !drawnNode(id)) clearFocus(true);
    }
    select(id);
    writeHash();
    if (reveal) {
      var g = drawn.svg.querySelector('g.node[data-node="' + id + '"]');
      if (g) g.scrollIntoView({ block: "nearest" });
    }
  }
  api.go = go;
  api.select = select;

  container.addEventListener("click", function (ev) {
    if (dragged) return;
    var g = nodeFrom(ev.target);
    if (g) { select(g.dataset.node); return; }
    if (ev.target.closest && ev.target.closest(".more")) return;
    if (state.selected) select(null);
  });
  container.addEventListener("keydown", function (ev) {
    var more = ev.target.closest ? ev.target.closest(".more") : null;
    if ((ev.key === "Enter" || ev.key === " ") && more) {
      ev.preventDefault();
      toggleGroup(more.dataset.group, true);
      return;
    }
    var g = nodeFrom(ev.target);
    if ((ev.key === "Enter" || ev.key === " ") && g) {
      ev.preventDefault();
      var id = g.dataset.node;
      select(id);
      var again = drawn.svg.querySelector('g.node[data-node="' + id + '"]');
      if (again) again.focus();  // the drawing was rebuilt: keep the keyboard where it was
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape") return;
    tip.hidden = true;
    if (state.selected) { select(null); clearDetails(); }
    else if (state.topics.length || state.person) clearFocus(false);
  });

  function toggleGroup(key, keepFocus) {
    if (!state.types[key] && key !== "role") { state.types[key] = true; state.userTypes[key] = true; syncLegend(); }
    else state.expanded[key] = !state.expanded[key];
    render();
    if (keepFocus) {
      var again = drawn.svg.querySelector('.more[data-group="' + key + '"]');
      if (again) again.focus();
    }
  }

  function linkTo(id, text) {
    var b = el("button", "link", text === undefined ? ents[id].label : text);
    b.type = "button";
    b.dataset.node = id;
    b.addEventListener("click", function () { go(id, true); });
    return b;
  }
  function action(text, fn) {
    var b = el("button", "action", text);
    b.type = "button";
    b.addEventListener("click", fn);
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
    if (hits.length) go(hits[0].id, false); else if (!q.trim() && state.selected) select(null);
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



  // ---- trace: one to three programmes, each in its own lane, and only what touches them ---
  var programmes = ofType("programme").sort(byLabel);
  ["topic", "topic-2", "topic-3"].forEach(function (sid) {
    programmes.forEach(function (id) {
      var o = el("option", null, ents[id].label + (ents[id].topic ? " (topic)" : ""));
      o.value = id;
      $(sid).appendChild(o);
    });
    $(sid).addEventListener("change", function () {
      setTopics([$("topic").value, $("topic-2").value, $("topic-3").value]);
    });
  });

  /* a programme from a label, an alias, an acronym or an IRI (null when none matches) */
  function findProgramme(text) {
    if (!text) return null;
    if (ents[text] && ents[text].type === "programme") return text;
    var q = fold(text);
    var exact = programmes.filter(function (id) { return ents[id].iri === text || fold(ents[id].label) === q; });
    if (!exact.length) exact = programmes.filter(function (id) { return ents[id].labels.map(fold).indexOf(q) >= 0; });
    if (exact.length) return exact[0];
    var hit = search(text).filter(function (h) { return ents[h.id].type === "programme"; })[0];
    return hit ? hit.id : null;
  }

  function renderTrace() {
    var box = $("trace");
    clear(box);
    if (!state.topics.length) { box.hidden = true; return; }
    box.hidden = false;
    state.topics.forEach(function (pid) {
      var t = topicMembers(pid);
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
        t.items.filter(function (i) { return ents[i].meeting === m; }).forEach(function (i) {
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
    });
  }

  /* people come out of their collapsed group while a focus makes them few */
  function focusTypes(on) {
    if (!state.userTypes.person) state.types.person = on;
    syncLegend();
  }

  function setTopics(list) {
    var seen = {};
    state.topics = (list || []).filter(function (id) {
      if (!id || !ents[id] || seen[id]) return false;
      seen[id] = true;
      return true;
    }).slice(0, 3);
    state.person = null;
    state.window = null;
    state.pinned = {};
    state.expanded = {};
    ["topic", "topic-2", "topic-3"].forEach(function (sid, n) { $(sid).value = state.topics[n] || ""; });
    focusTypes(state.topics.length > 0);
    renderTrace();
    state.selected = null;
    state.highlight = null;
    state.neighbourhood = [];
    if (state.topics.length) showDetails(state.topics[0]); else clearDetails();
    render();
    writeHash();
    return state.topics.slice();
  }
  api.setTopic = function (pid) { return setTopics(pid ? [pid] : []); };
  api.setTopics = setTopics;
  /* trace by label (or a list of up to three labels), as the menu does */
  api.trace = function (labels) {
    if (labels === undefined || labels === null || labels === "") return setTopics([]);
    var list = Array.isArray(labels) ? labels : [labels];
    var ids = list.map(findProgramme);
    var missing = list.filter(function (_, n) { return !ids[n]; });
    if (missing.length) throw new Error("no programme or topic matches " + JSON.stringify(missing.join(", ")));
    return setTopics(ids).map(function (id) { return ents[id].iri; });
  };

  function setPerson(pid) {
    state.topics = [];
    state.person = pid || null;
    state.window = null;
    state.pinned = {};
    state.expanded = {};
    ["topic", "topic-2", "topic-3"].forEach(function (sid) { $(sid).value = ""; });
    focusTypes(!!pid);
    renderTrace();
    state.selected = null;
    if (pid) showDetails(pid); else clearDetails();
    render();
    writeHash();
  }
  api.focusPerson = setPerson;

  function clearFocus(quiet) {
    if (state.person) setPerson(null);
    else setTopics([]);
    if (quiet) return;
  }

  $("show-rest").addEventListener("change", function () {
    state.showRest = $("show-rest").checked;
    render();
  });

  // ---- years, zoom and pan: they all set the window of time on the axis -----------------
  function yearLabel() {
    var w = drawn ? drawn.dom : null;
    $("year-label").textContent = w ? ymd(w[0]).y + "\u2013" + ymd(w[1]).y : "";
  }
  function setWindow(win) {
    state.window = win;
    render();
    if (data.years && drawn && drawn.scene.domain) {
      $("year-from").value = String(Math.max(data.years[0], ymd(drawn.dom[0]).y));
      $("year-to").value = String(Math.min(data.years[1], ymd(drawn.dom[1]).y));
    }
    yearLabel();
    writeHash();
  }
  function setYears(a, b) {
    if (!data.years) return;
    var lo = Math.min(a, b), hi = Math.max(a, b);
    if (lo <= data.years[0] && hi >= data.years[1]) { setWindow(null); }
    else setWindow([dayOf(lo, 1, 1), dayOf(hi + 1, 1, 1) - 1]);
    $("year-from").value = String(lo);
    $("year-to").value = String(hi);
    $("year-label").textContent = lo + "\u2013" + hi;
  }
  api.setYears = setYears;
  api.setWindow = function (from, to) {
    var a = parseBound(from, false), b = parseBound(to, true);
    setWindow(a === null || b === null ? null : [Math.min(a, b), Math.max(a, b)]);
  };
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
  } else {
    $("years").hidden = true;
  }

  function zoom(factor, atX) {
    if (!drawn || !drawn.scene.domain) return;
    var d = drawn.dom, span = d[1] - d[0];
    var centre = atX === undefined ? (d[0] + d[1]) / 2 : d[0] + (atX - drawn.plotL) / drawn.k;
    var next = Math.min(Math.max(span * factor, 14), 365 * 60);
    var a = centre - (centre - d[0]) * next / span;
    setWindow([a, a + next]);
  }
  container.addEventListener("wheel", function (ev) {
    if (!drawn || !drawn.scene.domain) return;
    ev.preventDefault();
    var box = container.getBoundingClientRect();
    zoom(Math.exp(ev.deltaY * 0.0015), ev.clientX - box.left);
  }, { passive: false });
  var drag = null, dragged = false;
  container.addEventListener("mousedown", function (ev) {
    if (ev.button !== 0 || !drawn || !drawn.scene.domain) return;
    drag = { x: ev.clientX, dom: drawn.dom.slice() };
    dragged = false;
  });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x;
    if (Math.abs(dx) > 3) dragged = true;
    if (!dragged) return;
    state.window = [drag.dom[0] - dx / drawn.k, drag.dom[1] - dx / drawn.k];
    redraw();
  });
  window.addEventListener("mouseup", function () {
    if (drag && dragged) { setWindow(state.window); setTimeout(function () { dragged = false; }, 0); }
    drag = null;
  });
  $("zoom-in").addEventListener("click", function () { zoom(1 / 1.5); });
  $("zoom-out").addEventListener("click", function () { zoom(1.5); });
  $("fit").addEventListener("click", function () { setWindow(null); });
  window.addEventListener("resize", redraw);

  // ---- the address keeps the state: #trace=A,B&person=P&from=YYYY-MM-DD&to=YYYY-MM-DD -----
  function shortName(id) {
    // the shortest unambiguous label reads best in an address ("HAF")
    var labels = ents[id].labels.slice().sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
    for (var i = 0; i < labels.length; i++) {
      if (labels[i].length >= 2 && findProgramme(labels[i]) === id) return labels[i];
    }
    return ents[id].label;
  }
  var lastHash = null;
  function writeHash() {
    var parts = [];
    if (state.topics.length) parts.push("trace=" + state.topics.map(function (id) {
      return encodeURIComponent(shortName(id));
    }).join(","));
    if (state.person) parts.push("person=" + encodeURIComponent(ents[state.person].label));
    if (state.window) {
      parts.push("from=" + iso(Math.floor(state.window[0])), "to=" + iso(Math.ceil(state.window[1])));
    }
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash === lastHash) return;
    lastHash = hash;
    try {
      history.replaceState(null, "", hash || location.pathname + location.search);
    } catch (err) { /* some file: viewers refuse; the view works without it */ }
  }
  function readHash() {
    var params = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var at = kv.indexOf("=");
      if (at > 0) params[kv.slice(0, at)] = kv.slice(at + 1);
    });
    var dec = function (s) { try { return decodeURIComponent(s); } catch (err) { return s; } };
    var found = false;
    if (params.trace) {
      var ids = params.trace.split(",").map(dec).map(findProgramme).filter(Boolean);
      if (ids.length) { setTopics(ids); found = true; }
    } else if (params.person) {
      var hit = search(dec(params.person)).filter(function (h) { return ents[h.id].type === "person"; })[0];
      if (hit) { setPerson(hit.id); found = true; }
    }
    if (params.from || params.to) {
      var a = parseBound(dec(params.from || ""), false), b = parseBound(dec(params.to || ""), true);
      var whole = data.span || [0, 0];
      if (a !== null || b !== null) {
        setWindow([a === null ? whole[0] - 30 : a, b === null ? whole[1] + 30 : b]);
        found = true;
      }
    }
    lastHash = location.hash;
    return found;
  }
  window.addEventListener("hashchange", function () {
    if (location.hash === lastHash) return;
    state.window = null;
    if (!readHash()) { setTopics([]); }
  });

  // ---- types: the legend doubles as the filter -----------------------------------------
  data.types.forEach(function (t) {
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = state.types[t.key];
    box.id = "type-" + t.key;
    box.addEventListener("change", function () {
      state.types[t.key] = box.checked;
      state.userTypes[t.key] = true;
      render();
    });
    var sym = el("span", "sym", t.symbol);
    sym.style.color = t.color;
    var count = el("span", "count", "0");
    count.id = "count-" + t.key;
    add(label, box, sym, t.label, count);
    add($("legend"), add(li, label));
  });
  function syncLegend() {
    data.types.forEach(function (t) { $("type-" + t.key).checked = !!state.types[t.key]; });
  }
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

    box.dataset.node = id;
    add(box, el("h2", null, e.label));
    var badge = el("span", "badge", e.type === "programme" && e.topic ? "Topic" : styles[e.type].one);
    badge.style.background = styles[e.type].color;
    add(box, badge);
    if (e.type === "programme") {
      var acts = el("p", "actions");
      if (state.topics.indexOf(id) < 0) {
        add(acts, action("Trace this", function () { setTopics([id]); }));
        if (state.topics.length && state.topics.length < 3) {
          add(acts, " ", action("Compare with the trace", function () { setTopics(state.topics.concat([id])); }));
        }
      }
      add(box, acts);
    } else if (e.type === "person" && state.person !== id) {
      add(box, add(el("p", "actions"), action("Show their meetings and roles", function () { setPerson(id); })));
    }
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
    if (e.requests && e.requests.length) {
      var asks = el("ul", "requests");
      e.requests.forEach(function (r) {
        add(asks, add(el("li", "request-" + r.status), el("strong", null, r.status + ": "), r.text,
          r.due ? el("span", "note", " \u2014 due " + r.due) : "", el("span", "note", " \u2014 " + r.why)));
      });
      section(box, "Requests not yet answered", asks);
    }
    var groups = {};
    adj[id].forEach(function (a) {
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
  function clearDetails() {
    var box = $("details");
    clear(box);
    delete box.dataset.node;
    state.selected = null;
    add(box, el("p", "hint", "Nothing selected."));
  }

  // ---- what is drawn, measured: for tests and for readers' own scripts ------------------
  /* One entry per node drawn: its IRI, kind, date, label text, the label's box on screen
   * and its font size in CSS pixels at the current zoom (null when it has no label). */
  function report() {
    if (!drawn) return [];
    var out = [];
    drawn.nodes.forEach(function (n) {
      var e = n.id ? ents[n.id] : null;
      var box = null, size = null, text = null;
      if (n.label && n.label.textContent) {
        var r = n.label.getBoundingClientRect();
        box = { x: r.left, y: r.top, width: r.width, height: r.height };
        var ctm = n.label.getScreenCTM();
        size = parseFloat(getComputedStyle(n.label).fontSize) * (ctm ? Math.sqrt(ctm.a * ctm.a + ctm.b * ctm.b) : 1);
        text = n.label.textContent;
      }
      var mark = n.g.querySelector(".mark");
      var mr = mark ? mark.getBoundingClientRect() : null;
      var row = {
        id: n.id || null, iri: e ? e.iri : null, kind: n.kind, date: e && (e.type === "meeting" || e.type === "item") ? e.date || null : null,
        label: text, box: box, fontSize: size,
        x: mr ? mr.left + mr.width / 2 : null, y: mr ? mr.top + mr.height / 2 : null,
        faded: !!n.faded, dim: n.g.classList.contains("dim")
      };
      if (n.kind === "meeting" && !n.faded) row.cluster = n.cluster && n.cluster !== n.id ? ents[n.cluster].iri : null;
      if (n.kind === "role") row.role = n.role;
      if (n.marks !== undefined) row.marks = n.marks;
      out.push(row);
    });
    return out;
  }
  api.report = report;
  /* the time window on the axis, as ISO dates, and the plot's left and right edge on screen */
  api.axis = function () {
    if (!drawn) return null;
    var box = drawn.svg.getBoundingClientRect();
    return { from: iso(Math.floor(drawn.dom[0])), to: iso(Math.ceil(drawn.dom[1])),
      fromDay: drawn.dom[0], toDay: drawn.dom[1],
      left: box.left + drawn.plotL, right: box.left + drawn.plotR };
  };

  // ---- buttons and start -------------------------------------------------------------
  $("reset").addEventListener("click", function () {
    $("search").value = "";
    clear($("search-results"));
    state.userTypes = {};
    data.types.forEach(function (t) { state.types[t.key] = DEFAULT_TYPES[t.key] !== false; });
    syncLegend();
    state.showRest = false;
    $("show-rest").checked = false;
    if (data.years) { $("year-from").value = String(data.years[0]); $("year-to").value = String(data.years[1]); }
    setTopics([]);
    setWindow(null);
    clearDetails();
  });

  document.title = data.title;
  $("title").textContent = data.title;
  var counts = data.counts.shown === data.counts.total ? data.counts.shown + " nodes" :
    data.counts.shown + " of " + data.counts.total + " nodes";
  $("subtitle").textContent = (data.description ? data.description + " \u00b7 " : "") + counts +
    ", " + data.edges.length + " links. Offline: this file makes no network requests.";
  if (data.notice) { $("notice").textContent = data.notice; $("notice").hidden = false; }

  if (!readHash()) {
    if (data.focus.topic) setTopics([data.focus.topic]);
    else if (data.focus.person) setPerson(data.focus.person);
    else render();
  }
  yearLabel();
  requestAnimationFrame(function () {
    mark("graphkit-ready");
    api.ready = true;
    api.readyAt = performance.now();
    document.documentElement.dataset.ready = "true";
  });
})();
