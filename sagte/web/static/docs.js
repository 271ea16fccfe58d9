// Starts Swagger UI (served from /static/swagger, no CDN) on the API's OpenAPI spec.
window.addEventListener("load", function () {
  var box = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: box.dataset.spec,
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
