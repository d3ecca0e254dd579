// Worker-thread bootstrap: registers tsx's loader in this thread (loaders are per thread), then
// runs the TypeScript module named by workerData.entry (a file URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
