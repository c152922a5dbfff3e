// Start the vendored Swagger UI on this server's OpenAPI document (kept out of the page so
// that the Content-Security-Policy needs no inline script).
window.addEventListener("load", function () {
  "use strict";
  window.ui = window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
