// Updates a batch's progress page from its JSON until the batch is done (no reload needed).
(function () {
  const root = document.querySelector(".upload-batch");
  if (!root || root.dataset.status === "done") return;
  const url = root.dataset.json;
  function text(el, value) { if (el) el.textContent = value; }
  function render(data) {
    text(root.querySelector('[data-field="status_label"]'), data.status_label);
    text(root.querySelector('[data-field="done"]'), data.done);
    text(root.querySelector('[data-field="total"]'), data.total);
    const bar = root.querySelector('[data-field="bar"]');
    if (bar) { bar.max = data.total || 1; bar.value = data.done; }
    for (const [status, n] of Object.entries(data.counts)) text(root.querySelector(`[data-count="${status}"]`), n);
    const body = root.querySelector("tbody");
    for (const item of data.items) {
      let row = document.getElementById(`item-${item.id}`);
      if (!row) {
        row = document.createElement("tr");
        row.id = `item-${item.id}`;
        row.innerHTML = '<td class="name"></td><td class="outcome"></td><td class="message"></td>';
        body.appendChild(row);
      }
      row.className = `item ${item.status}`;
      row.querySelector(".name").textContent = (item.in_zip ? item.in_zip + " › " : "") + item.shown;
      const outcome = row.querySelector(".outcome");
      outcome.textContent = item.status_label + " ";
      if (item.report_url) {
        const a = document.createElement("a");
        a.href = item.report_url;
        a.textContent = `#${item.report}`;
        outcome.appendChild(a);
      }
      row.querySelector(".message").textContent = item.message;
    }
    root.dataset.status = data.status;
  }
  async function poll() {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (response.ok) render(await response.json());
    } catch (e) { /* the next poll tries again */ }
    if (root.dataset.status !== "done") setTimeout(poll, 1500);
  }
  setTimeout(poll, 1000);
})();
