/**
 * `npm run upload:weapp` — uploads the mini-program with miniprogram-ci (Tencent's CI module), as
 * DevTools' "上传" does; the version then appears in 小程序管理后台 → 版本管理 as a development
 * version, to be submitted for review there.
 *
 *   npm run upload:weapp -- --version 1.2.0 --desc "批量认证：…"
 *   npm run upload:weapp -- --dry-run      # build + WeChat's compilers + miniprogram-ci's local
 *                                          # compile, then print package sizes; no network
 *
 * Options (each also from the environment): --version (MP_VERSION), --desc (MP_DESC),
 * --robot 1–30 (MP_ROBOT); MP_APPID and MP_PRIVATE_KEY_PATH (the upload key from 小程序管理后台 →
 * 开发管理 → 开发设置 → 小程序代码上传, with this machine's IP whitelisted) are environment only.
 * --no-build uses the current dist/weapp; --project DIR another project folder (tests).
 * Before any upload the WXML/WXSS go through wcc/wcsc: miniprogram-ci's compile accepts WXSS that
 * WeChat's own compiler rejects.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { optionValue, runAsCommand, type CommandInput } from './command';
import { taroBuild } from './taroBuild';
import { compileWithMiniprogramCi, compileWxml, compileWxss } from './weappChecks';

const ROOT = path.resolve(__dirname, '..');

/** KB with one decimal: a small package still shows its size. */
const size = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const packageLabel = (name: string) =>
  name === '__APP__' ? 'main package' : `sub-package ${name}/`;

/** What a real upload needs, or the names of what is missing. */
function uploadSettings(argv: string[], env: CommandInput['env']) {
  const settings = {
    appid: env.MP_APPID?.trim() ?? '',
    privateKeyPath: env.MP_PRIVATE_KEY_PATH?.trim() ?? '',
    version: (optionValue(argv, '--version') ?? env.MP_VERSION ?? '').trim(),
    desc: (optionValue(argv, '--desc') ?? env.MP_DESC ?? '').trim(),
    robot: Number(optionValue(argv, '--robot') ?? env.MP_ROBOT ?? 1),
  };
  const problems: string[] = [];
  if (!settings.appid) problems.push('MP_APPID is not set');
  else if (!/^wx[0-9a-f]{16}$/.test(settings.appid))
    problems.push('MP_APPID must be the mini-program AppID (wx + 16 hex characters)');
  if (!settings.privateKeyPath) problems.push('MP_PRIVATE_KEY_PATH is not set');
  else if (!existsSync(settings.privateKeyPath)) problems.push('MP_PRIVATE_KEY_PATH names no file');
  if (!settings.version) problems.push('--version (or MP_VERSION) is not set');
  if (!Number.isInteger(settings.robot) || settings.robot < 1 || settings.robot > 30)
    problems.push('--robot (or MP_ROBOT) must be 1–30');
  return { settings, problems };
}

export async function runUpload({ argv, env, io }: CommandInput): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const projectPath = path.resolve(ROOT, optionValue(argv, '--project') ?? '.');
  const { settings, problems } = uploadSettings(argv, env);
  if (!dryRun && problems.length) {
    io.err(`Refusing to upload: ${problems.join('; ')}. Nothing was built or sent.`);
    return 1;
  }

  if (!argv.includes('--no-build')) taroBuild('weapp');
  const config = JSON.parse(readFileSync(path.join(projectPath, 'project.config.json'), 'utf8'));
  const miniprogramRoot = path.join(projectPath, config.miniprogramRoot ?? '');
  for (const report of [compileWxml(miniprogramRoot), compileWxss(miniprogramRoot)]) {
    if (report.error) {
      io.err(`${report.compiler} rejects the build, so it is not uploaded:\n${report.error}`);
      return 1;
    }
    io.out(`${report.compiler}: ${report.files.length} files compile`);
  }

  if (dryRun) {
    const ci = await compileWithMiniprogramCi(projectPath);
    io.out(`miniprogram-ci local compile: ${Object.keys(ci.compiledFiles).length} files`);
    if (ci.refusedRequests.length)
      io.out(`  (offline: refused ${ci.refusedRequests.join(', ')}; built-in lists used)`);
    for (const { name, bytes } of ci.packages)
      io.out(`  ${packageLabel(name).padEnd(24)} ${size(bytes)}`);
    const total = ci.packages.reduce((sum, p) => sum + p.bytes, 0);
    io.out(`  ${'total'.padEnd(24)} ${size(total)}`);
    io.out('');
    io.out(
      problems.length
        ? `Dry run: nothing sent. A real upload would refuse: ${problems.join('; ')}.`
        : `Dry run: nothing sent. A real upload would send version ${settings.version} with robot ${settings.robot}.`,
    );
    return 0;
  }

  const ci = require('miniprogram-ci') as typeof import('miniprogram-ci');
  const project = new ci.Project({
    appid: settings.appid,
    type: 'miniProgram',
    projectPath,
    privateKeyPath: settings.privateKeyPath,
    ignores: ['node_modules/**/*'],
  });
  io.out(`Uploading version ${settings.version} (robot ${settings.robot}) …`);
  const result = await ci.upload({
    project,
    version: settings.version,
    desc: settings.desc || undefined,
    robot: settings.robot,
    setting: { useProjectConfig: true },
    onProgressUpdate: () => undefined,
  });
  for (const { name, size: bytes } of result.subPackageInfo ?? [])
    io.out(`  ${(name === '__FULL__' ? 'total' : packageLabel(name)).padEnd(24)} ${size(bytes)}`);
  io.out('Uploaded: submit it for review in 小程序管理后台 → 版本管理.');
  return 0;
}

// miniprogram-ci leaves a file watcher running: runAsCommand ends the process explicitly.
if (require.main === module) runAsCommand(runUpload);
