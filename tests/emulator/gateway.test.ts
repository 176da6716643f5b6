/**
 * The emulator's API gateway, through the real ESS SDK (and raw requests signed with the SDK's
 * sign3 where the SDK would not send them): envelope, signature, version, action, rate limit,
 * injected faults, latency, parameter checks and logging.
 */
import type { EssEmulator } from '../../emulator';
import {
  essClient,
  genericClient,
  OPERATOR,
  PERSON,
  rawRequest,
  sdkError,
  SECRET_KEY,
  signedRequest,
  startTestEmulator,
  UUID,
} from './emulatorTestKit';

const VERIFY_REQUEST = {
  Operator: OPERATOR,
  Name: PERSON.name,
  IdCardNumber: PERSON.idCardNumber,
  IdCardType: 'ID_CARD',
  Mobile: PERSON.mobile,
};
const STATUS_REQUEST = {
  Operator: OPERATOR,
  Name: PERSON.name,
  IdCardNumber: PERSON.idCardNumber,
  IdCardType: 'ID_CARD',
};

describe('ESS emulator gateway', () => {
  let emulator: EssEmulator;
  const logLines: string[] = [];

  beforeAll(async () => {
    emulator = await startTestEmulator({ log: (line) => logLines.push(line) });
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    emulator.reset();
    logLines.length = 0;
  });

  describe('envelope', () => {
    it('answers HTTP 200 JSON {"Response": {...fields, "RequestId"}}', async () => {
      const answer = await signedRequest(emulator, {
        action: 'DescribeUserVerifyStatus',
        body: JSON.stringify(STATUS_REQUEST),
      });
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('application/json');
      expect(answer.json()).toEqual({
        Response: { VerifyStatus: false, RequestId: expect.stringMatching(UUID) },
      });
    });

    it('answers errors as {"Response": {"Error": {Code, Message}, "RequestId"}}, which the SDK throws', async () => {
      const answer = await signedRequest(emulator, {
        action: 'DescribeUserVerifyStatus',
        body: JSON.stringify({ ...STATUS_REQUEST, Name: undefined }),
      });
      expect(answer.status).toBe(200);
      expect(answer.json()).toEqual({
        Response: {
          Error: { Code: 'MissingParameter', Message: expect.stringContaining('Name') },
          RequestId: expect.stringMatching(UUID),
        },
      });

      const error = await sdkError(
        essClient(emulator).DescribeUserVerifyStatus({ ...STATUS_REQUEST, Name: '' }),
      );
      expect(error.code).toBe('InvalidParameterValue');
      expect(error.requestId).toMatch(UUID);
      expect(emulator.calls().map((call) => call.requestId)).toContain(error.requestId);
    });
  });

  describe('TC3-HMAC-SHA256 signature', () => {
    it('accepts the SDK-signed call and records it with its parameters', async () => {
      const answer = await essClient(emulator).DescribeUserVerifyStatus(STATUS_REQUEST);
      expect(answer).toEqual({ VerifyStatus: false, RequestId: expect.stringMatching(UUID) });
      expect(emulator.calls()).toEqual([
        {
          action: 'DescribeUserVerifyStatus',
          version: '2020-11-11',
          params: STATUS_REQUEST,
          requestId: answer.RequestId,
          at: expect.any(Number),
          signatureValid: true,
        },
      ]);
    });

    it('rejects a wrong secret key with AuthFailure.SignatureFailure', async () => {
      const error = await sdkError(
        essClient(emulator, { secretKey: `${SECRET_KEY}x` }).DescribeUserVerifyStatus(
          STATUS_REQUEST,
        ),
      );
      expect(error.code).toBe('AuthFailure.SignatureFailure');
      expect(error.requestId).toMatch(UUID);
      expect(emulator.calls()).toEqual([
        expect.objectContaining({
          errorCode: 'AuthFailure.SignatureFailure',
          signatureValid: false,
        }),
      ]);
    });

    it('rejects an unknown SecretId with AuthFailure.SecretIdNotFound', async () => {
      const error = await sdkError(
        essClient(emulator, { secretId: 'AKIDsomeoneElse' }).DescribeUserVerifyStatus(
          STATUS_REQUEST,
        ),
      );
      expect(error.code).toBe('AuthFailure.SecretIdNotFound');
    });

    it('rejects a body changed after signing', async () => {
      const signedBody = JSON.stringify(STATUS_REQUEST);
      const tampered = JSON.stringify({ ...STATUS_REQUEST, Name: '李四' });
      const answer = await signedRequest(emulator, {
        action: 'DescribeUserVerifyStatus',
        body: tampered,
        signedBody,
      });
      expect(answer.json().Response.Error.Code).toBe('AuthFailure.SignatureFailure');

      const untouched = await signedRequest(emulator, {
        action: 'DescribeUserVerifyStatus',
        body: signedBody,
      });
      expect(untouched.json().Response.VerifyStatus).toBe(false);
    });

    it('rejects a signature for another service than the Host names', async () => {
      const answer = await signedRequest(emulator, {
        action: 'DescribeUserVerifyStatus',
        body: JSON.stringify(STATUS_REQUEST),
        service: 'ess',
      });
      expect(answer.json().Response.Error.Code).toBe('AuthFailure.SignatureFailure');
    });

    it('rejects a malformed or missing Authorization header', async () => {
      const headers = {
        'Content-Type': 'application/json',
        'X-TC-Action': 'DescribeUserVerifyStatus',
        'X-TC-Version': '2020-11-11',
        'X-TC-Timestamp': String(Math.floor(Date.now() / 1000)),
      };
      const body = JSON.stringify(STATUS_REQUEST);
      const missing = await rawRequest(emulator, { headers, body });
      const malformed = await rawRequest(emulator, {
        headers: { ...headers, Authorization: 'Basic abc' },
        body,
      });
      expect(missing.json().Response.Error.Code).toBe('AuthFailure.SignatureFailure');
      expect(malformed.json().Response.Error.Code).toBe('AuthFailure.SignatureFailure');
    });

    it('rejects a timestamp more than 5 minutes from its clock with AuthFailure.SignatureExpire', async () => {
      const aheadBy = (ms: number) => startTestEmulator({ now: () => Date.now() + ms });
      const late = await aheadBy(10 * 60 * 1000);
      const slightlyLate = await aheadBy(4 * 60 * 1000);
      try {
        const error = await sdkError(essClient(late).DescribeUserVerifyStatus(STATUS_REQUEST));
        expect(error.code).toBe('AuthFailure.SignatureExpire');
        await expect(
          essClient(slightlyLate).DescribeUserVerifyStatus(STATUS_REQUEST),
        ).resolves.toMatchObject({
          VerifyStatus: false,
        });
      } finally {
        await Promise.all([late.close(), slightlyLate.close()]);
      }
    });
  });

  describe('version and action', () => {
    it('answers NoSuchVersion for another API version', async () => {
      const error = await sdkError(
        genericClient(emulator, '2021-05-26').request('DescribeUserVerifyStatus', STATUS_REQUEST),
      );
      expect(error.code).toBe('NoSuchVersion');
    });

    it('answers InvalidAction for an action it does not serve', async () => {
      const error = await sdkError(
        genericClient(emulator, '2020-11-11').request('DescribeFlowInfo', { Operator: OPERATOR }),
      );
      expect(error.code).toBe('InvalidAction');
    });

    it('never reaches the control API or object internals through an action name', async () => {
      for (const action of ['__emulator/reset', 'reset', 'constructor', 'toString']) {
        const answer = await signedRequest(emulator, { action, body: '{}' });
        expect(answer.json().Response.Error.Code).toBe('InvalidAction');
      }
    });
  });

  describe('request format', () => {
    it('rejects a body that is not JSON', async () => {
      const answer = await signedRequest(emulator, {
        action: 'DescribeUserVerifyStatus',
        body: 'Name=张三',
      });
      expect(answer.json().Response.Error.Code).toBe('InvalidParameter');
    });

    it('rejects other content types and methods with UnsupportedOperation', async () => {
      const form = await signedRequest(emulator, {
        action: 'DescribeUserVerifyStatus',
        body: 'Name=x',
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(form.json().Response.Error.Code).toBe('UnsupportedOperation');
      const get = await rawRequest(emulator, { method: 'GET' });
      expect(get.status).toBe(200);
      expect(get.json().Response.Error.Code).toBe('UnsupportedOperation');
    });

    it('accepts application/json with a charset', async () => {
      const answer = await signedRequest(emulator, {
        action: 'DescribeUserVerifyStatus',
        body: JSON.stringify(STATUS_REQUEST),
        contentType: 'application/json; charset=utf-8',
      });
      expect(answer.json().Response.VerifyStatus).toBe(false);
    });

    it('checks the operator: MissingParameter without one, InvalidParameterValue for a stranger', async () => {
      const client = essClient(emulator);
      const noOperator = await sdkError(
        client.DescribeUserVerifyStatus({ ...STATUS_REQUEST, Operator: undefined as never }),
      );
      const noUserId = await sdkError(
        client.DescribeUserVerifyStatus({ ...STATUS_REQUEST, Operator: { ClientIp: '8.8.8.8' } }),
      );
      const stranger = await sdkError(
        client.DescribeUserVerifyStatus({
          ...STATUS_REQUEST,
          Operator: { UserId: 'yDsomeoneElse' },
        }),
      );
      expect(noOperator.code).toBe('MissingParameter');
      expect(noUserId.code).toBe('MissingParameter');
      expect(noUserId.message).toContain('Operator.UserId');
      expect(stranger.code).toBe('InvalidParameterValue');
      expect(stranger.message).toContain('Operator.UserId');
    });

    it('rejects unknown parameters and values of the wrong type, as the gateway does', async () => {
      const client = essClient(emulator);
      const unknown = await sdkError(
        client.CreateUserVerifyUrl({ ...VERIFY_REQUEST, IdcardNumber: 'x' } as never),
      );
      const wrongType = await sdkError(
        client.CreateUserVerifyUrl({ ...VERIFY_REQUEST, AutoJumpBack: 'yes' } as never),
      );
      expect(unknown.code).toBe('UnknownParameter');
      expect(unknown.message).toContain('IdcardNumber');
      expect(wrongType.code).toBe('InvalidParameter');
      expect(wrongType.message).toContain('AutoJumpBack');
    });
  });

  describe('rate limit', () => {
    it('allows 20 calls per action per second; the 21st answers RequestLimitExceeded', async () => {
      let clock = Date.now();
      const limited = await startTestEmulator({ now: () => clock });
      try {
        const client = essClient(limited);
        const results = await Promise.allSettled(
          Array.from({ length: 21 }, () => client.DescribeUserVerifyStatus(STATUS_REQUEST)),
        );
        const rejected = results.filter(
          (result): result is PromiseRejectedResult => result.status === 'rejected',
        );
        expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(20);
        expect(rejected.map((result) => result.reason.code)).toEqual(['RequestLimitExceeded']);

        // The limit is per action, and the window slides.
        await expect(client.CreateUserVerifyUrl(VERIFY_REQUEST)).resolves.toBeDefined();
        clock += 1001;
        await expect(client.DescribeUserVerifyStatus(STATUS_REQUEST)).resolves.toBeDefined();
      } finally {
        await limited.close();
      }
    });

    it('takes its limit from rateLimitPerSecond', async () => {
      const limited = await startTestEmulator({ rateLimitPerSecond: 2 });
      try {
        const client = essClient(limited);
        await client.DescribeUserVerifyStatus(STATUS_REQUEST);
        await client.DescribeUserVerifyStatus(STATUS_REQUEST);
        const error = await sdkError(client.DescribeUserVerifyStatus(STATUS_REQUEST));
        expect(error.code).toBe('RequestLimitExceeded');
        expect(error.message).toContain('`2`');
      } finally {
        await limited.close();
      }
    });
  });

  describe('fault injection and latency', () => {
    it('answers an injected error for the next `times` matching calls, then recovers', async () => {
      const client = essClient(emulator);
      emulator.injectFault({
        action: 'CreateUserVerifyUrl',
        code: 'InternalError.System',
        times: 2,
      });

      await expect(client.DescribeUserVerifyStatus(STATUS_REQUEST)).resolves.toBeDefined();
      const first = await sdkError(client.CreateUserVerifyUrl(VERIFY_REQUEST));
      const second = await sdkError(client.CreateUserVerifyUrl(VERIFY_REQUEST));
      const third = await client.CreateUserVerifyUrl(VERIFY_REQUEST);

      expect([first.code, second.code]).toEqual(['InternalError.System', 'InternalError.System']);
      expect(first.message).toBe('系统错误，请稍后重试。');
      expect(third.UserVerifyUrl).toBeDefined();
      expect(emulator.calls('CreateUserVerifyUrl').map((call) => call.errorCode)).toEqual([
        'InternalError.System',
        'InternalError.System',
        undefined,
      ]);
    });

    it('uses the injected message, and applies a fault without action to any action once', async () => {
      emulator.injectFault({ code: 'FailedOperation', message: '模拟失败' });
      const error = await sdkError(essClient(emulator).DescribeUserVerifyStatus(STATUS_REQUEST));
      expect(error).toMatchObject({ code: 'FailedOperation', message: '模拟失败' });
      await expect(
        essClient(emulator).DescribeUserVerifyStatus(STATUS_REQUEST),
      ).resolves.toBeDefined();
    });

    it('rejects a fault it cannot apply', () => {
      expect(() => emulator.injectFault({ action: 'CreateUserVerifyUrl' })).toThrow(TypeError);
      expect(() => emulator.injectFault({ code: 'InternalError', times: 0 })).toThrow(TypeError);
    });

    it('delays an answer past the SDK timeout with delayMs', async () => {
      emulator.injectFault({ action: 'DescribeUserVerifyStatus', delayMs: 1500 });
      const started = Date.now();
      const error = await sdkError(
        essClient(emulator, { reqTimeout: 1 }).DescribeUserVerifyStatus(STATUS_REQUEST),
      );
      expect(error.code).toBeUndefined();
      expect(error.message).toMatch(/timeout/i);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      await expect(
        essClient(emulator).DescribeUserVerifyStatus(STATUS_REQUEST),
      ).resolves.toBeDefined();
    });

    it('only slows the answer when a fault has delayMs and no code', async () => {
      emulator.injectFault({ delayMs: 150 });
      const started = Date.now();
      await expect(
        essClient(emulator).DescribeUserVerifyStatus(STATUS_REQUEST),
      ).resolves.toBeDefined();
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('slows every answer with setLatency, until reset', async () => {
      emulator.setLatency(150);
      const client = essClient(emulator);
      const started = Date.now();
      await sdkError(
        client.DescribeUserVerifyStatus({ ...STATUS_REQUEST, IdCardType: 'PASSPORT' }),
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      emulator.setLatency(60_000);
      emulator.reset();
      // The minute of latency is gone: answered well within the client's time-out.
      await expect(
        essClient(emulator, { reqTimeout: 10 }).DescribeUserVerifyStatus(STATUS_REQUEST),
      ).resolves.toBeDefined();
    });
  });

  describe('log', () => {
    it('logs one line per call with action, error code and RequestId, and no personal data', async () => {
      const client = essClient(emulator);
      const created = await client.CreateUserVerifyUrl(VERIFY_REQUEST);
      const failed = await sdkError(
        client.CreateUserVerifyUrl({ ...VERIFY_REQUEST, Mobile: '1380013800' }),
      );
      expect(logLines).toHaveLength(2);
      expect(logLines[0]).toContain('CreateUserVerifyUrl');
      expect(logLines[0]).toContain(created.RequestId);
      expect(logLines[1]).toContain('InvalidParameterValue');
      expect(logLines[1]).toContain(failed.requestId);
      const all = logLines.join('\n');
      expect(all).not.toContain(PERSON.idCardNumber);
      expect(all).not.toContain(PERSON.mobile);
      expect(all).not.toContain('1380013800');
      expect(all).not.toContain(PERSON.name);
    });
  });
});
