// Stands in for `node:assert/strict` in the web bundle of the suite (scripts/e2e/build-web-tests.mjs):
// the `assert` package's strict mode. CommonJS, so `import * as assert` sees its functions.
module.exports = require('assert').strict;
