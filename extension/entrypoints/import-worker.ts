import { defineUnlistedScript } from '#imports';
import { serveImports } from '../store/import-worker';

/** The side panel's import worker (store/import-in-worker.ts starts it from /import-worker.js). */
export default defineUnlistedScript(() => serveImports(self as unknown as DedicatedWorkerGlobalScope));
