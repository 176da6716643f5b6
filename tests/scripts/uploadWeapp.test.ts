/**
 * `npm run upload:weapp`: the dry run compiles a mini-program with WeChat's compilers and
 * miniprogram-ci's local compile and prints package sizes, sending nothing; a real upload
 * refuses, naming what is missing, before building anything. The dry run runs the real script
 * in a child process (miniprogram-ci leaves a watcher behind) on a minimal project fixture.
 */
import { spawnSync } from 'child_process';
import net from 'net';
import path from 'path';
import { runUpload } from '../../scripts/upload-weapp';

const root = path.resolve(__dirname, '../..');
const PROJECT = 'tests/scripts/fixtures/weapp-project';

describe('npm run upload:weapp -- --dry-run', () => {
  it('compiles locally and prints the package sizes, offline', () => {
    const run = spawnSync(
      process.execPath,
      [
        require.resolve('tsx/cli'),
        'scripts/upload-weapp.ts',
        '--dry-run',
        '--no-build',
        '--project',
        PROJECT,
      ],
      {
        cwd: root,
        encoding: 'utf8',
        // The only address miniprogram-ci knows is WeChat's; the script routes it to a refusing
        // loopback proxy, so the run cannot reach it (the output says it refused it).
        env: { PATH: process.env.PATH, MP_VERSION: '1.0.0' },
        timeout: 180_000,
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('wcc: 2 files compile');
    expect(run.stdout).toContain('wcsc: 2 files compile');
    expect(run.stdout).toMatch(/miniprogram-ci local compile: \d+ files/);
    expect(run.stdout).toContain('offline: refused CONNECT servicewechat.com:443');
    expect(run.stdout).toMatch(/main package\s+\d+\.\d KB/);
    expect(run.stdout).toMatch(/sub-package sub\/\s+\d+\.\d KB/);
    expect(run.stdout).toContain(
      'Dry run: nothing sent. A real upload would refuse: MP_APPID is not set; MP_PRIVATE_KEY_PATH is not set.',
    );
  }, 180_000);
});

describe('npm run upload:weapp (real upload)', () => {
  let connect: jest.SpyInstance;
  beforeEach(() => {
    connect = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(() => {
      throw new Error('the upload tried to open a connection');
    });
  });
  afterEach(() => {
    expect(connect).not.toHaveBeenCalled();
    connect.mockRestore();
  });

  async function upload(argv: string[], env: Record<string, string>) {
    const err: string[] = [];
    const code = await runUpload({
      argv: [...argv, '--no-build', '--project', PROJECT],
      env,
      io: { out: () => undefined, err: (line) => err.push(line) },
    });
    return { code, err: err.join('\n') };
  }

  it('refuses without key, AppID and version, naming each', async () => {
    const { code, err } = await upload([], {});
    expect(code).toBe(1);
    expect(err).toBe(
      'Refusing to upload: MP_APPID is not set; MP_PRIVATE_KEY_PATH is not set; --version (or MP_VERSION) is not set. Nothing was built or sent.',
    );
  });

  it('refuses the tourist AppID and a key path that names no file', async () => {
    const { code, err } = await upload(['--version', '1.0.0'], {
      MP_APPID: 'touristappid',
      MP_PRIVATE_KEY_PATH: path.join(root, 'tests/scripts/fixtures/no-such.key'),
    });
    expect(code).toBe(1);
    expect(err).toContain('MP_APPID must be the mini-program AppID');
    expect(err).toContain('MP_PRIVATE_KEY_PATH names no file');
  });
});
