// Quotation tooltips: hovering or focusing a highlighted quotation shows its speaker, cue
// and kind. Text goes in with textContent only, so article-derived strings stay text.
(function () {
  "use strict";
  var tip = null;

  function show(el) {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "quote-tip";
      tip.className = "tip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    var cue = el.dataset.cue ? " — " + el.dataset.cue : "";
    tip.textContent = (el.dataset.speaker || "unknown speaker") + cue + " (" + (el.dataset.kind || "") + ")";
    var box = el.getBoundingClientRect();
    tip.style.left = Math.max(4, box.left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    tip.hidden = false;
    el.setAttribute("aria-describedby", "quote-tip");
  }

  function hide(el) {
    if (tip) tip.hidden = true;
    if (el) el.removeAttribute("aria-describedby");
  }

  function quoteOf(target) {
    return target && target.closest ? target.closest(".quote[data-speaker]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var el = quoteOf(event.target);
    if (el) show(el);
  });
  document.addEventListener("mouseout", function (event) {
    var el = quoteOf(event.target);
    if (el && !el.contains(event.relatedTarget)) hide(el);
  });
  document.addEventListener("focusin", function (event) {
    var el = quoteOf(event.target);
    if (el) show(el);
  });
  document.addEventListener("focusout", function (event) {
    hide(quoteOf(event.target));
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide(null);
  });
})();
