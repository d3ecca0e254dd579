// Worker-thread bootstrap: runs the module named by workerData.entry (a file URL). A TypeScript
// entry (this package run from its sources) needs tsx's loader registered in this thread first,
// since loaders are per thread; compiled entries load as they are.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
