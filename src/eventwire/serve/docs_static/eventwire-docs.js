// Starts Swagger UI on the server's own OpenAPI document (no inline script: the page's CSP allows none).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: new URL("openapi.json", window.location.origin + "/").href,
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,          // the default badge would ask validator.swagger.io
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
    layout: "BaseLayout",
  });
});
