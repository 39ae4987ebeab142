/** Types of bundle-budget.mjs for the TypeScript that imports it (the benchmark). */
export declare const BUDGET_KIB: number;
/** Every chunk needed before the first paint of the default view, with its gzip size in bytes. */
export declare function firstPaintScripts(buildDir: string): { file: string; gzipBytes: number }[];
export declare const kib: (bytes: number) => number;
