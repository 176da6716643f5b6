/**
 * The emulator's control API, for tests and demos in other processes (JSON in, JSON out):
 *   GET  /__emulator/health              {"ok": true}
 *   GET  /__emulator/calls[?action=X]    {"calls": RecordedCall[]}
 *   POST /__emulator/faults              body as injectFault: {action?, code?, message?, times?, delayMs?, probability?, dropAnswer?}
 *   POST /__emulator/verify              {"name", "idCardNumber"}: marks that person verified
 *   POST /__emulator/latency             {"ms"}: slows every ESS API answer
 *   POST /__emulator/reset               forgets calls, faults, latency and state
 * Served on its own paths only: nothing here is reachable through the ESS API path `POST /`.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import { BodyTooLargeError, readBody, sendJson } from './http';
import type { EssEmulatorControl } from './types';

export const CONTROL_PATH_PREFIX = '/__emulator/';

const MAX_CONTROL_BODY_BYTES = 64 * 1024;

class ControlRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let body: Buffer;
  try {
    body = await readBody(req, MAX_CONTROL_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new ControlRequestError(413, error.message);
    throw error;
  }
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ControlRequestError(400, 'The body must be JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ControlRequestError(400, 'The body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') {
    throw new ControlRequestError(400, `${field} must be a non-empty string`);
  }
  return value;
}

type Route = (
  req: IncomingMessage,
  url: URL,
  control: EssEmulatorControl,
) => Promise<unknown> | unknown;

const ROUTES: Record<string, Route> = {
  'GET health': () => ({ ok: true }),
  'GET calls': (_req, url, control) => ({
    calls: control.calls(url.searchParams.get('action') ?? undefined),
  }),
  'POST faults': async (req, _url, control) => {
    try {
      control.injectFault(await readJsonBody(req));
    } catch (error) {
      if (error instanceof TypeError) throw new ControlRequestError(400, error.message);
      throw error;
    }
    return { ok: true };
  },
  'POST verify': async (req, _url, control) => {
    const body = await readJsonBody(req);
    control.markVerified(requireString(body, 'name'), requireString(body, 'idCardNumber'));
    return { ok: true };
  },
  'POST latency': async (req, _url, control) => {
    const { ms } = await readJsonBody(req);
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new ControlRequestError(400, 'ms must be a non-negative number');
    }
    control.setLatency(ms);
    return { ok: true };
  },
  'POST reset': (_req, _url, control) => {
    control.reset();
    return { ok: true };
  },
};

export async function handleControlRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  control: EssEmulatorControl,
): Promise<void> {
  const name = url.pathname.slice(CONTROL_PATH_PREFIX.length);
  const route = ROUTES[`${req.method ?? ''} ${name}`];
  if (!route) {
    const known = Object.keys(ROUTES).some((key) => key.endsWith(` ${name}`));
    sendJson(res, known ? 405 : 404, { error: known ? 'Method Not Allowed' : 'Not Found' });
    return;
  }
  // Only JSON: a web page on another origin cannot send it without a CORS preflight (never
  // granted), so no page a developer visits can drive a running emulator.
  if (req.method === 'POST' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    sendJson(res, 415, { error: 'Send Content-Type: application/json' });
    return;
  }
  try {
    sendJson(res, 200, await route(req, url, control));
  } catch (error) {
    if (error instanceof ControlRequestError) sendJson(res, error.status, { error: error.message });
    else throw error;
  }
}
