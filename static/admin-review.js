// The review page: a mark in the text scrolls to its row in the inlines below and lights it up.
document.addEventListener("click", function (event) {
  const mark = event.target.closest("mark[data-ref]");
  if (!mark) return;
  const anchor = document.getElementById(mark.dataset.ref);
  if (!anchor) return;
  const row = anchor.closest("tr");
  document.querySelectorAll("tr.highlight").forEach((r) => r.classList.remove("highlight"));
  if (row) row.classList.add("highlight");
  anchor.scrollIntoView({ behavior: "smooth", block: "center" });
});
