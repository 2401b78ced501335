// Timeline filter: shows only the events of one topic. Without JavaScript every event shows.
// The chosen topic lives in the URL hash (#topic=ID), so a filtered view can be linked to.
(function () {
  "use strict";
  var filter = document.querySelector(".topic-filter");
  if (!filter) {
    return;
  }
  var links = filter.querySelectorAll("a[data-topic]");
  var events = document.querySelectorAll(".timeline .event");
  var months = document.querySelectorAll(".timeline .month");

  function current() {
    var match = /^#topic=([a-z0-9-]+)$/.exec(window.location.hash);
    return match ? match[1] : "";
  }

  function apply() {
    var topic = current();
    events.forEach(function (event) {
      var topics = (event.getAttribute("data-topics") || "").split(" ");
      event.hidden = topic !== "" && topics.indexOf(topic) < 0;
    });
    months.forEach(function (month) {
      month.hidden = month.querySelector(".event:not([hidden])") === null;
    });
    links.forEach(function (link) {
      if (link.getAttribute("data-topic") === topic) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    });
  }

  links.forEach(function (link) {
    link.addEventListener("click", function (e) {
      var topic = link.getAttribute("data-topic");
      if (topic === "") {
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
