/**
 * `POST /api/<function>`: runs the same cloud-function bundles WeChat runs
 * (`cloudfunctions/<name>/index.js`, `main(event, context)`), with the browser's local identity as
 * the caller. wx-server-sdk reads the caller from env vars (`WX_CONTEXT_KEYS`, `WX_OPENID`, …):
 * they are set right before `main` is called, and `main` reads them synchronously first, so
 * concurrent requests cannot see each other's identity.
 */
import { randomBytes } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import path from 'path';
import { messageFor } from '../src/domain/errors';
import { LOCAL_H5_SOURCE } from '../server/functions/runtime';

type Main = (event: unknown, context?: unknown) => Promise<unknown>;

export const MAX_BODY_BYTES = 64 * 1024;

export interface FunctionGatewayOptions {
  functionsRoot: string;
  /** Deployable function names (folders of `functionsRoot`). */
  functionNames: string[];
  openidFor(req: IncomingMessage): { openid: string; setCookie?: string };
  log: (line: string) => void;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Stop keeping the body but let it drain, so the 413 answer reaches the client.
        req.off('data', onData);
        req.resume();
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The `main` of a built cloud-function bundle (Node's module cache keeps it loaded once). */
function loadMain(functionsRoot: string, name: string): Main {
  return (require(path.join(functionsRoot, name, 'index.js')) as { main: Main }).main;
}

export function functionGateway(options: FunctionGatewayOptions) {
  const load = (name: string): Main => loadMain(options.functionsRoot, name);

  return async (req: IncomingMessage, res: ServerResponse, name: string): Promise<void> => {
    const started = Date.now();
    if (!options.functionNames.includes(name)) {
      sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: `没有名为 ${name} 的云函数` });
      return;
    }
    if (req.method !== 'POST') {
      sendJson(
        res,
        405,
        { ok: false, code: 'METHOD_NOT_ALLOWED', message: '请使用 POST' },
        { Allow: 'POST' },
      );
      return;
    }
    // JSON only: a cross-site form cannot send it without a CORS preflight, which we never grant.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      sendJson(res, 415, { ok: false, code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求格式不正确' });
      return;
    }
    let event: unknown;
    try {
      const body = await readBody(req);
      event = body ? JSON.parse(body) : {};
    } catch (error) {
      const status = (error as { status?: number }).status ?? 400;
      sendJson(
        res,
        status,
        { ok: false, code: 'BAD_REQUEST', message: '请求格式不正确' },
        { Connection: 'close' },
      );
      return;
    }
    const { openid, setCookie } = options.openidFor(req);
    const cookieHeader: Record<string, string> = setCookie ? { 'Set-Cookie': setCookie } : {};
    const main = load(name);
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    process.env.WX_OPENID = openid;
    process.env.WX_APPID = 'local-h5';
    process.env.TCB_SOURCE = LOCAL_H5_SOURCE;
    const resultPromise = main(event, { request_id: randomBytes(8).toString('hex') });
    try {
      const result = await resultPromise;
      sendJson(res, 200, result, cookieHeader);
      options.log(
        `POST /api/${name} 200 ${Date.now() - started}ms ok=${String((result as { ok?: unknown })?.ok)}`,
      );
    } catch (error) {
      options.log(
        `POST /api/${name} 500 ${error instanceof Error ? error.message : String(error)}`,
      );
      sendJson(
        res,
        500,
        { ok: false, code: 'INTERNAL', message: messageFor('INTERNAL') },
        cookieHeader,
      );
    }
  };
}

/**
 * An HTTP-triggered cloud function (the WeChat cloud's HTTP access service, 集成响应 on): the
 * request becomes `{ httpMethod, headers, body, isBase64Encoded }`, the function's
 * `{ statusCode, headers, body }` becomes the response. No user identity: such calls come from
 * outside WeChat (here: the emulator's ESS callbacks).
 */
export function httpFunction(functionsRoot: string, name: string, log: (line: string) => void) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const main = loadMain(functionsRoot, name);
    let body: string;
    try {
      body = await readBody(req);
    } catch {
      res.writeHead(413, { Connection: 'close' }).end();
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([key, value]) => [
        key,
        Array.isArray(value) ? value.join(', ') : value,
      ]),
    );
    delete process.env.WX_OPENID;
    delete process.env.TCB_SOURCE;
    const result = (await main({
      httpMethod: req.method,
      headers,
      body,
      isBase64Encoded: false,
    })) as {
      statusCode?: number;
      headers?: Record<string, string>;
      body?: string;
    };
    const status = typeof result?.statusCode === 'number' ? result.statusCode : 500;
    log(`${req.method} /${name} ${status}`);
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      ...result?.headers,
    });
    res.end(result?.body ?? '');
  };
}
