// Storyline's only script: citation previews on the brief page.
// Hovering or focusing a [n] link shows its passage, highlighted in context,
// by copying the server-rendered passage node (never parsing HTML strings);
// clicking the link opens the article with the passage marked. Escape closes.
(function () {
  "use strict";
  var preview = document.getElementById("preview");
  if (!preview) { return; }
  var active = null;

  function show(link) {
    var source = document.getElementById(link.getAttribute("data-passage"));
    if (!source) { return; }
    if (active) { active.classList.remove("active"); }
    active = link;
    link.classList.add("active");
    preview.replaceChildren.apply(preview, Array.from(source.cloneNode(true).childNodes));
    preview.hidden = false;
    var box = link.getBoundingClientRect();
    var top = box.bottom + 6;
    if (top + preview.offsetHeight > window.innerHeight) {
      top = Math.max(6, box.top - preview.offsetHeight - 6);
    }
    preview.style.top = top + "px";
    preview.style.left = Math.max(6, Math.min(box.left, window.innerWidth - preview.offsetWidth - 6)) + "px";
  }

  function hide() {
    preview.hidden = true;
    if (active) { active.classList.remove("active"); active = null; }
  }

  document.querySelectorAll("a.cite[data-passage]").forEach(function (link) {
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("mouseleave", hide);
    link.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); }
  });
})();
