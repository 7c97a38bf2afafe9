// Turbopack drops the ApiDOM modules that attach `.refract` to their element classes: each
// package lists them under `sideEffects`, yet only reaches them through re-exports, which
// Turbopack follows straight to the element files. swagger-client then fails on every
// OpenAPI 3.1/3.2 document with "OpenApi3_1Element.refract is not a function" (minified:
// "ab.refract is not a function"); see swagger-api/swagger-ui#10599 and vercel/next.js#86507.
// Importing the registration modules by file (the packages' exports map does not name them)
// makes them part of the bundle and runs them before swagger-client needs them.
import "../../node_modules/@swagger-api/apidom-core/src/refractor/registration.mjs";
import "../../node_modules/@swagger-api/apidom-ns-json-schema-2020-12/src/refractor/registration.mjs";
import "../../node_modules/@swagger-api/apidom-ns-openapi-3-1/src/refractor/registration.mjs";
import "../../node_modules/@swagger-api/apidom-ns-openapi-3-2/src/refractor/registration.mjs";
