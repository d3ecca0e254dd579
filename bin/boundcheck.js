#!/usr/bin/env node
// Entry point of `npx boundcheck`: registers tsx's ESM loader so the TypeScript sources (and the
// user's claim files) run as they are, then hands over to the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
