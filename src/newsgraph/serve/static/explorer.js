// newsgraph explorer: the only script. Served by the explorer itself; no inline scripts (CSP).
// Article page: clicking an item in the side list (or a mark in the text) highlights every span
// of that record item: an event's evidence, trigger and participants; a quote and its speaker;
// an actor's mentions; /article/N#V2 opens with V2 selected. Everything else is plain HTML
// rendered by the server.
"use strict";

function selectRef(ref, scroll) {
  document.querySelectorAll(".m.active, .item.active").forEach(function (el) {
    el.classList.remove("active");
  });
  if (!ref) return;
  var marks = document.querySelectorAll('.m[data-ref="' + CSS.escape(ref) + '"]');
  marks.forEach(function (el) { el.classList.add("active"); });
  document.querySelectorAll('.item[data-ref="' + CSS.escape(ref) + '"]').forEach(function (el) {
    el.classList.add("active");
  });
  var status = document.getElementById("selection");
  if (status) status.textContent = ref + ": " + marks.length + " highlighted span(s)";
  if (scroll && marks.length) marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
}

document.addEventListener("DOMContentLoaded", function () {
  var side = document.getElementById("side");
  var text = document.getElementById("article-text");
  if (!side || !text) return;
  side.addEventListener("click", function (event) {
    if (event.target.closest("a")) return;
    var item = event.target.closest(".item");
    if (item) selectRef(item.dataset.ref, true);
  });
  side.addEventListener("keydown", function (event) {
    var item = event.target.closest(".item");
    if (item && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      selectRef(item.dataset.ref, true);
    }
  });
  if (location.hash.length > 1) selectRef(decodeURIComponent(location.hash.slice(1)), true);
  window.addEventListener("hashchange", function () {
    selectRef(decodeURIComponent(location.hash.slice(1)), true);
  });
  text.addEventListener("click", function (event) {
    var mark = event.target.closest(".m:not(.m-evidence)") || event.target.closest(".m");
    if (!mark) return;
    selectRef(mark.dataset.ref, false);
    var item = document.querySelector('.item[data-ref="' + CSS.escape(mark.dataset.ref) + '"]');
    if (item) item.scrollIntoView({ block: "nearest" });
  });
});
