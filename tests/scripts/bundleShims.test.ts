/**
 * The shims that replace `whatwg-url` and `mime-types` in the cloud-function bundles (see
 * scripts/build-functions.ts). That the SDK still signs and sends through them is shown by the
 * function tests (built bundles, real SDK, the ESS emulator); here: the shims answer what the
 * real packages answer for their one importer's use, and no other package may import them.
 */
import { build } from 'esbuild';
import path from 'path';
import { URL as NodeURL } from 'url';
import { shimPlugin } from '../../scripts/build-functions';
import * as mimeShim from '../../scripts/bundleShims/mimeTypes';
import * as urlShim from '../../scripts/bundleShims/whatwgUrl';

const realMime = require('mime-types') as { lookup(name: string): string | false };

describe('whatwg-url shim', () => {
  it("is Node's own URL, which node-fetch 2 prefers anyway", () => {
    expect(urlShim.URL).toBe(NodeURL);
    expect(new urlShim.URL('https://ess.tencentcloudapi.com/?a=1').host).toBe(
      'ess.tencentcloudapi.com',
    );
  });
});

describe('mime-types shim', () => {
  it.each([
    'contract.pdf',
    '/tmp/A.JSON',
    'json',
    'photo.jpeg',
    'scan.PNG',
    'rows.csv',
    'rows.xlsx',
    'letter.docx',
    'bundle.zip',
    'notes.txt',
    'anim.gif',
    'old.doc',
    'old.xls',
    'photo.jpg',
  ])('answers what mime-types answers for %s', (name) => {
    expect(mimeShim.lookup(name)).toBe(realMime.lookup(name));
  });

  it('answers false for what it does not list (form-data then sends octet-stream)', () => {
    expect(mimeShim.lookup('movie.mkv')).toBe(false);
    expect(mimeShim.lookup('noextension')).toBe(false);
    expect(mimeShim.lookup('')).toBe(false);
  });
});

describe('the shim plugin', () => {
  it.each(['whatwg-url', 'mime-types'])('refuses %s to any other importer', async (pkg) => {
    await expect(
      build({
        stdin: {
          contents: `module.exports = require('${pkg}');`,
          resolveDir: path.resolve(__dirname, '../..'),
          sourcefile: 'someOtherCode.js',
        },
        bundle: true,
        platform: 'node',
        write: false,
        logLevel: 'silent',
        plugins: [shimPlugin],
      }),
    ).rejects.toThrow(/is shimmed for (node-fetch|form-data) only/);
  });
});
