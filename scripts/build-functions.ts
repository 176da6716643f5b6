/**
 * Bundles each cloud function into its deploy folder: `server/functions/<name>.ts` ->
 * `cloudfunctions/<name>/index.js` (CommonJS, `exports.main`), with the ESS SDK and the shared
 * domain code inlined. wx-server-sdk is not inlined: the bundle requires it, on the first
 * database use, from `wx-server-sdk.db.js` next to it — the package built for the database alone
 * (scripts/wxDatabaseClient.ts), written into every deploy folder. A deploy folder therefore
 * needs no `npm install` in the cloud.
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
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'fs';
import path from 'path';
import { CLOUD_BUNDLE_OPTIONS } from './cloudBundleOptions';
import { WX_DATABASE_CLIENT_FILE, buildWxDatabaseClient } from './wxDatabaseClient';

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

/** `require('wx-server-sdk')` in a bundle loads the database client next to it. */
const wxServerSdkPlugin: Plugin = {
  name: 'wx-server-sdk-database-client',
  setup(build) {
    build.onResolve({ filter: /^wx-server-sdk$/ }, () => ({
      path: `./${WX_DATABASE_CLIENT_FILE}`,
      external: true,
    }));
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
    ...CLOUD_BUNDLE_OPTIONS,
    entryPoints: [entry],
    outfile,
    plugins: [shimPlugin, wxServerSdkPlugin],
  });
}

const builtDatabaseClient = path.join(root, 'dist', 'wx-server-sdk-db', WX_DATABASE_CLIENT_FILE);
/** The database client's build in this process (it depends on node_modules only): its size. */
let databaseClientBuild: Promise<number> | null = null;

/** Builds the database client (once per process, into dist/) and copies it into `folders`. */
export async function placeWxDatabaseClient(folders: string[]): Promise<number> {
  databaseClientBuild ??= (async () => {
    mkdirSync(path.dirname(builtDatabaseClient), { recursive: true });
    return buildWxDatabaseClient(builtDatabaseClient);
  })();
  const bytes = await databaseClientBuild;
  for (const folder of folders)
    copyFileSync(builtDatabaseClient, path.join(folder, WX_DATABASE_CLIENT_FILE));
  return bytes;
}

export interface BuiltFunctions {
  functions: { name: string; bytes: number }[];
  /** Size of `wx-server-sdk.db.js`, the same file in every deploy folder. */
  databaseClientBytes: number;
}

export async function buildCloudFunctions(
  names: string[] = listCloudFunctions(),
): Promise<BuiltFunctions> {
  const results: { name: string; bytes: number }[] = [];
  for (const name of names) {
    if (!existsSync(path.join(root, 'server', 'functions', `${name}.ts`)))
      throw new Error(`cloudfunctions/${name} has no source at server/functions/${name}.ts`);
  }
  const databaseClientBytes = await placeWxDatabaseClient(
    names.map((name) => path.join(functionsRoot, name)),
  );
  for (const name of names) {
    const entry = path.join(root, 'server', 'functions', `${name}.ts`);
    const outfile = path.join(functionsRoot, name, 'index.js');
    await bundleForTheCloud(entry, outfile);
    results.push({ name, bytes: statSync(outfile).size });
  }
  return { functions: results, databaseClientBytes };
}

if (require.main === module) {
  const started = Date.now();
  buildCloudFunctions(process.argv.slice(2).length ? process.argv.slice(2) : undefined)
    .then(({ functions, databaseClientBytes }) => {
      for (const { name, bytes } of functions) {
        console.log(`cloudfunctions/${name}/index.js  ${(bytes / 1024).toFixed(0)} KB`);
      }
      console.log(
        `cloudfunctions/*/${WX_DATABASE_CLIENT_FILE}  ${(databaseClientBytes / 1024).toFixed(0)} KB (each folder)`,
      );
      console.log(`built ${functions.length} cloud functions in ${Date.now() - started} ms`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
