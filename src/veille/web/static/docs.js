// Start the vendored Swagger UI on this server's OpenAPI document (kept out of the page so
// that the Content-Security-Policy needs no inline script).
window.addEventListener("load", function () {
  "use strict";
  // validatorUrl null: no badge fetched from swagger.io, the page works offline.
  window.ui = window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null });
});
