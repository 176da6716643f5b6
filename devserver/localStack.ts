/**
 * The whole product on one machine (what `npm start` runs and what the browser tests drive):
 * - the H5 build of the Taro pages (dist/h5),
 * - `POST /api/<function>` running the cloud-function bundles with a per-browser identity,
 * - the project's ESS emulator as the ESS endpoint, unless real ESS credentials are configured.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo, Socket } from 'net';
import path from 'path';
import type { EssEmulator, EssEmulatorOptions } from '../emulator';
import { essEnvFor, startLocalEssEmulator } from '../emulator/local';
import { listCloudFunctions } from '../scripts/build-functions';
import { functionGateway, httpFunction } from './functionGateway';
import { identify, loadOrCreateSecret, localAdmin, localCallbackSecrets } from './identity';
import { staticFiles } from './staticFiles';

const ROOT = path.resolve(__dirname, '..');

export interface LocalStackOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Local store and gateway secret. Default `LOCAL_DATA_DIR` or `.data`. */
  dataDir?: string;
  h5Dir?: string;
  /** Environment to read ESS settings from. Default `process.env`. */
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
  /** Extra options for the bundled emulator (e.g. a short `taskReadyDelayMs` in tests). */
  emulatorOptions?: Partial<EssEmulatorOptions>;
}

/** Where the enterprise admin pages live in the H5 build. */
export const ADMIN_HOME = '/#/admin/pages/enterprises/index';

/** Where the bundled emulator delivers ESS callbacks (the `essCallback` function). */
export const ESS_CALLBACK_PATH = '/ess/callback';

export interface LocalStack {
  url: string;
  /** Present when the stack runs against the bundled emulator (no ESS credentials configured). */
  emulator: EssEmulator | null;
  essEndpoint: string;
  /** Opening it makes this browser the local enterprise admin (listed in ADMIN_OPENIDS). */
  adminLoginUrl: string;
  close(): Promise<void>;
}

const ESS_CREDENTIALS = ['ESS_SECRET_ID', 'ESS_SECRET_KEY', 'ESS_OPERATOR_ID'] as const;

export function usesRealEss(env: Record<string, string | undefined>): boolean {
  return ESS_CREDENTIALS.every((name) => env[name]?.trim());
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const host = options.host ?? '127.0.0.1';
  const dataDir = path.resolve(
    options.dataDir ?? (env.LOCAL_DATA_DIR?.trim() || path.join(ROOT, '.data')),
  );
  const h5Dir = options.h5Dir ?? path.join(ROOT, 'dist', 'h5');
  const secret = loadOrCreateSecret(dataDir);
  const admin = localAdmin(secret);
  const callbackSecrets = localCallbackSecrets(secret);
  const handleEssCallback = httpFunction(path.join(ROOT, 'cloudfunctions'), 'essCallback', log);

  const sockets = new Set<Socket>();
  const serveStatic = staticFiles(h5Dir);
  let handleApi: ReturnType<typeof functionGateway> | null = null;
  const server: Server = createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/__local/admin-login') {
      const setCookie = admin.login(
        new URL(req.url ?? '/', 'http://local').searchParams.get('key'),
      );
      if (!setCookie)
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('登录链接无效');
      else res.writeHead(302, { 'Set-Cookie': setCookie, Location: ADMIN_HOME }).end();
      return;
    }
    if (pathname === ESS_CALLBACK_PATH) {
      handleEssCallback(req, res).catch((error: unknown) => {
        log(`ESS callback failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    const api = /^\/api\/([A-Za-z0-9_]+)$/.exec(pathname);
    const handled = api && handleApi ? handleApi(req, res, api[1]) : serveStatic(req, res);
    handled.catch((error: unknown) => {
      log(
        `${req.method} ${pathname} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;

  let emulator: EssEmulator | null = null;
  if (!usesRealEss(env)) {
    // A fixed app port gets a fixed emulator port next to it, and the emulator keeps its state in
    // the data directory: links handed out before a restart still open after it.
    const emulatorPort = env.ESS_EMULATOR_PORT
      ? Number(env.ESS_EMULATOR_PORT)
      : port && port < 65535
        ? port + 1
        : 0;
    emulator = await startLocalEssEmulator({
      host,
      port: options.port ? emulatorPort : 0,
      stateFile: path.join(dataDir, 'ess-emulator-state.json'),
      callback: { url: `${url}${ESS_CALLBACK_PATH}`, ...callbackSecrets },
      log: (line) => log(line),
      ...options.emulatorOptions,
    });
  }
  const essEnv = emulator ? essEnvFor(emulator) : {};
  // The functions read their configuration from the process environment, as in the cloud.
  const adminOpenIds = [...(env.ADMIN_OPENIDS ?? '').split(','), admin.openid]
    .map((id) => id.trim())
    .filter(Boolean);
  Object.assign(process.env, env, essEnv, {
    LOCAL_DATA_DIR: dataDir,
    H5_JUMP_URL: `${url}/#/pages/result/index?from=ess`,
    ...(emulator
      ? { ESS_CALLBACK_KEY: callbackSecrets.key, ESS_CALLBACK_TOKEN: callbackSecrets.token }
      : {}),
    ADMIN_OPENIDS: [...new Set(adminOpenIds)].join(','),
  });
  delete process.env.TCB_ENV; // never the cloud database on the local stack

  handleApi = functionGateway({
    functionsRoot: path.join(ROOT, 'cloudfunctions'),
    functionNames: listCloudFunctions(),
    openidFor: (req) => identify(secret, req.headers.cookie),
    log,
  });

  return {
    url,
    emulator,
    essEndpoint: process.env.ESS_ENDPOINT ?? 'ess.tencentcloudapi.com',
    adminLoginUrl: `${url}/__local/admin-login?key=${admin.loginKey}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      await emulator?.close();
    },
  };
}
