// Types of scripts/sandboxed-preload.mjs for the tests that import it.
export declare const SANDBOXED_PRELOAD_MODULES: readonly string[];
export declare const SANDBOXED_PRELOAD_PARAMETERS: readonly string[];
export declare function sandboxedPreloadProblems(code: string): string[];
export declare function buildSandboxedPreload(options: { entry?: string; outfile: string }): Promise<void>;
