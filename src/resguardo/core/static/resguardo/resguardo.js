// Small progressive enhancements; every page works without them.
document.addEventListener("change", (event) => {
  const select = event.target.closest("[data-autosubmit]");
  if (select) select.form.requestSubmit();
});
document.addEventListener("click", (event) => {
  const toggle = event.target.closest("[data-nav-toggle]");
  if (!toggle) return;
  const nav = document.getElementById(toggle.getAttribute("aria-controls"));
  const open = nav.classList.toggle("open");
  toggle.setAttribute("aria-expanded", open ? "true" : "false");
});

// Fields that only matter for one choice of another field: <input data-show-if="kind:file">
// is shown only while the form's "kind" is "file". Without script every field stays visible.
function applyShowIf(form) {
  form.querySelectorAll("[data-show-if]").forEach((input) => {
    const [name, value] = input.dataset.showIf.split(":");
    const control = form.elements.namedItem(name);
    if (!control) return;
    (input.closest(".field") || input).hidden = control.value !== value;
  });
}
document.addEventListener("change", (event) => {
  const form = event.target.form;
  if (form && form.querySelector("[data-show-if]")) applyShowIf(form);
});
document.querySelectorAll("form").forEach((form) => {
  if (form.querySelector("[data-show-if]")) applyShowIf(form);
});
