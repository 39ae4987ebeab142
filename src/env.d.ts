interface ImportMetaEnv {
  /** Set by vite.config.ts at each build. */
  readonly VITE_BUILD_ID: string;
}
