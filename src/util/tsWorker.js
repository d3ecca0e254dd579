// Bootstrap of worker threads and child processes: registers tsx's loader when it runs TypeScript
// (loaders are per thread: the .ts sources, or TypeScript claim files from compiled code), then
// runs the module named by `entry` (a file URL, .ts or .js): workerData in a thread, the first
// argument (JSON) in a child process.
import { isMainThread, workerData } from 'node:worker_threads';

const { entry, typescript } = isMainThread ? JSON.parse(process.argv[2]) : workerData;
if (typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
