// Sort a small table (the ledger's totals) by the column whose header button is pressed:
// numbers by data-sort, text by content. Lists with pages sort on the server instead: their
// header buttons submit the list's form, so the sort covers every page and stays in the URL.
document.addEventListener("click", (event) => {
  const button = event.target.closest("table.sortable th[data-type] button");
  if (!button) return;
  const header = button.closest("th");
  const table = header.closest("table");
  const body = table.tBodies[0];
  const column = Array.from(header.parentNode.children).indexOf(header);
  const ascending = header.getAttribute("aria-sort") !== "ascending";
  const key = (row) => {
    const cell = row.children[column];
    const raw = cell ? (cell.dataset.sort ?? cell.textContent.trim()) : "";
    return header.dataset.type === "number" ? parseFloat(raw) || 0 : raw.toLowerCase();
  };
  const rows = Array.from(body.rows).sort((a, b) => {
    const x = key(a), y = key(b);
    return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
  });
  header.parentNode.querySelectorAll("th").forEach((th) => th.removeAttribute("aria-sort"));
  header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  rows.forEach((row) => body.appendChild(row));
});
