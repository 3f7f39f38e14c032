// notesim search: the index built with the site (search-index/), read a shard at a time.
// Terms follow the rules of notesim's SearchTokenizer (Swift): CJK text in overlapping
// bigrams (one character alone for a one-character run), other text in words split at
// camelCase, lowercased and stemmed, all after NFKC. Both copies are checked against one
// list of cases (Tests/SearchIndexTests/TokenizerCases.json). No network but the site's own
// files; the box stays hidden when the index cannot be fetched (a site opened from disk).
(function () {
  "use strict";
  var LONGEST_WORD = 40, SHOWN = 10, PREFIX_TERMS = 100, MOST_TERMS = 32, K1 = 1.2, B = 0.75, KEPT_PAGES = 100, EXCERPT = 150, EXCERPT_LEAD = 30;
  var box = document.querySelector(".site-search");
  if (!box || !window.fetch) return;
  // The header holds an empty .site-search; the box itself is rendered once per site, in
  // each page language, into toc.js (a layout that renders partials/search keeps its own).
  var boxes = window.notesimSearchBox;
  var html = document.documentElement;
  var root = html.getAttribute("data-root") || "";
  if (!box.querySelector("input") && boxes) {
    var holder = document.createElement("div");
    holder.innerHTML = boxes[html.lang] || boxes[Object.keys(boxes)[0]] || "";
    if (!holder.firstElementChild) return;
    box.parentNode.replaceChild(holder.firstElementChild, box);
    box = document.querySelector(".site-search");
  }
  var input = box.querySelector("input[type=search]");
  var panel = box.querySelector(".site-search-panel");
  var list = box.querySelector(".site-search-results");
  var status = box.querySelector(".site-search-status");
  if (!input || !panel || !list || !status) return;
  var indexURL = new URL(box.getAttribute("data-index") || root + "search-index/", location.href);
  var siteRoot = new URL(box.getAttribute("data-root") || root || "./", location.href);
  var manifest = null;
  var shards = new Map();
  var chunks = new Map();
  var pages = new Map();
  var generation = 0;

  // ---- Terms (keep in step with SearchTokenizer.swift and EnglishStemmer.swift) ----

  var CJK = 1, WORD = 2, SEPARATOR = 0;
  var wordPattern = /[\p{L}\p{N}\p{M}]/u;
  function classify(cp) {
    if (cp < 0x80) {
      return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? WORD : SEPARATOR;
    }
    if ((cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3041 && cp <= 0x309f) || (cp >= 0x30a1 && cp <= 0x30fa) ||
        (cp >= 0x30fc && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
        (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0x20000 && cp <= 0x3ffff)) return CJK;
    return wordPattern.test(String.fromCodePoint(cp)) ? WORD : SEPARATOR;
  }

  function stem(word) {
    if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
    function ends(suffix) { return word.length > suffix.length && word.slice(-suffix.length) === suffix; }
    if (word.length >= 5 && (ends("ies") || ends("ied"))) word = word.slice(0, -3) + "y";
    else if (ends("sses")) word = word.slice(0, -2);
    else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) word = word.slice(0, -1);
    if (word.length >= 6 && ends("ing")) word = undouble(word.slice(0, -3));
    else if (word.length >= 5 && ends("ed")) word = undouble(word.slice(0, -2));
    if (word.length >= 4 && word[word.length - 1] === "e") word = word.slice(0, -1);
    return word;
  }
  function undouble(word) {
    var n = word.length;
    if (n >= 3 && word[n - 1] === word[n - 2] && "aeioulsz".indexOf(word[n - 1]) < 0) return word.slice(0, -1);
    return word;
  }

  // A word's camelCase parts as [start, end) offsets into its code points.
  function camelParts(points) {
    function upper(i) { return i < points.length && points[i] >= 0x41 && points[i] <= 0x5a; }
    function lower(i) { return i >= 0 && i < points.length && points[i] >= 0x61 && points[i] <= 0x7a; }
    var parts = [], start = 0;
    for (var i = 1; i < points.length; i++) {
      if (upper(i) && (lower(i - 1) || (upper(i - 1) && lower(i + 1)))) { parts.push([start, i]); start = i; }
    }
    if (points.length > start) parts.push([start, points.length]);
    return parts;
  }
  // A part's lowercased letters, cut to LONGEST_WORD (as the index cuts a longer word).
  function partWord(points, start, end) {
    var lower = Array.from(String.fromCodePoint.apply(null, points.slice(start, end)).toLowerCase());
    return lower.slice(0, LONGEST_WORD).join("");
  }
  function partTerm(points, part) { return stem(partWord(points, part[0], part[1])); }
  // The term of a camelCase word as a whole (DynamoDB: dynamodb), which the index also holds
  // so that the name typed in one case finds it; null for a word of one part.
  function wholeTerm(points, parts) { return parts.length > 1 ? stem(partWord(points, 0, points.length)) : null; }

  // Runs of CJK or word characters: {kind, points, offsets} (offsets into the text given, in
  // UTF-16 units, one more than points, for highlighting).
  // Whether NFKC may change a character: as `SearchTokenizer.needsFolding`, false for ASCII,
  // kana, the common kanji and Japanese punctuation (nearly every character of a page), which
  // are then not normalized one by one.
  function mayFold(cp) {
    return !(cp < 0x80 || cp === 0x3001 || cp === 0x3002 || cp === 0x3005 || (cp >= 0x300c && cp <= 0x300f) ||
      (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30a1 && cp <= 0x30fa) || cp === 0x30fc || (cp >= 0x4e00 && cp <= 0x9fff));
  }
  // Whether a character joins the one before it when folded: a combining mark (the
  // voiced sound mark of decomposed デ) or a half-width sound mark (ﾃﾞ is デ).
  var joining = /^[\p{M}\uff9e\uff9f]$/u;
  function joins(ch) { return ch.codePointAt(0) >= 0x300 && joining.test(ch); }
  function runs(text, foldEach) {
    var out = [], run = null, offset = 0, chars = Array.from(text);
    for (var c = 0, end = 1; c < chars.length; c = end, end = c + 1) {
      // Folded a character at a time, each with the marks that follow it.
      if (foldEach) while (end < chars.length && joins(chars[end])) end++;
      var ch = end === c + 1 ? chars[c] : chars.slice(c, end).join(""), fold = false;
      for (var k = c; foldEach && k < end && !fold; k++) fold = mayFold(chars[k].codePointAt(0));
      var folded = fold ? ch.normalize("NFKC") : ch;
      for (var f of folded) {
        var kind = classify(f.codePointAt(0));
        if (kind === SEPARATOR || !run || run.kind !== kind) {
          if (run) out.push(run);
          run = kind === SEPARATOR ? null : { kind: kind, points: [], offsets: [] };
        }
        if (run) { run.points.push(f.codePointAt(0)); run.offsets.push(offset); }
      }
      offset += ch.length;
      if (run) run.end = offset;
    }
    if (run) out.push(run);
    return out;
  }

  // The query's terms, without repeats; `prefix` is the last one when the query ends in a word
  // being typed (it then also matches longer words), and `typed` that word as typed,
  // lowercased but not stemmed (`retrie` is stemmed to `retri`, no prefix of `retry`).
  function queryTerms(text) {
    var terms = [], seen = new Set(), last = null, typed = null;
    function add(term) { if (term && !seen.has(term)) { seen.add(term); terms.push(term); } }
    var all = runs(text.normalize("NFKC"), false);
    all.forEach(function (run) {
      if (run.kind === CJK) {
        if (run.points.length === 1) add(String.fromCodePoint(run.points[0]));
        for (var i = 0; i + 1 < run.points.length; i++) add(String.fromCodePoint(run.points[i], run.points[i + 1]));
        last = null;
      } else {
        camelParts(run.points).forEach(function (part) {
          last = partTerm(run.points, part);
          typed = partWord(run.points, part[0], part[1]);
          add(last);
        });
      }
    });
    var typing = all.length > 0 && all[all.length - 1].kind === WORD && !/[\s\p{P}\p{S}]$/u.test(text);
    var prefix = typing && last && Array.from(typed).length >= 2 ? last : null;
    return { terms: terms, prefix: prefix, typed: prefix ? typed : null };
  }

  function shardKey(term) {
    var points = Array.from(term).map(function (c) { return c.codePointAt(0); });
    var hex = function (cp) { return cp.toString(16); };
    if (classify(points[0]) === CJK || points.length === 1) return hex(points[0]);
    return hex(points[0]) + "-" + hex(points[1]);
  }

  // ---- The index's files ----

  // A file of the index. index.json is asked of the server every time (a cached one may be
  // a build older than the site); the shards and titles carry its key in their address, so
  // that a new build's files are never mixed with an older build's from the browser's cache
  // (whose page ids they do not share).
  function fetchText(path) {
    var url = new URL(path, indexURL), options = {};
    // The key names the pages (and so their ids); the total length changes with their text.
    if (manifest) url.search = "k=" + encodeURIComponent(manifest.key + "." + manifest.length);
    else options.cache = "no-cache";
    return fetch(url, options).then(function (response) {
      if (!response.ok) return "";
      return response.text();
    }, function () { return ""; });
  }
  function shard(key) {
    if (!shards.has(key)) shards.set(key, fetchText("t/" + key + ".txt").then(parseShard));
    return shards.get(key);
  }
  function parseShard(text) {
    var terms = new Map();
    text.split("\n").forEach(function (line) {
      var tab = line.indexOf("\t");
      if (tab > 0) terms.set(line.slice(0, tab), line.slice(tab + 1));
    });
    return terms;
  }
  // A term's postings as two arrays: page ids (increasing) and weighted counts.
  function postings(encoded) {
    var ids = [], counts = [], id = 0, entries = encoded.split(",");
    for (var i = 0; i < entries.length; i++) {
      var entry = entries[i], colon = entry.indexOf(":");
      id += parseInt(colon < 0 ? entry : entry.slice(0, colon), 36);
      ids.push(id);
      counts.push(colon < 0 ? 1 : parseInt(entry.slice(colon + 1), 36));
    }
    return { ids: ids, counts: counts };
  }
  // A result's address and title, from the chunk of titles that holds it.
  function chunk(id) {
    var number = Math.floor(id / manifest.chunk);
    if (!chunks.has(number)) {
      chunks.set(number, fetchText("d/" + number + ".json").then(function (text) {
        try { return JSON.parse(text).pages || []; } catch (e) { return []; }
      }));
    }
    return chunks.get(number).then(function (docs) { return docs[id % manifest.chunk] || null; });
  }

  // A result's sections, [anchor, heading, text], read from its page (which the browser then
  // has for the click that follows): the index keeps no second copy of every page's text.
  // What the index leaves out is left out here too: figures' drawings, legends, logs and
  // assumptions, scenario sources, the page's contents list and heading links.
  var SKIPPED = "svg, nav, script, style, template, button, .heading-anchor, .tl-legend, .scenario-source, .scenario-log, .scenario-assumptions";
  var BLOCKS = /^(P|LI|DT|DD|TD|TH|BLOCKQUOTE|FIGCAPTION|SUMMARY|DIV|SECTION|TABLE|TR)$/;
  function pageSections(url) {
    // Kept for the queries that follow, but not without end: a long session of searches
    // would otherwise hold the text of every page it ever showed.
    if (!pages.has(url) && pages.size >= KEPT_PAGES) pages.clear();
    if (!pages.has(url)) {
      pages.set(url, fetch(new URL("./" + url, siteRoot)).then(function (response) {
        return response.ok ? response.text() : "";
      }).then(sectionsOf, function () { return []; }));
    }
    return pages.get(url);
  }
  function sectionsOf(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var article = page.querySelector("main article") || page.querySelector("main");
    if (!article) return [];
    var sections = [], current = null;
    function walk(node) {
      if (node.nodeType === 3) {
        if (!current) { current = ["", "", ""]; sections.push(current); }
        current[2] += node.nodeValue;
        return;
      }
      if (node.nodeType !== 1 || node.matches(SKIPPED)) return;
      if (/^H[1-6]$/.test(node.tagName) && node.id) {
        current = [node.id, "", ""];
        sections.push(current);
        node.childNodes.forEach(function (child) {
          if (child.nodeType === 3 || (child.nodeType === 1 && !child.matches(SKIPPED))) current[1] += child.textContent;
        });
        return;
      }
      if (current && BLOCKS.test(node.tagName)) current[2] += " ";
      node.childNodes.forEach(walk);
    }
    article.childNodes.forEach(walk);
    sections.forEach(function (section) {
      section[1] = section[1].replace(/\s+/g, " ").trim();
      section[2] = section[2].replace(/\s+/g, " ").trim();
    });
    return sections;
  }

  // ---- Ranking: BM25 over weighted counts (titles and headings count more) ----

  function idf(df) { return Math.log(1 + (manifest.documents - df + 0.5) / (df + 0.5)); }
  var lengths = null;
  function pageLength(id) {
    if (!lengths) {
      var scale = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
      lengths = new Float64Array(manifest.documents);
      for (var i = 0; i < lengths.length; i++) lengths[i] = Math.pow(1.25, scale.indexOf(manifest.lengths[i]));
    }
    return lengths[id];
  }

  // Whether the word being typed (`typed`, unstemmed) may become a word whose stem is `term`:
  // `term` starts with it, or it is `term` with the start of an ending the stemmer takes off
  // (timin: tim of timing; retri: retry of retries), so the results never dip while a word
  // is typed.
  var ENDINGS = ["e", "es", "ed", "ing", "ings", "s"];
  function mayBecome(typed, term) {
    if (term.indexOf(typed) === 0) return true;
    var rest = null, endings = ENDINGS;
    if (typed.indexOf(term) === 0) {
      rest = typed.slice(term.length);
      var last = term[term.length - 1];
      endings = ENDINGS.concat([last + "ing", last + "ed"]);
    } else if (term[term.length - 1] === "y" && typed.indexOf(term.slice(0, -1)) === 0) {
      rest = typed.slice(term.length - 1);
      endings = ["ies", "ied"];
    }
    return rest !== null && endings.some(function (ending) { return ending.indexOf(rest) === 0; });
  }

  // Each term's postings (a word being typed: also every word it begins, up to PREFIX_TERMS),
  // decoded once: typing a query searches its first terms again at every keystroke.
  var decoded = new Map();
  function termPostings(query) {
    return Promise.all(query.terms.map(function (term) {
      var typed = term === query.prefix ? query.typed : null, key = typed ? typed + "\u0000" + term : term;
      if (!decoded.has(key)) decoded.set(key, shard(shardKey(typed || term)).then(function (terms) { return gather(terms, term, typed); }));
      return decoded.get(key);
    }));
  }
  function gather(terms, term, typed) {
    var prefix = typed !== null;
    var single = Array.from(term).length === 1 && classify(term.codePointAt(0)) === CJK;
    if (!single && !prefix) return terms.has(term) ? postings(terms.get(term)) : { ids: [], counts: [] };
    // One CJK character: every term of its shard starts with it (its pairs, and the
    // character where a run ends), so the pages that have it are theirs together. A word
    // being typed: the words it begins count as it does.
    var sum = new Float64Array(manifest.documents), extra = 0;
    terms.forEach(function (encoded, other) {
      if (other !== term && (single ? false : !mayBecome(typed, other) || extra++ >= PREFIX_TERMS)) return;
      var found = postings(encoded);
      for (var i = 0; i < found.ids.length; i++) {
        var id = found.ids[i];
        sum[id] = single ? sum[id] + found.counts[i] : Math.max(sum[id], found.counts[i]);
      }
    });
    var ids = [], counts = [];
    for (var id = 0; id < sum.length; id++) if (sum[id] > 0) { ids.push(id); counts.push(sum[id]); }
    return { ids: ids, counts: counts };
  }

  // Pages that have enough of the terms (all of up to three; 70 % of more, so that a phrase
  // is found where its words stand apart), best first.
  function rank(perTerm) {
    var average = manifest.length / Math.max(1, manifest.documents);
    var scores = new Float64Array(manifest.documents), matched = new Uint8Array(manifest.documents), touched = [];
    perTerm.forEach(function (found) {
      var weight = idf(found.ids.length);
      for (var i = 0; i < found.ids.length; i++) {
        var id = found.ids[i], count = found.counts[i];
        if (!matched[id]) touched.push(id);
        matched[id] += 1;
        scores[id] += weight * count * (K1 + 1) / (count + K1 * (1 - B + B * pageLength(id) / average));
      }
    });
    var m = perTerm.length;
    var needed = m <= 3 ? m : Math.ceil(0.7 * m);
    var ranked = [];
    touched.forEach(function (id) {
      if (matched[id] >= needed) ranked.push({ id: id, score: scores[id] * Math.pow(matched[id] / m, 2) });
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return ranked;
  }

  // ---- Results ----

  // The sections' matches: for each section, [start, end) ranges of matched text and a score.
  function matches(text, query, weights) {
    var ranges = [], score = 0, found = new Set();
    runs(text, true).forEach(function (run) {
      var p = run.points, at = function (i) { return i < p.length ? run.offsets[i] : run.end; };
      if (run.kind === CJK) {
        for (var i = 0; i < p.length; i++) {
          var pair = i + 1 < p.length ? String.fromCodePoint(p[i], p[i + 1]) : null;
          var single = String.fromCodePoint(p[i]);
          if (pair && weights.has(pair)) { ranges.push([at(i), at(i + 2), pair]); found.add(pair); }
          else if (weights.has(single)) { ranges.push([at(i), at(i + 1), single]); found.add(single); }
        }
      } else {
        var parts = camelParts(p), whole = wholeTerm(p, parts);
        function hit(term) { return weights.has(term) ? term : query.prefix && mayBecome(query.typed, term) ? query.prefix : null; }
        // The name as a whole (dynamodb finds DynamoDB), else its parts.
        if (whole && hit(whole)) parts = [[0, p.length, hit(whole)]];
        parts.forEach(function (part) {
          var term = part[2] || hit(partTerm(p, part));
          if (term) { ranges.push([at(part[0]), at(part[1]), term]); found.add(term); }
        });
      }
    });
    found.forEach(function (term) { score += weights.get(term); });
    // Overlapping bigrams make one highlight, which keeps the terms it shows (for `excerpt`).
    var merged = [];
    ranges.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (range) {
      var last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) { last[1] = Math.max(last[1], range[1]); last[2].add(range[2]); }
      else merged.push([range[0], range[1], new Set([range[2]])]);
    });
    return { ranges: merged, score: score };
  }

  // Where an excerpt of the section starts, EXCERPT_LEAD characters before the range that
  // opens the window of EXCERPT characters around the most query terms
  // (rarer ones weigh more), so that "可視性タイムアウト" shows where all of it is, not
  // the first "タイ" of "タイミング"; among equals, the earliest.
  function excerptStart(ranges, weights) {
    var best = 0, bestScore = -1;
    ranges.slice(0, 200).forEach(function (range, i) {
      var terms = new Set(), chars = 0;
      for (var j = i; j < ranges.length && ranges[j][1] <= range[0] + EXCERPT - EXCERPT_LEAD; j++) {
        ranges[j][2].forEach(function (term) { terms.add(term); });
        chars += ranges[j][1] - ranges[j][0];
      }
      var score = 0;
      terms.forEach(function (term) { score += weights.get(term) || 0; });
      score = score * 1000 + chars;
      if (score > bestScore) { bestScore = score; best = range[0]; }
    });
    return Math.max(0, best - EXCERPT_LEAD);
  }

  // Appends text[start, end) to `element`, the parts in `ranges` as <mark>.
  function appendMarked(element, text, ranges, start, end) {
    var at = start;
    ranges.forEach(function (range) {
      var from = Math.max(range[0], at), to = Math.min(range[1], end);
      if (to <= from) return;
      element.append(text.slice(at, from));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(from, to);
      element.append(mark);
      at = to;
    });
    element.append(text.slice(at, end));
  }

  function excerpt(text, ranges, weights) {
    var start = ranges.length ? excerptStart(ranges, weights) : 0, end = Math.min(text.length, start + EXCERPT);
    if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start -= 1;
    if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end += 1;
    var p = document.createElement("p");
    p.className = "site-search-excerpt";
    if (start > 0) p.append("…");
    appendMarked(p, text, ranges, start, end);
    if (end < text.length) p.append("…");
    return p;
  }

  function link(url, className, text) {
    var a = document.createElement("a");
    a.href = new URL(url, siteRoot).href;
    a.className = className;
    a.textContent = text;
    return a;
  }

  function item(doc, sections, query, weights) {
    var url = doc[0], title = doc[1];
    var best = null, bestIndex = 0;
    sections.forEach(function (section, index) {
      var found = matches(section[1] + " " + section[2], query, weights);
      if (!best || found.score > best.score) { best = found; bestIndex = index; }
    });
    // A match in the title alone (the <h1>, or nothing) has no text to show: the page's first
    // section that has text stands for it, not the blank before the <h1>.
    var chosen = sections[bestIndex];
    if (chosen && !chosen[2] && (!chosen[1] || chosen[1] === title)) {
      var withText = sections.findIndex(function (section) { return section[2]; });
      if (withText >= 0) bestIndex = withText;
    }
    var li = document.createElement("li");
    li.appendChild(link("./" + url, "site-search-page", title));
    var section = sections[bestIndex] || ["", "", ""];
    var text = section[2] || "";
    if (text) li.appendChild(excerpt(text, matches(text, query, weights).ranges, weights));
    if (section[0] && section[1] && section[1] !== title) {
      // The heading's matched words are marked too: a match may be in the heading alone.
      var sub = link("./" + url + "#" + encodeURIComponent(section[0]), "site-search-sub", "");
      appendMarked(sub, section[1], matches(section[1], query, weights).ranges, 0, section[1].length);
      li.appendChild(sub);
    }
    return li;
  }

  // Results that come after the reader closed the list (Escape, Tab, a click outside) fill
  // it without opening it again; typing opens it.
  function show(message) {
    status.textContent = message;
    if (!dismissed) panel.hidden = false;
  }
  // Closing also drops an Enter that waited for its results: the reader moved on.
  function close() { panel.hidden = true; enterPending = false; dismissed = true; }
  // The query whose results the list shows, whether Enter waits for the one in the box, and
  // whether the reader closed the list since last typing.
  var shownFor = null, enterPending = false, dismissed = false;
  function clear() {
    list.textContent = "";
    status.textContent = "";
    shownFor = null;
    enterPending = false;
    // Hidden, not dismissed: a query typed before the index arrived opens when it does.
    panel.hidden = true;
  }

  // The ranked pages of a query, with its terms and their weights (rarer terms weigh more).
  function find(text) {
    // A pasted page of text is searched by its first terms.
    var query = queryTerms(text.slice(0, 1000));
    query.terms = query.terms.slice(0, MOST_TERMS);
    if (query.terms.indexOf(query.prefix) < 0) query.prefix = query.typed = null;
    if (!manifest) return Promise.resolve(null);
    // A query of nothing to index (!!!, an emoji) matches nothing, and says so.
    if (!query.terms.length) return Promise.resolve({ query: query, weights: new Map(), ranked: [] });
    return termPostings(query).then(function (perTerm) {
      var weights = new Map();
      query.terms.forEach(function (term, index) { weights.set(term, idf(Math.max(1, perTerm[index].ids.length))); });
      return { query: query, weights: weights, ranked: rank(perTerm) };
    });
  }

  function run() {
    var text = input.value;
    var mine = ++generation;
    if (!text.trim()) { clear(); return; }
    find(text).then(function (found) {
      if (mine !== generation) return;
      if (!found) { clear(); return; }
      return Promise.all(found.ranked.slice(0, SHOWN).map(function (entry) {
        return chunk(entry.id).then(function (doc) {
          return doc ? pageSections(doc[0]).then(function (sections) { return [doc, sections]; }) : null;
        });
      })).then(function (results) {
        if (mine !== generation) return;
        list.textContent = "";
        results.forEach(function (result) { if (result) list.appendChild(item(result[0], result[1], found.query, found.weights)); });
        var count = found.ranked.length;
        // A search box of a user's template from before "data-results-one" says "1 notes".
        var template = (count === 1 && box.getAttribute("data-results-one")) || box.getAttribute(count ? "data-results" : "data-no-results") || "";
        // A function, so that "$&" or "$'" in the query is shown as typed, not as a pattern.
        show(template.replace("%d", String(count)).replace("%s", function () { return text; }));
        shownFor = text;
        if (enterPending) openFirst();
      });
    });
  }

  // The addresses of the first `count` results (Tools/search-recall.py compares them).
  function top(text, count) {
    return find(text).then(function (found) {
      if (!found) return [];
      return Promise.all(found.ranked.slice(0, count).map(function (entry) { return chunk(entry.id); }))
        .then(function (docs) { return docs.map(function (doc) { return doc ? doc[0] : null; }); });
    });
  }

  // ---- Keyboard: / focuses, arrows move through the results, Escape closes ----

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
  function move(from, step) {
    var all = links(), index = all.indexOf(from) + step;
    if (index < 0) { input.focus(); return; }
    if (index < all.length) all[index].focus();
  }
  // Enter from the box: the first result of the query in the box, once its search is done.
  function openFirst() {
    enterPending = false;
    var first = links()[0];
    if (first) first.click();
  }
  box.addEventListener("keydown", function (event) {
    // Keys an input method is composing with are its own (↓ picks a candidate, Escape
    // cancels the composition).
    if (event.isComposing || event.keyCode === 229) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var step = event.key === "ArrowDown" ? 1 : -1;
      if (event.target === input && step < 0) return;
      move(event.target === input ? null : event.target, step);
      event.preventDefault();
    } else if (event.key === "Escape") {
      if (!panel.hidden) close();
      else if (input.value) { input.value = ""; clear(); }
      input.focus();
      event.preventDefault();
    } else if (event.key === "Enter" && event.target === input) {
      event.preventDefault();
      if (!input.value.trim()) return;
      dismissed = false;
      if (shownFor === input.value) openFirst();
      else enterPending = true;
    }
  });
  // Focus leaving the box (Tab) closes the list, as Escape does, keeping the query. Focus
  // going nowhere (a click on a result in a browser that does not focus links) keeps it.
  box.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !box.contains(event.relatedTarget)) close();
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target, tag = target && target.tagName;
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    input.focus();
    event.preventDefault();
  });
  document.addEventListener("click", function (event) { if (!box.contains(event.target)) close(); });
  input.addEventListener("input", function () { enterPending = false; dismissed = false; run(); });
  input.addEventListener("compositionend", run);
  input.addEventListener("focus", function () {
    if (input.value.trim() && shownFor === input.value) { dismissed = false; panel.hidden = false; }
  });

  window.notesimSearch = { queryTerms: queryTerms, top: top };

  fetchText("index.json").then(function (text) {
    try { manifest = JSON.parse(text); } catch (e) { return; }
    box.hidden = false;
    if (input.value) run();
  });
})();
