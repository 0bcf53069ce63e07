// Reader responses: load Giscus only when the reader asks for it (see hooks/kda/views/responses.py).
// One delegated listener on the document: it serves every response button on the page.
document.addEventListener("click", function (event) {
  var button = event.target.closest(".kda-tanggapan__tombol");
  if (!button) return;
  var settings = JSON.parse(button.getAttribute("data-kda-giscus"));
  var script = document.createElement("script");
  script.src = "https://giscus.app/client.js";
  script.async = true;
  script.crossOrigin = "anonymous";
  var attributes = {
    "data-repo": settings.repo,
    "data-repo-id": settings.repo_id,
    "data-category": settings.category,
    "data-category-id": settings.category_id,
    "data-mapping": "pathname",
    "data-strict": "1",
    "data-reactions-enabled": "0",
    "data-emit-metadata": "0",
    "data-input-position": "top",
    "data-theme": "preferred_color_scheme",
    "data-lang": "id"
  };
  Object.keys(attributes).forEach(function (name) {
    script.setAttribute(name, attributes[name]);
  });
  button.nextElementSibling.appendChild(script);
  button.remove();
});
