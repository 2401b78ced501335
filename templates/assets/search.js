// Search over the index in search/, written by the build (see SearchIndex.java for its format).
// The index arrives as <script> files that call window.dossierSearch, because a page opened
// from file:// may load scripts but may not fetch data. Before the first query only
// search/manifest.js loads; a query then loads the term shards of its words, and showing the
// results loads the document shards that hold them. Results are built with DOM calls only.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  if (!form || !input || !status || !results || !more) {
    return;
  }
  var INDEX = "search/";
  // The index's format, as SearchIndex.FORMAT writes it.
  var FORMAT = 6;
  var PAGE = 20;
  var MIN_PREFIX = 3;
  var PREFIX_WEIGHT = 0.6;
  var MAX_PREFIX_SHARDS = 4;
  var SNIPPET_WORDS = 36;
  // Where an entry whose title holds every word of the query ranks: before the passages.
  var NAMED_TIERS = { topic: 0, event: 1, source: 2 };
  var KIND_LABELS = { paragraph: "Source passage", subheading: "Source subheading", event: "Event", topic: "Topic", source: "Source" };

  var pageTitle = document.title;
  var manifest = null;
  var loaded = {};   // file -> Promise of its registered data
  var waiting = {};  // file -> resolve function, until the script calls dossierSearch
  var current = null; // the shown search: its ranked hits and how many are shown
  var generation = 0; // a newer search makes an older one's late results moot

  function register(file, data) {
    if (waiting[file]) {
      waiting[file](data);
      delete waiting[file];
    }
  }

  window.dossierSearch = {
    manifest: function (data) { register("manifest.js", data); },
    terms: function (name, data) { register("t-" + fileName(name) + ".js", data); },
    docs: function (name, data) { register("d-" + name + ".js", data); },
    // The words a query is looked for as: the tests check them against the index's (SearchIndex.terms).
    queryTerms: function (text) { return terms(text); }
  };

  // What makes a browser's cache give this build's file: the index's version, from the page for
  // the manifest (so a cached page and a new manifest never meet) and from the manifest for the
  // term shards. Document shards are named by their content and need none.
  function version(file) {
    if (file.indexOf("d-") === 0) {
      return "";
    }
    var form = document.getElementById("search-form");
    var v = manifest ? manifest.version : form && form.getAttribute("data-index-version");
    return v ? "?v=" + encodeURIComponent(v) : "";
  }

  // Loads one index file once; resolves with what the file registered.
  function load(file) {
    if (!loaded[file]) {
      loaded[file] = new Promise(function (resolve, reject) {
        waiting[file] = resolve;
        var script = document.createElement("script");
        script.src = INDEX + file + version(file);
        script.async = true;
        script.onerror = function () {
          delete loaded[file];
          delete waiting[file];
          reject(new Error(INDEX + file));
        };
        script.onload = function () {
          script.remove();
          if (waiting[file]) {
            delete loaded[file];
            delete waiting[file];
            reject(new Error(INDEX + file));
          }
        };
        document.head.appendChild(script);
      });
    }
    return loaded[file];
  }

  // The same normalisation as SearchIndex.terms: lower case, diacritics dropped (but for kana's
  // voicing marks: が is not か), ß folded to ss and ς to σ, and the modifier letter apostrophe ʼ
  // (Ukrainian "мʼясо") made ’, the apostrophe it stands for, which a word does not hold.
  function normalise(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}+/gu, function (marks) {
      return marks.replace(/[^\u3099\u309A]/gu, "");
    }).normalize("NFC").replace(/\u00DF/g, "ss").replace(/\u03C2/g, "\u03C3").replace(/\u02BC/g, "\u2019");
  }

  // A number: digits with a comma or period between each two groups of them (full-width ones in
  // a text not yet normalised).
  var NUMBER = /\p{Nd}+(?:[.,\uFF0C\uFF0E]\p{Nd}+)+/gu;
  var NUMBER_SEPARATOR = /[.,\uFF0C\uFF0E]/gu;

  // What becomes of each separator of a number, as SearchIndex.terms says: a comma before exactly
  // three digits separates thousands and is dropped (""); of the others, one alone is kept (the
  // separator itself: "1.5", "1,5", "100.000", "1,000.5"), and two or more each cut the number
  // (" ": "24.02.2022", "1.2.3", "2,3,4").
  function numberSeparators(number) {
    var groups = number.split(NUMBER_SEPARATOR);
    var separators = number.match(NUMBER_SEPARATOR);
    var thousands = separators.map(function (s, i) {
      return (s === "," || s === "\uFF0C") && Array.from(groups[i + 1]).length === 3;
    });
    var others = thousands.filter(function (t) { return !t; }).length;
    return separators.map(function (s, i) {
      return thousands[i] ? "" : others === 1 ? s : " ";
    });
  }

  // A final "'s" or "’s" after a letter, at the end of a word: dropped ("Russia's" is "russia",
  // "it's" is "it"). Every other apostrophe cuts the word ("don't", "l'Europe", "O'Brien").
  // No regular expression here looks behind: Safari before 16.4 refuses the whole script for one.
  var FINAL_S = /(\p{L})['\u2019]s(?![\p{L}\p{N}])/gu;

  // The text without its final "'s": the letter before each is kept ("$1"), and the text looked
  // at again for one that removing another brought next to a letter ("it's's").
  function withoutFinalS(text) {
    var before;
    do {
      before = text;
      text = text.replace(FINAL_S, "$1");
    } while (text !== before);
    return text;
  }

  // A word of a normalised text, as SearchIndex.terms cuts them once its numbers are read:
  // letters and digits, and the one separator a number keeps ("1.5").
  var WORD = /(?:\p{Nd}[.,](?=\p{Nd})|[\p{L}\p{N}])+/gu;

  // Chinese and Japanese are written without spaces between words: the index keeps each of
  // their characters and each pair, and a query is looked for as its pairs (or its one character).
  // With the letters those scripts share (ー, 々, 〱 to 〵, 〆, 〻, 〼), as SearchIndex.spaceless.
  var SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\uFF70\u3005\u3006\u3031-\u3035\u303B\u303C]/u;

  // The words the index is searched for: each word of the text, its numbers read (so "100,000"
  // is "100000" and "24.02.2022" is "24", "02" and "2022") and a final "'s" dropped (so
  // "Russia's" is "russia"); Chinese and Japanese as their pairs.
  function terms(text) {
    var out = [];
    var read = normalise(text).replace(NUMBER, function (number) {
      var separators = numberSeparators(number);
      var k = 0;
      return number.replace(NUMBER_SEPARATOR, function () { return separators[k++]; });
    });
    read = withoutFinalS(read);
    (read.match(WORD) || []).forEach(function (word) {
      var chars = Array.from(word);
      var i = 0;
      while (i < chars.length) {
        var spaceless = SPACELESS.test(chars[i]);
        var j = i;
        while (j < chars.length && SPACELESS.test(chars[j]) === spaceless) {
          j++;
        }
        if (!spaceless) {
          out.push(chars.slice(i, j).join(""));
        } else if (j - i === 1) {
          out.push(chars[i]);
        } else {
          for (var k = i; k + 1 < j; k++) {
            out.push(chars[k] + chars[k + 1]);
          }
        }
        i = j;
      }
    });
    return out;
  }

  function fileName(prefix) {
    var out = "";
    for (var ch of prefix) {
      out += /^[a-z0-9]$/.test(ch) ? ch : "_" + ch.codePointAt(0).toString(16) + "_";
    }
    return out;
  }

  // The term shard that holds a term: the one with the greatest name not after it.
  function shardIndex(term) {
    var names = manifest.termShards;
    var lo = 0;
    var hi = names.length - 1;
    var found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (names[mid] <= term) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  function shardFile(index) {
    return "t-" + fileName(manifest.termShards[index]) + ".js";
  }

  // The shards a word needs: its own, plus, for a prefix, the following shards whose names
  // start with it (capped, so a short prefix cannot pull in the whole index).
  function shardsFor(word) {
    var first = shardIndex(word.text);
    var list = first < 0 ? [] : [first];
    if (word.prefix) {
      for (var i = first + 1; i < manifest.termShards.length && list.length < MAX_PREFIX_SHARDS; i++) {
        if (manifest.termShards[i].indexOf(word.text) !== 0) {
          break;
        }
        list.push(i);
      }
    }
    return list;
  }

  // Whether a term is a longer word that a query word, taken as the start of a word, finds. A
  // number is typed whole: "100,000" is not the start of "1,000,000", nor "1.5" of "1.55",
  // though "1.5" is the start of "1.5bn".
  function continues(term, prefix) {
    return term.length > prefix.length && term.indexOf(prefix) === 0
      && !(/\p{Nd}$/u.test(prefix) && /^[\p{Nd}.,]/u.test(term.slice(prefix.length)));
  }

  function idf(df) {
    return Math.log(1 + (manifest.docs - df + 0.5) / (df + 0.5));
  }

  // Adds a term's postings to a word's matches: doc id -> {score, exact, title}, where title
  // says the word itself (not a longer one) is in the document's title. An entry is [df,
  // postings...], then, when the term is in some titles, the list of those documents.
  function addPostings(matches, entry, weight, exact) {
    var w = idf(entry[0]) * weight;
    var levels = manifest.impactLevels + 1;
    var titled = titledIn(entry);
    var end = Array.isArray(entry[entry.length - 1]) ? entry.length - 1 : entry.length;
    var id = 0;
    for (var i = 1; i < end; i++) {
      id += Math.floor(entry[i] / levels);
      var score = w * (entry[i] % levels);
      var title = exact && titled.has(id);
      var m = matches.get(id);
      if (!m) {
        matches.set(id, { score: score, exact: exact, title: title });
      } else {
        if (score > m.score) {
          m.score = score;
        }
        m.exact = m.exact || exact;
        m.title = m.title || title;
      }
    }
  }

  // The documents with a term in their title: its entry's last element, when that is a list.
  function titledIn(entry) {
    var titled = new Set();
    var last = entry[entry.length - 1];
    if (Array.isArray(last)) {
      var id = 0;
      last.forEach(function (gap) {
        id += gap;
        titled.add(id);
      });
    }
    return titled;
  }

  function kindOf(id) {
    var kinds = manifest.kinds;
    for (var kind in kinds) {
      if (id >= kinds[kind][0] && id < kinds[kind][1]) {
        return kind;
      }
    }
    return "paragraph";
  }

  // Ranks the documents for a query. Every word must match (the last one may match as a
  // prefix); if no document has them all, documents with some of them are shown instead.
  // Entries whose title holds every word exactly come first, topics, then events, then sources
  // (what the query names); then source passages that contain every word exactly; then
  // everything else; each by BM25 score.
  function rank(words, shards) {
    var perWord = [];
    var ignored = [];
    var named = [];
    words.forEach(function (word) {
      var found = entries(word, shards);
      var entry = found.exact;
      // A word the index keeps no postings for is in most documents: it would select nothing.
      // Its entry still lists the topics and events it names ([df, [titles]]).
      if (entry && entry[0] > 0 && (entry.length === 1 || (entry.length === 2 && Array.isArray(entry[1])))) {
        ignored.push(word.text);
        named.push(titledIn(entry));
        return;
      }
      var matches = new Map();
      if (entry) {
        addPostings(matches, entry, 1, true);
      }
      found.longer.forEach(function (longer) {
        addPostings(matches, longer, PREFIX_WEIGHT, false);
      });
      perWord.push(matches);
    });
    if (perWord.length === 0 && named.length > 0) {
      // Only words in most documents: the topics and events whose titles hold them all.
      var titled = [];
      named[0].forEach(function (id) {
        if (named.every(function (ids) { return ids.has(id); })) {
          titled.push({ id: id, tier: NAMED_TIERS[kindOf(id)] });
        }
      });
      if (titled.length > 0) {
        titled.sort(function (a, b) { return a.tier - b.tier || a.id - b.id; });
        return { hits: titled, all: true, ignored: [], common: ignored };
      }
    }
    var all = perWord.length > 0;
    var hits = combine(perWord, true);
    // A number looked for in parts is found whole or not at all: "24" alone is not "24.02".
    var parts = words.some(function (word) { return word.part; });
    if (hits.length === 0 && perWord.length > 1 && !parts) {
      hits = combine(perWord, false);
      all = false;
    }
    hits.sort(function (a, b) {
      return a.tier - b.tier || b.words - a.words || b.score - a.score || a.id - b.id;
    });
    return { hits: hits, all: all, ignored: ignored };
  }

  function combine(perWord, every) {
    var scores = new Map();
    perWord.forEach(function (matches) {
      matches.forEach(function (m, id) {
        var hit = scores.get(id);
        if (!hit) {
          hit = { id: id, score: 0, words: 0, exact: 0, title: 0 };
          scores.set(id, hit);
        }
        hit.score += m.score;
        hit.words += 1;
        hit.exact += m.exact ? 1 : 0;
        hit.title += m.title ? 1 : 0;
      });
    });
    var hits = [];
    scores.forEach(function (hit) {
      if (!every || hit.words === perWord.length) {
        var kind = kindOf(hit.id);
        if (hit.title === perWord.length && NAMED_TIERS.hasOwnProperty(kind)) {
          hit.tier = NAMED_TIERS[kind];
        } else {
          hit.tier = hit.exact === perWord.length && kind === "paragraph" ? 3 : 4;
        }
        hits.push(hit);
      }
    });
    return hits;
  }

  // A document shard's file: named by a hash of its content, listed in the manifest.
  function docShardFile(n) {
    return "d-" + manifest.docNames[n] + ".js";
  }

  function docShardOf(id) {
    var firsts = manifest.docShards;
    var lo = 0;
    var hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= id) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  // A word written with a full stop after it ("Feb. 20", "Gov.") may be an abbreviation, so it
  // matches as the start of a word too, as the last word of a query does: "Feb." finds February.
  function parseQuery(query) {
    var list = terms(query);
    var abbreviated = {};
    (query.match(/[\p{L}\p{M}]+\.(?=\s|$)/gu) || []).forEach(function (word) {
      terms(word).forEach(function (text) { abbreviated[text] = true; });
    });
    var seen = {};
    var words = [];
    // A query ending in "'s" ("Russia's") has typed its last word whole: "Russian" is another.
    var endsInWord = /(?:[^\P{L}\u02BC]|[\p{N}\p{M}])$/u.test(query) && !/[^\P{L}\u02BC]\p{M}*['\u2019\uFF07\u02BC]\p{M}*[sS\uFF53\uFF33]\p{M}*$/u.test(query);
    list.forEach(function (text, i) {
      if (!seen[text]) {
        seen[text] = true;
        var open = (i === list.length - 1 && endsInWord) || abbreviated[text] === true;
        words.push({ text: text, prefix: open && text.length >= MIN_PREFIX });
      }
    });
    return words;
  }

  function search(query) {
    var mine = ++generation;
    var words = parseQuery(query);
    // The query in the title too, so the history and a screen reader's window list tell searches apart.
    document.title = query.trim() === "" ? pageTitle : "“" + query.trim() + "” · " + pageTitle;
    results.textContent = "";
    more.parentNode.hidden = true;
    current = null;
    if (words.length === 0) {
      status.textContent = query.trim() === "" ? "" : "Type a word to search for.";
      return Promise.resolve();
    }
    status.textContent = "Searching…";
    var shards = {};
    var split = [];
    return manifestLoaded().then(function () {
      return loadShards(words, shards);
    }).then(function () {
      // A number with one separator that no entry holds whole ("24.02") is looked for in parts,
      // as a date or a version is indexed ("24.02.2022" is 24, 02 and 2022): every part in one entry.
      var read = [];
      words.forEach(function (word) {
        var found = entries(word, shards);
        if (/[.,]/.test(word.text) && !found.exact && found.longer.length === 0) {
          var parts = word.text.split(/[.,]/);
          split.push("“" + word.text + "” is in no entry as written, so its parts, " + parts.join(" and ") + ", were looked for in one.");
          parts.forEach(function (part) { read.push({ text: part, prefix: false, part: true }); });
        } else {
          read.push(word);
        }
      });
      words = read.filter(function (word, i) {
        return read.findIndex(function (other) { return other.text === word.text; }) === i;
      });
      return loadShards(words, shards);
    }).then(function () {
      return rank(words, shards);
    }).then(function (ranked) {
      if (mine !== generation) {
        return null;
      }
      var searched = ranked.common ? words : words.filter(function (w) { return ranked.ignored.indexOf(w.text) < 0; });
      current = { query: query, words: searched, ranked: ranked, shown: 0, split: split };
      return showMore(false);
    }).catch(function (error) {
      if (mine === generation) {
        status.textContent = "The search index could not be loaded (" + error.message + "). Browse the timeline, the topics or the sources instead.";
      }
    });
  }

  // Loads the term shards the words need into shards (by index), those not there already.
  function loadShards(words, shards) {
    var needed = {};
    words.forEach(function (word) {
      shardsFor(word).forEach(function (i) {
        if (!shards[i]) {
          needed[i] = true;
        }
      });
    });
    var indexes = Object.keys(needed).map(Number);
    return Promise.all(indexes.map(function (i) { return load(shardFile(i)); })).then(function (data) {
      indexes.forEach(function (i, n) { shards[i] = data[n]; });
    });
  }

  // What the loaded shards hold for a word: its own entry (or null), and, for a word that may be
  // the start of a longer one, the entries of the longer words it begins.
  function entries(word, shards) {
    var indexes = shardsFor(word);
    var own = indexes.length > 0 ? shards[indexes[0]] : {};
    var longer = [];
    if (word.prefix) {
      indexes.forEach(function (index) {
        var data = shards[index];
        Object.keys(data).forEach(function (term) {
          if (continues(term, word.text)) {
            longer.push(data[term]);
          }
        });
      });
    }
    return { exact: Object.prototype.hasOwnProperty.call(own, word.text) ? own[word.text] : null, longer: longer };
  }

  function manifestLoaded() {
    if (manifest) {
      return Promise.resolve(manifest);
    }
    return load("manifest.js").then(function (data) {
      // A theme's own copy of this script may be older than the build's index.
      if (data.format !== FORMAT) {
        throw new Error("it is in format " + data.format + ", and this page reads format " + FORMAT);
      }
      manifest = data;
      return data;
    });
  }

  // Shows the next page of hits, loading the document shards they are in.
  function showMore(moveFocus) {
    var search = current;
    var mine = generation;
    var page = search.ranked.hits.slice(search.shown, search.shown + PAGE);
    var files = {};
    page.forEach(function (hit) { files[docShardFile(docShardOf(hit.id))] = true; });
    var names = Object.keys(files);
    return Promise.all(names.map(load)).then(function (shards) {
      if (mine !== generation) {
        return;
      }
      var byFile = {};
      shards.forEach(function (shard, i) { byFile[names[i]] = shard; });
      var firstNew = null;
      page.forEach(function (hit) {
        var n = docShardOf(hit.id);
        var shard = byFile[docShardFile(n)];
        var item = hitItem(shard, shard.docs[hit.id - manifest.docShards[n]], search.words);
        results.appendChild(item);
        firstNew = firstNew || item;
      });
      search.shown += page.length;
      announce(search);
      more.parentNode.hidden = search.shown >= search.ranked.hits.length;
      if (moveFocus && firstNew) {
        firstNew.querySelector("a").focus();
      }
    });
  }

  function announce(search) {
    var total = search.ranked.hits.length;
    var quoted = "“" + search.query.trim() + "”";
    var text;
    if (search.words.length === 0) {
      status.textContent = quoted + " is in most documents, too common to search for; add a less common word.";
      return;
    }
    if (total === 0) {
      text = "No results for " + quoted + ".";
    } else {
      text = total + (total === 1 ? " result" : " results") + (search.ranked.all ? " for " : " with some of the words of ") + quoted;
      text += search.shown < total ? "; showing the first " + search.shown + "." : ".";
    }
    search.split.forEach(function (said) { text += " " + said; });
    if (search.ranked.ignored.length > 0) {
      text += " Left out, as too common to search for: " + search.ranked.ignored.map(function (w) { return "“" + w + "”"; }).join(", ") + ".";
    }
    if (search.ranked.common) {
      var one = search.ranked.common.length === 1;
      text += " " + search.ranked.common.map(function (w) { return "“" + w + "”"; }).join(", ") + (one ? " is" : " are")
          + " in most documents, so only the topics and events named with " + (one ? "it" : "them") + " are shown.";
    }
    status.textContent = text;
  }

  // "¶12", read out as "paragraph 12" ("¶" alone is read as "pilcrow"): the link's name holds
  // what it shows, as speech control needs, and its text, copied, is "¶12" (layout.ftlh's
  // paragraphNumber).
  function paragraphNumber(parent, n) {
    var mark = document.createElement("span");
    mark.setAttribute("role", "img");
    mark.setAttribute("aria-label", "paragraph");
    mark.textContent = "¶";
    parent.appendChild(mark);
    parent.appendChild(document.createTextNode(String(n)));
  }

  function hitItem(shard, doc, words) {
    var item = document.createElement("li");
    item.className = "search-hit search-hit-" + doc.kind;
    // A heading each, so a screen reader can go from result to result.
    var title = document.createElement("h2");
    title.className = "search-hit-title";
    var link = document.createElement("a");
    link.className = "search-hit-link";
    link.href = doc.href;
    var passage = doc.kind === "paragraph" || doc.kind === "subheading";
    if (doc.kind === "paragraph") {
      link.appendChild(document.createTextNode(shard.sources[doc.source] + ", "));
      paragraphNumber(link, doc.n);
    } else {
      var label = passage ? shard.sources[doc.source] : doc.title;
      appendMarked(link, label, passage ? [] : wordRuns(label, words), 0, label.length);
    }
    title.appendChild(link);
    item.appendChild(title);
    var meta = document.createElement("p");
    meta.className = "search-hit-meta";
    var about = passage && shard.about ? shard.about[doc.source] : doc.date;
    meta.textContent = KIND_LABELS[doc.kind] + (about ? " · " + about : "");
    item.appendChild(meta);
    if (doc.text) {
      item.appendChild(snippet(doc.text, words));
    }
    return item;
  }

  function matcher(words) {
    var exact = {};
    var prefixes = [];
    words.forEach(function (w) {
      exact[w.text] = true;
      if (w.prefix) {
        prefixes.push(w.text);
      }
    });
    return function (raw) {
      return terms(raw).some(function (t) {
        return exact[t] || prefixes.some(function (p) { return continues(t, p); });
      });
    };
  }

  // The text's words (runs of letters, digits and marks, with a number's separators and a final
  // "'s", in their full-width forms too: "100,000", "1.5", "Russia’s"), each flagged when a query
  // word matches it; a number cut where terms cuts it ("24.02.2022" is three words); Chinese and
  // Japanese a character at a time, flagged when it is in a pair (or is the one character) the
  // query looks for.
  function wordRuns(text, words) {
    var matches = matcher(words);
    var wanted = {};
    words.forEach(function (w) { wanted[w.text] = true; });
    // Where a number is cut: at each separator of one that has two or more.
    var cuts = {};
    text.replace(NUMBER, function (number, at) {
      var separators = numberSeparators(number);
      var k = 0;
      number.replace(NUMBER_SEPARATOR, function (separator, i) {
        if (separators[k++] === " ") {
          cuts[at + i] = true;
        }
        return separator;
      });
      return number;
    });
    var spans = [];
    // A digit or letter (with its marks) takes the separator or apostrophe after it along; the
    // apostrophe ʼ is no letter here.
    var re = /(?:\p{Nd}\p{M}*[.,\uFF0C\uFF0E](?=\p{M}*\p{Nd})|[^\P{L}\u02BC]\p{M}*['\u2019\uFF07\u02BC](?=\p{M}*[sS\uFF53\uFF33]\p{M}*(?![^\P{L}\u02BC]|\p{N}))|[^\P{L}\u02BC]|[\p{N}\p{M}])+/gu;
    var m;
    while ((m = re.exec(text)) !== null) {
      var from = m.index;
      var to = m.index + m[0].length;
      for (var c = from; c < to; c++) {
        if (cuts[c]) {
          spans.push({ start: from, end: c });
          from = c + 1;
        }
      }
      spans.push({ start: from, end: to });
    }
    var runs = [];
    spans.forEach(function (span) {
      var word = text.slice(span.start, span.end);
      if (!SPACELESS.test(word)) {
        runs.push({ start: span.start, end: span.end, hit: matches(word) });
        return;
      }
      // A character with the marks after it (a kana and its voicing mark, written apart or half-width).
      var pieces = [];
      var at = span.start;
      (word.match(/[^\p{M}\uFF9E\uFF9F][\p{M}\uFF9E\uFF9F]*|[\p{M}\uFF9E\uFF9F]+/gu) || []).forEach(function (ch) {
        pieces.push({ start: at, end: at + ch.length, text: normalise(ch), spaceless: SPACELESS.test(ch) });
        at += ch.length;
      });
      var i = 0;
      while (i < pieces.length) {
        if (!pieces[i].spaceless) {
          var j = i;
          while (j < pieces.length && !pieces[j].spaceless) {
            j++;
          }
          runs.push({ start: pieces[i].start, end: pieces[j - 1].end, hit: matches(text.slice(pieces[i].start, pieces[j - 1].end)) });
          i = j;
          continue;
        }
        var before = i > 0 && pieces[i - 1].spaceless && wanted[pieces[i - 1].text + pieces[i].text];
        var after = i + 1 < pieces.length && pieces[i + 1].spaceless && wanted[pieces[i].text + pieces[i + 1].text];
        runs.push({ start: pieces[i].start, end: pieces[i].end, hit: Boolean(before || after || wanted[pieces[i].text]) });
        i++;
      }
    });
    return runs;
  }

  // Appends text[start, end) to an element: plain text nodes, and the matched words in <mark>.
  function appendMarked(parent, text, runs, start, end) {
    var at = start;
    runs.forEach(function (run) {
      if (run.hit && run.start >= start && run.end <= end) {
        parent.appendChild(document.createTextNode(text.slice(at, run.start)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(run.start, run.end);
        parent.appendChild(mark);
        at = run.end;
      }
    });
    parent.appendChild(document.createTextNode(text.slice(at, end)));
  }

  // A window of the text around its densest run of query words, the words in <mark>.
  function snippet(text, words) {
    var runs = wordRuns(text, words);
    var best = 0;
    var bestCount = -1;
    for (var i = 0; i < runs.length; i++) {
      if (!runs[i].hit) {
        continue;
      }
      var count = 0;
      for (var j = i; j < runs.length && j < i + SNIPPET_WORDS; j++) {
        count += runs[j].hit ? 1 : 0;
      }
      if (count > bestCount) {
        bestCount = count;
        best = i;
      }
    }
    var from = runs.length <= SNIPPET_WORDS ? 0 : Math.max(0, Math.min(best - 6, runs.length - SNIPPET_WORDS));
    var to = Math.min(runs.length, from + SNIPPET_WORDS);
    var start = from === 0 ? 0 : runs[from].start;
    var end = to >= runs.length ? text.length : runs[to - 1].end;
    var p = document.createElement("p");
    p.className = "search-snippet";
    if (start > 0) {
      p.appendChild(document.createTextNode("… "));
    }
    appendMarked(p, text, runs, start, end);
    if (end < text.length) {
      p.appendChild(document.createTextNode(" …"));
    }
    p.normalize();
    return p;
  }

  function queryFromUrl() {
    var match = /[?&]q=([^&#]*)/.exec(window.location.search);
    if (!match) {
      return "";
    }
    try {
      return decodeURIComponent(match[1].replace(/\+/g, " "));
    } catch (e) {
      return "";
    }
  }

  function keepInUrl(query) {
    var url = window.location.pathname + (query.trim() === "" ? "" : "?q=" + encodeURIComponent(query).replace(/%20/g, "+"));
    try {
      history.replaceState(null, "", url);
    } catch (e) {
      // Some browsers refuse to change a file:// URL; the search still runs.
    }
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    keepInUrl(input.value);
    search(input.value);
  });
  more.addEventListener("click", function () {
    if (current) {
      showMore(true);
    }
  });
  var initial = queryFromUrl();
  if (initial.trim() !== "") {
    input.value = initial;
    search(initial);
  }
})();
