/**
 * A local emulator of Tencent ESS (腾讯电子签, API 2020-11-11) for the actions this product uses, served
 * the way the Tencent Cloud API 3.0 gateway serves them, so code under test talks to it through the
 * real `tencentcloud-sdk-nodejs` client:
 *
 *   const emulator = await startEssEmulator({ secretId, secretKey, operatorIds: [operatorId] });
 *   new ess.v20201111.Client({ credential: { secretId, secretKey }, region: '',
 *     profile: { httpProfile: { endpoint: emulator.endpoint, protocol: 'http://' } } });
 *
 * Routes: `POST /` (the ESS API), `/h5/verify…` (the H5 verification page), `/__emulator/…` (control).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { CONTROL_PATH_PREFIX, handleControlRequest } from './controlApi';
import { EMULATOR_DEFAULT_HOST } from './defaults';
import { CancellableDelays } from './delays';
import { FaultQueue } from './faults';
import { handleEssApiRequest } from './gateway';
import { sendVerifyCallback } from './callbackSender';
import { handleH5Request } from './h5Routes';
import { QR_CODE_PATH, sendQrImage } from './qrImage';
import { sendText } from './http';
import { SlidingWindowRateLimiter } from './rateLimiter';
import { resolveSettings, type EssEmulatorHandlerOptions } from './settings';
import { EmulatorState } from './state';
import { persistState } from './statePersistence';
import type {
  EssEmulator,
  EssEmulatorControl,
  EssEmulatorOptions,
  InjectedFault,
  RecordedCall,
} from './types';

export type {
  EssEmulator,
  EssEmulatorControl,
  EssEmulatorOptions,
  InjectedFault,
  RecordedCall,
} from './types';
export type { EssEmulatorHandlerOptions } from './settings';
export {
  EMULATOR_DEFAULT_PORT,
  EMULATOR_OPERATOR_ID,
  EMULATOR_SECRET_ID,
  EMULATOR_SECRET_KEY,
} from './defaults';

/** The emulator as a request handler another server can mount, plus its control methods. */
export interface EssEmulatorHandler extends EssEmulatorControl {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Drops answers still waiting on a delay (latency or injected fault), so no timer outlives the server. */
  dispose(): void;
}

export function createEssEmulatorHandler(options: EssEmulatorHandlerOptions): EssEmulatorHandler {
  const settings = resolveSettings(options);
  const state = new EmulatorState();
  const persistence = options.stateFile
    ? persistState(state, options.stateFile, settings.log)
    : null;
  const faults = new FaultQueue();
  const rateLimiter = new SlidingWindowRateLimiter(settings.rateLimitPerSecond);
  const delays = new CancellableDelays();
  let recorded: RecordedCall[] = [];
  let latencyMs = 0;
  /** Bumped by reset(), so calls in flight during a reset are not recorded after it. */
  let generation = 0;

  const control: EssEmulatorControl = {
    calls: (action?: string) =>
      recorded
        .filter((call) => action === undefined || call.action === action)
        .map((call) => ({ ...call })),
    injectFault: (fault: InjectedFault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setLatency: (ms: number) => {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new TypeError('Latency must be a non-negative number of milliseconds');
      }
      latencyMs = ms;
    },
    markVerified: (name: string, idCardNumber: string) => {
      state.markVerified(name, idCardNumber);
      persistence?.save();
    },
    completeUserVerification: async (userData: string) => {
      const links = [...state.userVerifyLinks.values()].filter(
        (link) => link.userData === userData,
      );
      for (const link of links) {
        state.markVerified(link.name, link.idCardNumber);
        if (options.callback)
          await sendVerifyCallback(options.callback, link, settings.now(), settings.log, (ms) =>
            delays.wait(ms),
          );
      }
      persistence?.save();
      return links.length;
    },
    reset: () => {
      generation += 1;
      recorded = [];
      latencyMs = 0;
      faults.clear();
      rateLimiter.clear();
      state.clear();
      persistence?.save();
    },
  };

  const gatewayDependencies = {
    settings,
    state,
    faults,
    rateLimiter,
    delays,
    latencyMs: () => latencyMs,
    startRecording: () => {
      const startedIn = generation;
      return (call: RecordedCall) => {
        if (generation === startedIn) recorded.push(call);
      };
    },
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    if (url.pathname === '/') return handleEssApiRequest(req, res, gatewayDependencies);
    if (url.pathname.startsWith(CONTROL_PATH_PREFIX)) {
      return handleControlRequest(req, res, url, control);
    }
    if (url.pathname.startsWith(QR_CODE_PATH) && req.method === 'GET') {
      return sendQrImage(res, url.pathname);
    }
    if (url.pathname.startsWith('/h5/')) {
      const callback = options.callback;
      return handleH5Request(req, res, url, state, settings.now(), async (link) => {
        if (callback)
          await sendVerifyCallback(callback, link, settings.now(), settings.log, (ms) =>
            delays.wait(ms),
          );
      });
    }
    sendText(res, 404, 'Not Found');
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    route(req, res)
      .then(() => persistence?.save())
      .catch((error: unknown) => {
        settings.log(
          `[ess-emulator] unexpected error on ${req.method} ${req.url}: ${String(error)}`,
        );
        if (!res.headersSent) sendText(res, 500, 'Internal Server Error');
        else res.destroy();
      });
  };
  return Object.assign(handler, control, { dispose: () => delays.cancelAll() });
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function startEssEmulator(options: EssEmulatorOptions): Promise<EssEmulator> {
  resolveSettings(options); // rejects bad options before anything listens
  const host = options.host ?? EMULATOR_DEFAULT_HOST;
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `${urlHost(host)}:${port}`;
  const url = `http://${endpoint}`;

  const handler = createEssEmulatorHandler({
    ...options,
    publicBaseUrl: options.publicBaseUrl ?? url,
  });
  // Attached before control returns to the event loop: no request can have arrived before it.
  server.on('request', handler);

  let closing: Promise<void> | undefined;
  return {
    url,
    endpoint,
    port,
    calls: handler.calls,
    injectFault: handler.injectFault,
    clearFaults: handler.clearFaults,
    setLatency: handler.setLatency,
    markVerified: handler.markVerified,
    completeUserVerification: handler.completeUserVerification,
    reset: handler.reset,
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        handler.dispose();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
