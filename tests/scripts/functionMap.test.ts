/**
 * The typed function map (`src/domain/functionContract.ts`) against what is deployed: every name
 * in it has a deploy folder, a server entry that registers under that very name, and an entry in
 * `cloudbaserc.json` — and nothing is deployed that the map does not know.
 * The compile-time half (a misspelt name or a wrong event does not compile) is
 * `functionMap.typecheck.ts`, checked by `tsc` in `npm test`.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import path from 'path';
import { CLOUD_FUNCTIONS } from '../../src/domain/functionContract';

const root = path.resolve(__dirname, '../..');
const mapNames = Object.keys(CLOUD_FUNCTIONS).sort();

describe('the cloud-function map', () => {
  it('matches the deploy folders under cloudfunctions/', () => {
    const folders = readdirSync(path.join(root, 'cloudfunctions'))
      .filter((name) => existsSync(path.join(root, 'cloudfunctions', name, 'config.json')))
      .sort();
    expect(folders).toEqual(mapNames);
    for (const name of folders) {
      const pkg = JSON.parse(
        readFileSync(path.join(root, 'cloudfunctions', name, 'package.json'), 'utf8'),
      );
      expect(pkg.name).toBe(name);
    }
  });

  it('matches cloudbaserc.json, one entry each', () => {
    const config = JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8'));
    const deployed = (config.functions as { name: string }[]).map((fn) => fn.name).sort();
    expect(deployed).toEqual(mapNames);
  });

  it('has a server entry per function that registers under its own name', () => {
    for (const name of mapNames) {
      const source = readFileSync(path.join(root, 'server', 'functions', `${name}.ts`), 'utf8');
      expect(source).toMatch(new RegExp(`cloudFunction\\(\\s*'${name}'`));
    }
  });
});
