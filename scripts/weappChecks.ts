/**
 * WeChat's own offline tools, run on a built mini-program (dist/weapp):
 * - `wcc` / `wcsc`, the WXML and WXSS compilers WeChat ships (npm `miniprogram-compiler`, with
 *   Linux binaries): a file they reject loses its markup or styles on a phone;
 * - `miniprogram-ci` (Tencent's CI module): its local compile (`getCompiledResult`, the same
 *   pipeline as an upload) and its code-quality scan (`checkCodeQuality`), with the module's own
 *   default project attributes and a throwaway key, so nothing needs a WeChat account.
 * Used by `npm run check:weapp` and `npm run upload:weapp -- --dry-run`.
 */
import { generateKeyPairSync } from 'crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import http from 'http';
import { tmpdir } from 'os';
import path from 'path';

/** WeChat's compilers answer megabytes of JavaScript for a large app; keep room. */
const MAX_BUFFER = 64 * 1024 * 1024;

export interface CompileReport {
  compiler: 'wcc' | 'wcsc';
  files: string[];
  /** The compiler's own message when it rejects the files; absent when they compile. */
  error?: string;
}

/** Files under `root` ending in `ext` (e.g. `.wxss`), relative, sorted, node_modules skipped. */
export function listFiles(root: string, ext: string, dir = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(path.join(root, dir)).sort()) {
    if (entry === 'node_modules') continue;
    const relative = dir ? `${dir}/${entry}` : entry;
    if (statSync(path.join(root, relative)).isDirectory())
      found.push(...listFiles(root, ext, relative));
    else if (entry.endsWith(ext)) found.push(relative);
  }
  return found;
}

const withoutExt = (file: string) => file.slice(0, file.length - path.extname(file).length);

/**
 * Compiles WXSS files with wcsc. (miniprogram-compiler's `wxssToJs` drops wcsc's message on
 * failure, so its wcsc wrapper is called directly: it returns, not throws, an Error.)
 */
export function compileWxss(root: string, files = listFiles(root, '.wxss')): CompileReport {
  const wcsc = require('miniprogram-compiler/src/wcsc') as (
    root: string,
    files: string[],
    options: { maxBuffer: number },
  ) => Record<string, string> | Error;
  const result = wcsc(root, files.map(withoutExt), { maxBuffer: MAX_BUFFER });
  return result instanceof Error
    ? { compiler: 'wcsc', files, error: result.message.trim() }
    : { compiler: 'wcsc', files };
}

/** Compiles WXML files (with the WXS modules they may import) with wcc. */
export function compileWxml(
  root: string,
  files = listFiles(root, '.wxml'),
  wxsFiles = listFiles(root, '.wxs'),
): CompileReport {
  const wcc = require('miniprogram-compiler/src/wcc') as (
    root: string,
    files: string[],
    wxsFiles: string[],
    options: { maxBuffer: number },
  ) => string;
  try {
    wcc(root, files.map(withoutExt), wxsFiles, { maxBuffer: MAX_BUFFER });
    return { compiler: 'wcc', files };
  } catch (error) {
    return {
      compiler: 'wcc',
      files,
      error: (error instanceof Error ? error.message : String(error)).trim(),
    };
  }
}

export interface QualityItem {
  name: string;
  success: boolean;
  text: string;
}

export interface CiReport {
  /** Files of the compiled package, path -> bytes (what an upload would send, before zipping). */
  compiledFiles: Record<string, number>;
  /** Compiled bytes per package: `__APP__` (main) and each sub-package root. */
  packages: { name: string; bytes: number }[];
  quality: QualityItem[];
  /** Requests miniprogram-ci tried to send, refused on loopback (offline run). */
  refusedRequests: string[];
  /** What miniprogram-ci printed (progress, and its complaints about the refused requests). */
  log: string[];
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** Runs `body` with the console captured into `lines` (miniprogram-ci is chatty). */
async function capturingConsole<T>(lines: string[], body: () => Promise<T>): Promise<T> {
  const saved = CONSOLE_METHODS.map((method) => console[method]);
  for (const method of CONSOLE_METHODS) {
    console[method] = (...args: unknown[]) =>
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  }
  try {
    return await body();
  } finally {
    CONSOLE_METHODS.forEach((method, i) => {
      console[method] = saved[i];
    });
  }
}

type MiniprogramCi = typeof import('miniprogram-ci');

/** A loopback proxy that refuses every request, so an offline run cannot reach WeChat. */
async function refusingProxy(): Promise<{ url: string; refused: string[]; close(): void }> {
  const refused: string[] = [];
  const server = http.createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`);
    res.writeHead(503).end();
  });
  server.on('connect', (req, socket) => {
    refused.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, refused, close: () => server.close() };
}

/** The package a compiled file belongs to: the longest sub-package root it sits in, or `__APP__`. */
function packageOf(file: string, subRoots: string[]): string {
  const root = subRoots
    .filter((r) => file.startsWith(`${r}/`))
    .sort((a, b) => b.length - a.length)[0];
  return root ?? '__APP__';
}

/** Folders of the repository that are no part of the mini-program (miniprogram-ci lists files). */
const NOT_THE_MINIPROGRAM = [
  'node_modules/**/*',
  '.git/**/*',
  '.data/**/*',
  'test-results/**/*',
  'coverage/**/*',
  'dist/h5/**/*',
];

/**
 * miniprogram-ci's local compile and quality scan of the project at `projectPath`: the folder of
 * project.config.json, as WeChat DevTools opens it (here the repository root, whose
 * `miniprogramRoot` is dist/weapp/; Taro's copy inside dist/weapp names a `srcMiniprogramRoot`
 * that only resolves from the root). Offline: the project attributes are
 * the module's defaults (`ci.DefaultProjectAttr`), the signing key is generated for this run in a
 * temporary folder (removed after), and every request it tries is refused on loopback (it falls
 * back to its built-in lists). A compile error rejects.
 */
export async function compileWithMiniprogramCi(projectPath: string): Promise<CiReport> {
  const log: string[] = [];
  try {
    return await capturingConsole(log, () => compileOffline(projectPath, log));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`miniprogram-ci failed: ${message}\n${log.join('\n')}`);
  }
}

async function compileOffline(projectPath: string, log: string[]): Promise<CiReport> {
  const ci = require('miniprogram-ci') as MiniprogramCi;
  const keyDir = mkdtempSync(path.join(tmpdir(), 'weapp-check-'));
  const proxy = await refusingProxy();
  try {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privateKeyPath = path.join(keyDir, 'throwaway.key');
    writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }), {
      mode: 0o600,
    });
    ci.proxy(proxy.url);
    const config = JSON.parse(readFileSync(path.join(projectPath, 'project.config.json'), 'utf8'));
    const project = new ci.Project({
      appid: config.appid,
      type: 'miniProgram',
      projectPath,
      privateKeyPath,
      ignores: NOT_THE_MINIPROGRAM,
      // Not in the typings, but honoured: the project's attributes without asking WeChat.
      attr: async () => ci.DefaultProjectAttr,
    } as ConstructorParameters<MiniprogramCi['Project']>[0]);

    const compiled = await ci.getCompiledResult({
      project,
      version: '0.0.0-local',
      setting: { useProjectConfig: true },
      onProgressUpdate: () => undefined,
    });
    const compiledFiles: Record<string, number> = {};
    for (const [file, content] of Object.entries(compiled)) {
      compiledFiles[file] = Buffer.byteLength(content);
    }

    const miniprogramRoot = path.join(projectPath, config.miniprogramRoot ?? '');
    const appJson = JSON.parse(readFileSync(path.join(miniprogramRoot, 'app.json'), 'utf8')) as {
      subPackages?: { root: string }[];
      subpackages?: { root: string }[];
    };
    const subRoots = [...(appJson.subPackages ?? []), ...(appJson.subpackages ?? [])].map((p) =>
      p.root.replace(/\/$/, ''),
    );
    const sizes = new Map<string, number>([
      ['__APP__', 0],
      ...subRoots.map((r) => [r, 0] as const),
    ]);
    for (const [file, bytes] of Object.entries(compiledFiles)) {
      const name = packageOf(file, subRoots);
      sizes.set(name, (sizes.get(name) ?? 0) + bytes);
    }

    const quality = (await ci.checkCodeQuality(project)).map(({ name, success, text }) => ({
      name: name ?? 'UNNAMED',
      success: success === true,
      text: text ?? '',
    }));
    return {
      compiledFiles,
      packages: [...sizes].map(([name, bytes]) => ({ name, bytes })),
      quality,
      refusedRequests: [...proxy.refused],
      log,
    };
  } finally {
    proxy.close();
    rmSync(keyDir, { recursive: true, force: true });
  }
}
