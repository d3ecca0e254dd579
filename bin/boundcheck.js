#!/usr/bin/env node
// Entry point of `npx boundcheck`: the compiled command line (dist/, built by `npm run build`).
import '../dist/src/cli/main.js';
