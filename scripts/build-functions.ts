/**
 * Bundles each cloud function into its deploy folder: `server/functions/<name>.ts` ->
 * `cloudfunctions/<name>/index.js` (CommonJS, `exports.main`), with the ESS SDK and the shared
 * domain code inlined. Only wx-server-sdk stays external: WeChat installs it from the folder's
 * package.json on deploy ("上传并部署：云端安装依赖").
 *
 * Two packages the SDK's HTTP stack pulls in are swapped for small shims backed by Node's
 * built-ins (see scripts/bundleShims/): `whatwg-url` (node-fetch uses Node's own `URL`; tr46's
 * table alone is ~260 KB) and `mime-types` (form-data's file-type lookup; mime-db is ~140 KB).
 * Each shim is vetted for one importer only: any other package importing them fails the build.
 *
 *   npm run build:functions            # all functions
 *   npm run build:functions -- NAME…   # some
 */
import { build, type Plugin } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..');
const functionsRoot = path.join(root, 'cloudfunctions');

/** Package -> [shim, the only package allowed to import it (the shim is vetted for its use)]. */
const SHIMS: Record<string, { shim: string; importer: string }> = {
  'whatwg-url': { shim: 'whatwgUrl.ts', importer: 'node-fetch' },
  'mime-types': { shim: 'mimeTypes.ts', importer: 'form-data' },
};

const packageOf = (file: string): string | undefined =>
  /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1];

export const shimPlugin: Plugin = {
  name: 'node-builtin-shims',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(SHIMS).join('|')})$`);
    build.onResolve({ filter }, (args) => {
      const { shim, importer } = SHIMS[args.path];
      if (packageOf(args.importer) !== importer) {
        return {
          errors: [
            {
              text: `${args.path} is shimmed for ${importer} only, but ${args.importer} imports it: check the shim covers that use`,
            },
          ],
        };
      }
      return { path: path.join(__dirname, 'bundleShims', shim) };
    });
  },
};

export function listCloudFunctions(): string[] {
  return readdirSync(functionsRoot)
    .filter((name) => statSync(path.join(functionsRoot, name)).isDirectory())
    .filter((name) => existsSync(path.join(functionsRoot, name, 'config.json')))
    .sort();
}

/** Bundles `entry` into `outfile` exactly as a deployed cloud function is bundled. */
export async function bundleForTheCloud(entry: string, outfile: string): Promise<void> {
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
    plugins: [shimPlugin],
    logLevel: 'warning',
  });
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
    await bundleForTheCloud(entry, outfile);
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
