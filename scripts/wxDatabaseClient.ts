/**
 * wx-server-sdk, built for what our functions use it for: the cloud database.
 *
 * A function needs wx-server-sdk for one thing only (the caller's identity is read from the
 * environment, server/wxCloud.ts). Loading the installed package costs ~300 ms on a cold
 * instance, and most of it is code the database never runs: @cloudbase/node-sdk loads its AI,
 * storage, auth and data-model clients, axios and an XML parser up front. This build bundles the
 * SAME wx-server-sdk 4.0.2 / @cloudbase/node-sdk 3.17.2 code with esbuild, and leaves out the
 * packages listed in `LEFT_OUT`, each replaced by a stand-in that throws, naming the package,
 * on any use. Nothing else changes: the database, its request signing and its HTTP stack are the
 * package's own (one file is rewritten: node-sdk's version, read at build time, see below).
 *
 * Each deploy folder gets the result as `wx-server-sdk.db.js`; the function bundle requires it
 * in place of `wx-server-sdk` (scripts/build-functions.ts), on the first database use.
 * tests/server/wxDatabaseClient.test.ts checks that this build and the installed package send
 * the same requests and give the same answers for every database operation of the store.
 */
import { build, type Plugin } from 'esbuild';
import { readFileSync, statSync } from 'fs';
import path from 'path';
import { CLOUD_BUNDLE_OPTIONS } from './cloudBundleOptions';

export const WX_DATABASE_CLIENT_FILE = 'wx-server-sdk.db.js';

/**
 * Left out, and what uses it instead of the database (read in wx-server-sdk 4.0.2 and
 * @cloudbase/node-sdk 3.17.2; tests/server/wxDatabaseClient.test.ts records every touch).
 */
export const LEFT_OUT: Readonly<Record<string, string>> = {
  axios:
    "node-sdk's `requestClient` shim and its metadata-server probe (`lookupAppId`). The probe " +
    'runs only outside SCF, and its failure already means "not on Tencent Cloud": on a Tencent ' +
    'Cloud host that is not SCF the built client would use the public endpoint where the package ' +
    'might use the internal one. Cloud functions run in SCF; database requests go through ' +
    "node-sdk's own request-core on Node http/https",
  '@cloudbase/wx-cloud-client-sdk':
    'data models and the MySQL client (`cloud.models`). Touched once by each `init`: node-sdk ' +
    'builds the data-model client inside a try/catch that ignores failures, so `cloud.models` ' +
    'is simply absent',
  '@cloudbase/ai': 'the AI client (`cloud.ai`)',
  '@cloudbase/app': 'the AI client (`cloud.ai`)',
  'web-streams-polyfill': "the AI client's streaming",
  jsonwebtoken: 'custom login tickets (`auth().createTicket`)',
  xml2js: "cloud storage's XML answers",
  'form-data': 'multipart file uploads',
  'mime-db': "the file extension of `cloud.openapi` media parameters (wx-server-sdk's mimetype.ts)",
};

/** `globalThis[Symbol.for(LEFT_OUT_TOUCHES)]`: every use of a left-out package, in order. */
export const LEFT_OUT_TOUCHES = 'wx-server-sdk.db.js: left-out packages touched';

const leftOutPlugin: Plugin = {
  name: 'wx-server-sdk-left-out',
  setup(b) {
    const names = Object.keys(LEFT_OUT).map((name) => name.replace(/[/.]/g, '\\$&'));
    b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({
      path: args.path,
      namespace: 'left-out',
    }));
    b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => {
      const message = JSON.stringify(
        `${args.path} is left out of ${WX_DATABASE_CLIENT_FILE} (only the cloud database is ` +
          'built in, see scripts/wxDatabaseClient.ts)',
      );
      // A module that loads (its importers only keep a reference) and throws on any use, after
      // writing the use down. `then` and symbols answer undefined: not thenable, inspectable.
      return {
        loader: 'js',
        contents: `const touches = (globalThis[Symbol.for(${JSON.stringify(LEFT_OUT_TOUCHES)})] ??= []);
          const fail = (use) => {
            touches.push(use);
            throw new Error(${message} + ': ' + use);
          };
          module.exports = new Proxy(function leftOut() {}, {
            get(_, key) {
              if (key === '__esModule') return false;
              if (key === 'default') return module.exports;
              if (typeof key === 'symbol' || key === 'then') return undefined;
              return fail(${JSON.stringify(args.path)} + '.' + key);
            },
            apply: () => fail(${JSON.stringify(args.path)} + '()'),
            construct: () => fail('new ' + ${JSON.stringify(args.path)} + '()'),
          });`,
      };
    });
  },
};

/**
 * @cloudbase/node-sdk reads its version (sent as the User-Agent) from `../../package.json`
 * relative to its own file at run time; bundled, that path would point elsewhere. The version is
 * read here, at build time, from the same file.
 */
const nodeSdkVersionPlugin: Plugin = {
  name: 'node-sdk-version',
  setup(b) {
    b.onLoad({ filter: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]utils[\\/]version\.js$/ }, (args) => {
      const pkg = path.join(path.dirname(args.path), '..', '..', 'package.json');
      const { version } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string };
      return { loader: 'js', contents: `exports.version = ${JSON.stringify(version)};` };
    });
  },
};

/** Builds the database client into `outfile`; returns its size in bytes. */
export async function buildWxDatabaseClient(outfile: string): Promise<number> {
  await build({
    ...CLOUD_BUNDLE_OPTIONS,
    entryPoints: [require.resolve('wx-server-sdk')],
    outfile,
    plugins: [leftOutPlugin, nodeSdkVersionPlugin],
  });
  return statSync(outfile).size;
}
