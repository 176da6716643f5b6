import type { BuildOptions } from 'esbuild';

/** How everything that runs in a cloud function is bundled: one minified CommonJS file for Node. */
export const CLOUD_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  target: 'node16',
  format: 'cjs',
  minify: true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
} as const satisfies BuildOptions;
