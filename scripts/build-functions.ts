/**
 * Bundles each cloud function into its deploy folder: `server/functions/<name>.ts` ->
 * `cloudfunctions/<name>/index.js` (CommonJS, `exports.main`), with the ESS SDK and the shared
 * domain code inlined. Only wx-server-sdk stays external: WeChat installs it from the folder's
 * package.json on deploy ("上传并部署：云端安装依赖").
 *
 *   npm run build:functions            # all functions
 *   npm run build:functions -- NAME…   # some
 */
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..');
const functionsRoot = path.join(root, 'cloudfunctions');

export function listCloudFunctions(): string[] {
  return readdirSync(functionsRoot)
    .filter((name) => statSync(path.join(functionsRoot, name)).isDirectory())
    .filter((name) => existsSync(path.join(functionsRoot, name, 'config.json')))
    .sort();
}

export async function buildCloudFunctions(
  names: string[] = listCloudFunctions(),
): Promise<{ name: string; bytes: number }[]> {
  const results: { name: string; bytes: number }[] = [];
  for (const name of names) {
    const entry = path.join(root, 'server', 'functions', `${name}.ts`);
    if (!existsSync(entry))
      throw new Error(`cloudfunctions/${name} has no source at server/functions/${name}.ts`);
    const outfile = path.join(functionsRoot, name, 'index.js');
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      keepNames: true,
      legalComments: 'none',
      external: ['wx-server-sdk'],
      logLevel: 'warning',
    });
    results.push({ name, bytes: statSync(outfile).size });
  }
  return results;
}

if (require.main === module) {
  const started = Date.now();
  buildCloudFunctions(process.argv.slice(2).length ? process.argv.slice(2) : undefined)
    .then((results) => {
      for (const { name, bytes } of results) {
        console.log(`cloudfunctions/${name}/index.js  ${(bytes / 1024).toFixed(0)} KB`);
      }
      console.log(`built ${results.length} cloud functions in ${Date.now() - started} ms`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
