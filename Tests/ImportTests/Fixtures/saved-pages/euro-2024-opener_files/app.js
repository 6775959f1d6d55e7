/* Matchday Wire front-end bundle (trimmed when the page was saved). */
window.MW = window.MW || {};
MW.lazy = function () {
  document.querySelectorAll("img[data-src]").forEach(function (img) { img.src = img.getAttribute("data-src"); });
};
document.addEventListener("DOMContentLoaded", MW.lazy);
