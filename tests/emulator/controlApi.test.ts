/**
 * The emulator's control API over HTTP (/__emulator/…), the handler for mounting in another server,
 * and a clean close with keep-alive connections open.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import { createEssEmulatorHandler, type EssEmulator } from '../../emulator';
import {
  essClient,
  OPERATOR,
  OPERATOR_ID,
  PERSON,
  rawRequest,
  sdkError,
  SECRET_ID,
  SECRET_KEY,
  startTestEmulator,
} from './emulatorTestKit';

const STATUS_REQUEST = {
  Operator: OPERATOR,
  Name: PERSON.name,
  IdCardNumber: PERSON.idCardNumber,
  IdCardType: 'ID_CARD',
};

function control(emulator: EssEmulator, method: string, name: string, body?: unknown) {
  return rawRequest(emulator, {
    method,
    path: `/__emulator/${name}`,
    headers: method === 'POST' ? { 'Content-Type': 'application/json' } : {},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('ESS emulator control API', () => {
  let emulator: EssEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('reports health', async () => {
    const answer = await control(emulator, 'GET', 'health');
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ ok: true });
  });

  it('lists calls, optionally of one action', async () => {
    const client = essClient(emulator);
    const status = await client.DescribeUserVerifyStatus(STATUS_REQUEST);
    await sdkError(client.CreateUserVerifyUrl({ Operator: OPERATOR }));

    const all = (await control(emulator, 'GET', 'calls')).json().calls;
    expect(all.map((call: { action: string }) => call.action)).toEqual([
      'DescribeUserVerifyStatus',
      'CreateUserVerifyUrl',
    ]);
    expect(all[0]).toMatchObject({
      requestId: status.RequestId,
      signatureValid: true,
      version: '2020-11-11',
    });
    expect(all[1]).toMatchObject({ errorCode: 'MissingParameter' });

    const some = (await control(emulator, 'GET', 'calls?action=CreateUserVerifyUrl')).json().calls;
    expect(some).toHaveLength(1);
  });

  it('injects faults', async () => {
    const injected = await control(emulator, 'POST', 'faults', {
      action: 'DescribeUserVerifyStatus',
      code: 'InternalError',
      times: 2,
    });
    expect(injected.json()).toEqual({ ok: true });
    const client = essClient(emulator);
    expect((await sdkError(client.DescribeUserVerifyStatus(STATUS_REQUEST))).code).toBe(
      'InternalError',
    );
    expect((await sdkError(client.DescribeUserVerifyStatus(STATUS_REQUEST))).code).toBe(
      'InternalError',
    );
    await expect(client.DescribeUserVerifyStatus(STATUS_REQUEST)).resolves.toBeDefined();
  });

  it('marks a person verified', async () => {
    await control(emulator, 'POST', 'verify', {
      name: PERSON.name,
      idCardNumber: PERSON.idCardNumber,
    });
    expect((await essClient(emulator).DescribeUserVerifyStatus(STATUS_REQUEST)).VerifyStatus).toBe(
      true,
    );
  });

  it('sets latency, and reset forgets calls, latency and state', async () => {
    await control(emulator, 'POST', 'latency', { ms: 120 });
    await control(emulator, 'POST', 'verify', {
      name: PERSON.name,
      idCardNumber: PERSON.idCardNumber,
    });
    const started = Date.now();
    await essClient(emulator).DescribeUserVerifyStatus(STATUS_REQUEST);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);

    await control(emulator, 'POST', 'latency', { ms: 60_000 });
    expect((await control(emulator, 'POST', 'reset')).json()).toEqual({ ok: true });
    expect(emulator.calls()).toEqual([]);
    // The minute of latency is gone: the call is answered well within the client's time-out.
    const answer = await essClient(emulator, { reqTimeout: 10 }).DescribeUserVerifyStatus(
      STATUS_REQUEST,
    );
    expect(answer.VerifyStatus).toBe(false);
  });

  it('answers 400 for bad bodies, 404 for unknown routes and 405 for wrong methods', async () => {
    expect((await control(emulator, 'POST', 'faults', { times: 2 })).status).toBe(400);
    expect((await control(emulator, 'POST', 'latency', { ms: -1 })).status).toBe(400);
    expect((await control(emulator, 'POST', 'verify', { name: '张三' })).status).toBe(400);
    const notJson = await rawRequest(emulator, {
      path: '/__emulator/faults',
      headers: { 'Content-Type': 'application/json' },
      body: 'code=InternalError',
    });
    expect(notJson.status).toBe(400);
    // What a page on another origin could send without a CORS preflight is refused.
    for (const contentType of [undefined, 'text/plain', 'application/x-www-form-urlencoded']) {
      const crossSite = await rawRequest(emulator, {
        path: '/__emulator/verify',
        headers: contentType ? { 'Content-Type': contentType } : {},
        body: JSON.stringify({ name: '张三', idCardNumber: '11010519491231002X' }),
      });
      expect(crossSite.status).toBe(415);
    }
    expect((await control(emulator, 'GET', 'nothing')).status).toBe(404);
    expect((await control(emulator, 'GET', 'reset')).status).toBe(405);
    expect((await rawRequest(emulator, { method: 'GET', path: '/elsewhere' })).status).toBe(404);
  });
});

describe('ESS emulator lifecycle and mounting', () => {
  it('closes promptly although a keep-alive connection is open and an answer is delayed', async () => {
    const emulator = await startTestEmulator();
    const agent = new http.Agent({ keepAlive: true });
    const client = essClient(emulator, { agent });
    await client.DescribeUserVerifyStatus(STATUS_REQUEST);
    emulator.injectFault({ delayMs: 5000 });
    const pending = client.DescribeUserVerifyStatus(STATUS_REQUEST).catch((error: Error) => error);

    await new Promise((resolve) => setTimeout(resolve, 50));
    // Closing does not wait for the 5 s delay of the answer still pending.
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      emulator.close().then(() => 'closed'),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve('still waiting'), 4000);
      }),
    ]);
    clearTimeout(timer);
    expect(closed).toBe('closed');
    expect(await pending).toBeInstanceOf(Error);
    agent.destroy();
  });

  it('serves the same emulator as a handler mounted in another server', async () => {
    const handler = createEssEmulatorHandler({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      operatorIds: [OPERATOR_ID],
    });
    const server = http.createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const answer = await essClient({ endpoint: `127.0.0.1:${port}` }).CreateUserVerifyUrl({
        ...STATUS_REQUEST,
        Endpoint: 'H5',
      });
      // Without publicBaseUrl, H5 links are built from the request's Host.
      expect(answer.UserVerifyUrl).toMatch(
        new RegExp(`^http://127\\.0\\.0\\.1:${port}/h5/verify\\?shortKey=yDC`),
      );
      expect(handler.calls('CreateUserVerifyUrl')).toHaveLength(1);
    } finally {
      handler.dispose();
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
    }
  });

  it('refuses options it cannot work with', async () => {
    await expect(startTestEmulator({ operatorIds: [] })).rejects.toThrow(TypeError);
    await expect(startTestEmulator({ secretKey: '' })).rejects.toThrow(TypeError);
    await expect(startTestEmulator({ rateLimitPerSecond: 0 })).rejects.toThrow(TypeError);
  });
});
