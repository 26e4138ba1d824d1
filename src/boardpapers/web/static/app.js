// Comfort only: every page works without this file.
// "/" jumps to the search box; filter selects submit themselves.
document.addEventListener("keydown", (e) => {
  const tag = (document.activeElement && document.activeElement.tagName) || "";
  if (e.key === "/" && !["INPUT", "TEXTAREA", "SELECT"].includes(tag)) {
    const box = document.querySelector("main input[type=search]") || document.getElementById("quick-q");
    if (box) { e.preventDefault(); box.focus(); }
  }
});
document.addEventListener("change", (e) => {
  if (e.target.matches && e.target.matches("form.filters select")) e.target.form.submit();
});
