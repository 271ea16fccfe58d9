// sagte pages: the raw/normalised toggle and the highlight of a linked statement.
// No inline scripts (the Content-Security-Policy forbids them); no libraries.
(function () {
  "use strict";

  function focusStatement() {
    var match = /^#s(\d+)$/.exec(window.location.hash);
    document.querySelectorAll(".msg.focus").forEach(function (el) {
      el.classList.remove("focus");
    });
    if (!match) return;
    var parts = document.querySelectorAll('.msg[data-s~="' + match[1] + '"]');
    parts.forEach(function (el) {
      el.classList.add("focus");
    });
    var visible = Array.prototype.filter.call(parts, function (el) {
      return el.offsetParent !== null;
    });
    if (visible.length) visible[0].scrollIntoView({ block: "center" });
  }

  function setView(view) {
    var normal = document.getElementById("text-normalised");
    var raw = document.getElementById("text-raw");
    if (!normal || !raw) return;
    normal.hidden = view === "raw";
    raw.hidden = view !== "raw";
    document.querySelectorAll(".view-btn").forEach(function (btn) {
      btn.classList.toggle("active", btn.dataset.view === view);
      btn.setAttribute("aria-pressed", btn.dataset.view === view ? "true" : "false");
    });
    var url = new URL(window.location.href);
    if (view === "raw") url.searchParams.set("view", "raw");
    else url.searchParams.delete("view");
    window.history.replaceState(null, "", url.toString());
    focusStatement();
  }

  function hover(event, on) {
    var el = event.target.closest && event.target.closest(".msg[data-s]");
    if (!el || !el.dataset.s) return;
    el.dataset.s.split(" ").forEach(function (id) {
      document.querySelectorAll('.msg[data-s~="' + id + '"]').forEach(function (part) {
        part.classList.toggle("hover", on);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".view-btn").forEach(function (btn) {
      btn.addEventListener("click", function (event) {
        event.preventDefault();
        setView(btn.dataset.view);
      });
    });
    document.addEventListener("mouseover", function (e) { hover(e, true); });
    document.addEventListener("mouseout", function (e) { hover(e, false); });
    window.addEventListener("hashchange", focusStatement);
    focusStatement();
  });
})();
