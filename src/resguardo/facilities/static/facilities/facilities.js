// The evacuation list's print button, and a preview of the visitor's photo before sending.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
document.addEventListener("change", (event) => {
  const input = event.target.closest("input[type=file][data-preview]");
  if (!input || !input.files || !input.files[0]) return;
  const img = document.getElementById(input.dataset.preview);
  if (img) {
    img.src = URL.createObjectURL(input.files[0]);
    img.hidden = false;
  }
});
