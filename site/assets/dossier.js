// Timeline filter: shows only the events of one topic. Without JavaScript every event shows
// (the filter stays hidden), and printing always shows every event (see the print stylesheet).
// The chosen topic lives in the URL hash (#topic=ID), so a filtered view can be linked to.
(function () {
  "use strict";
  var filter = document.querySelector(".topic-filter");
  if (!filter) {
    return;
  }
  var links = filter.querySelectorAll("a[data-topic]");
  var status = filter.querySelector(".filter-status");
  var events = document.querySelectorAll(".timeline .event");
  var months = document.querySelectorAll(".timeline .month");
  var notes = document.querySelectorAll(".references .notes li");

  function current() {
    var match = /^#topic=([a-z0-9-]+)$/.exec(window.location.hash);
    if (!match || !filter.querySelector('a[data-topic="' + match[1] + '"]')) {
      return "";
    }
    return match[1];
  }

  function apply() {
    var topic = current();
    var shown = 0;
    events.forEach(function (event) {
      var topics = (event.getAttribute("data-topics") || "").split(" ");
      event.hidden = topic !== "" && topics.indexOf(topic) < 0;
      if (!event.hidden) {
        shown += 1;
      }
    });
    months.forEach(function (month) {
      month.hidden = month.querySelector(".event:not([hidden])") === null;
    });
    // The notes of the events shown, by the notes their references are described by; each
    // note keeps its number (its value), so "[27]" still finds note 27.
    var cited = {};
    document.querySelectorAll(".timeline .event:not([hidden]) sup.ref a[aria-describedby]").forEach(function (ref) {
      var id = ref.getAttribute("aria-describedby");
      if (!cited[id]) {
        cited[id] = ref.closest(".event");
      }
    });
    notes.forEach(function (note) {
      note.hidden = topic !== "" && !cited[note.id + "-text"];
      // A note's way back leads to its first citation; when the event holding that one is
      // hidden, to the first event shown that cites the note.
      var back = note.querySelector(".backref");
      if (back) {
        if (!back.hasAttribute("data-href")) {
          back.setAttribute("data-href", back.getAttribute("href"));
        }
        var first = document.getElementById(back.getAttribute("data-href").slice(1));
        var event = cited[note.id + "-text"];
        var hidden = first && first.closest(".event") && first.closest(".event").hidden;
        back.setAttribute("href", hidden && event && event.id ? "#" + event.id : back.getAttribute("data-href"));
      }
    });
    var chosen = null;
    links.forEach(function (link) {
      if (link.getAttribute("data-topic") === topic) {
        link.setAttribute("aria-current", "true");
        chosen = link;
      } else {
        link.removeAttribute("aria-current");
      }
    });
    if (status) {
      status.textContent = topic === ""
        ? "Showing all " + events.length + " events."
        : "Showing " + shown + " of " + events.length + " events, about “" + chosen.textContent + "”.";
    }
  }

  links.forEach(function (link) {
    link.addEventListener("click", function (e) {
      if (link.getAttribute("data-topic") === "") {
        // "All topics" names the page's own file so it works without JavaScript too;
        // here it only clears the hash, without reloading.
        e.preventDefault();
        history.replaceState(null, "", window.location.pathname + window.location.search);
        apply();
      }
    });
  });
  window.addEventListener("hashchange", apply);
  filter.hidden = false;
  apply();
})();

// A citation of quoted words lands where they begin (a bar marks the spot without JavaScript):
// here the words it quotes are set apart from the other quoted words marked around them. Each
// mark names the quotes it is part of, by the ids citations link to.
(function () {
  "use strict";
  function show() {
    document.querySelectorAll("mark.cited-here").forEach(function (mark) {
      mark.classList.remove("cited-here");
    });
    var id = window.location.hash.slice(1);
    if (!/^p[0-9]+-q[0-9a-f]+$/.test(id)) {
      return;
    }
    document.querySelectorAll("mark[data-quotes]").forEach(function (mark) {
      if (mark.getAttribute("data-quotes").split(" ").indexOf(id) >= 0) {
        mark.classList.add("cited-here");
      }
    });
  }
  window.addEventListener("hashchange", show);
  show();
})();
