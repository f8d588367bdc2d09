// rashomon report: comment filters, claim highlighting and keyboard navigation. No network, no eval.
(function () {
  "use strict";
  var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  var comments = Array.prototype.slice.call(document.querySelectorAll(".comment[data-filters]"));
  var status = document.querySelector(".filter-status");
  function applyFilter(name) {
    var shown = 0;
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-filter") === name)); });
    comments.forEach(function (c) {
      var keep = name === "all" || (" " + c.getAttribute("data-filters") + " ").indexOf(" " + name + " ") >= 0;
      c.hidden = !keep;
      if (keep) { shown += 1; }
    });
    if (status) { status.textContent = shown + " comment" + (shown === 1 ? "" : "s") + " shown"; }
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () { applyFilter(b.getAttribute("data-filter")); });
  });
  function flash(id) {
    var target = id && document.getElementById(id);
    if (!target) { return; }
    for (var up = target.parentElement; up; up = up.parentElement) {
      if (up.tagName === "DETAILS" && !up.open) { up.open = true; }
    }
    if (target.tagName === "DETAILS") { target.open = true; }
    var old = document.querySelectorAll(".flash");
    for (var i = 0; i < old.length; i += 1) { old[i].classList.remove("flash"); }
    target.classList.add("flash");
    if (target.hasAttribute("tabindex")) { target.focus({ preventScroll: true }); }
  }
  if (location.hash) {
    var first = decodeURIComponent(location.hash.slice(1));
    flash(first);
    if (document.getElementById(first)) { document.getElementById(first).scrollIntoView(); }
  }
  window.addEventListener("hashchange", function () { flash(decodeURIComponent(location.hash.slice(1))); });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (link) { flash(decodeURIComponent(link.getAttribute("href").slice(1))); }
  });
  // a box whose table is wider than it gets the "overflows" class, which shows its "Scroll sideways" caption
  function markOverflow() {
    var boxes = document.querySelectorAll(".wide");
    for (var i = 0; i < boxes.length; i += 1) { boxes[i].classList.toggle("overflows", boxes[i].scrollWidth > boxes[i].clientWidth + 1); }
  }
  markOverflow();
  window.addEventListener("resize", markOverflow);
  document.addEventListener("toggle", markOverflow, true);  // a box inside <details> has no width until opened
  var sections = ["facts", "sources", "framing", "actors", "comments", "text"];
  var cursor = -1;
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (event.altKey || event.ctrlKey || event.metaKey || tag === "input" || tag === "textarea" || tag === "select") { return; }
    var index = "123456".indexOf(event.key);
    if (index >= 0 && event.key !== "") {
      var section = document.getElementById(sections[index]);
      if (section) { section.scrollIntoView(); section.setAttribute("tabindex", "-1"); section.focus({ preventScroll: true }); }
      return;
    }
    if (event.key === "j" || event.key === "k") {
      var items = Array.prototype.slice.call(document.querySelectorAll("[data-nav]")).filter(function (el) { return !el.hidden && el.offsetParent !== null; });
      if (!items.length) { return; }
      cursor = Math.max(0, Math.min(items.length - 1, cursor + (event.key === "j" ? 1 : -1)));
      items[cursor].focus();
      items[cursor].scrollIntoView({ block: "center" });
    }
  });
})();
