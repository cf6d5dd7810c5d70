// Worker entry: loads the TypeScript harness through tsx (a worker thread has no loader flags of its own).
import { tsImport } from 'tsx/esm/api';

await tsImport('./utility-harness.ts', import.meta.url);
