'use strict';
// Lets the compiled code in dist/ resolve the @anslag/* library aliases of tsconfig.json.
// Loaded with `node -r ./apps/cli/paths.js dist/…`.
const { join } = require('node:path');
require('tsconfig-paths').register({
  baseUrl: join(__dirname, '..', '..', 'dist'),
  paths: { '@anslag/*': ['libs/*/src'] },
});
