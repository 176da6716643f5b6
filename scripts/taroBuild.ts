/** Runs `taro build --type <platform>` in production mode; throws with Taro's output on failure. */
import { spawnSync } from 'child_process';
import path from 'path';

const ROOT = path.resolve(__dirname, '..');

/** Returns how long the build took, in ms. */
export function taroBuild(platform: 'weapp' | 'h5'): number {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', platform],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (result.status !== 0) {
    throw new Error(
      `taro build --type ${platform} failed:\n${result.stdout ?? ''}${result.stderr ?? ''}`,
    );
  }
  return Date.now() - started;
}
