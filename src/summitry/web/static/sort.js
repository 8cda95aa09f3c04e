// Sort a table by the column whose header is clicked: numbers by data-sort, text by content.
document.addEventListener("click", (event) => {
  const header = event.target.closest("table.sortable th[data-type]");
  if (!header) return;
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
