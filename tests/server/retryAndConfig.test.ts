import { loadEssConfig, parseEssEndpoint } from '../../server/config';
import { toEssFailure } from '../../server/ess/essError';
import { backoffDelay, withRetry } from '../../server/ess/retry';
import { rateLimitDelay } from '../../server/ess/essGateway';
import { redactRequestValues } from '../../server/ess/redactRequestValues';

describe('retry with bounded exponential back-off', () => {
  const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300 };

  it('grows the delay and caps it', () => {
    expect(backoffDelay(1, { ...policy, random: () => 0.999 })).toBeLessThanOrEqual(100);
    expect(backoffDelay(2, { ...policy, random: () => 0 })).toBe(100);
    expect(backoffDelay(5, { ...policy, random: () => 0.999 })).toBeLessThanOrEqual(300);
  });

  it('stops at maxAttempts and at the first non-retryable error', async () => {
    const delays: number[] = [];
    const sleep = async (ms: number) => {
      delays.push(ms);
    };
    let runs = 0;
    await expect(
      withRetry(
        async () => {
          runs += 1;
          throw Object.assign(new Error('busy'), { code: 'InternalError.System' });
        },
        (e) => toEssFailure(e).retryable,
        { ...policy, sleep },
      ),
    ).rejects.toThrow('busy');
    expect(runs).toBe(4);
    expect(delays).toHaveLength(3);

    runs = 0;
    await expect(
      withRetry(
        async () => {
          runs += 1;
          throw Object.assign(new Error('bad'), { code: 'InvalidParameterValue.Mobile' });
        },
        (e) => toEssFailure(e).retryable,
        { ...policy, sleep },
      ),
    ).rejects.toThrow('bad');
    expect(runs).toBe(1);
  });

  it("uses the caller's delay for an error and stops when the budget would be exceeded", async () => {
    const delays: number[] = [];
    const sleep = async (ms: number) => {
      delays.push(ms);
    };
    let runs = 0;
    let budgetLeft = 1500;
    await expect(
      withRetry(
        async () => {
          runs += 1;
          throw Object.assign(new Error('limited'), { code: 'RequestLimitExceeded' });
        },
        (e) => toEssFailure(e).retryable,
        {
          ...policy,
          sleep,
          delayFor: (e) => (toEssFailure(e).userCode === 'RATE_LIMITED' ? 1000 : undefined),
          fitsBudget: (delay) => {
            budgetLeft -= delay;
            return budgetLeft >= 0;
          },
        },
      ),
    ).rejects.toThrow('limited');
    // 1st attempt, wait 1000 (fits), 2nd attempt, next 1000 would not fit: stop.
    expect(runs).toBe(2);
    expect(delays).toEqual([1000]);
  });

  it('spreads rate-limited retries over the next second window', () => {
    expect(rateLimitDelay(() => 0)).toBe(500);
    expect(rateLimitDelay(() => 0.999)).toBeLessThanOrEqual(1500);
  });
});

describe('ESS error classification', () => {
  it.each([
    ['RequestLimitExceeded', true, 'RATE_LIMITED'],
    ['InternalError.Db', true, 'ESS_UNAVAILABLE'],
    ['InvalidParameter.Name', false, 'ESS_REJECTED'],
    ['MissingParameter', false, 'ESS_REJECTED'],
    ['AuthFailure.SignatureExpire', false, 'ESS_CONFIG'],
    ['FailedOperation', false, 'ESS_FAILED'],
  ])('%s -> retryable %s, %s', (code, retryable, userCode) => {
    expect(toEssFailure(Object.assign(new Error('x'), { code, requestId: 'r-1' }))).toMatchObject({
      essCode: code,
      retryable,
      userCode,
      requestId: 'r-1',
    });
  });

  it('recognises time-outs and connection errors the SDK throws without a code', () => {
    expect(toEssFailure(new Error('network timeout at: http://127.0.0.1:1/'))).toMatchObject({
      essCode: 'Network.Timeout',
      retryable: true,
    });
    expect(
      toEssFailure(
        new Error('request to http://127.0.0.1:1/ failed, reason: connect ECONNREFUSED'),
      ),
    ).toMatchObject({
      essCode: 'Network.Error',
      retryable: true,
    });
  });
});

describe('configuration', () => {
  const base = { ESS_SECRET_ID: 'id', ESS_SECRET_KEY: 'key', ESS_OPERATOR_ID: 'op' };

  it('defaults to ESS production and its mini-program', () => {
    const result = loadEssConfig(base);
    expect(result).toMatchObject({
      ok: true,
      config: {
        endpoint: { host: 'ess.tencentcloudapi.com', protocol: 'https://' },
        environment: 'production',
        miniAppId: 'wxa023b292fd19d41d',
      },
    });
  });

  it('follows the joint-debugging endpoint with the Demo mini-program', () => {
    expect(loadEssConfig({ ...base, ESS_ENDPOINT: 'ess.test.ess.tencent.cn' })).toMatchObject({
      config: { environment: 'test', miniAppId: 'wx371151823f6f3edf' },
    });
  });

  it('accepts a full URL for a local emulator', () => {
    expect(parseEssEndpoint('http://127.0.0.1:8787')).toEqual({
      host: '127.0.0.1:8787',
      protocol: 'http://',
    });
    expect(parseEssEndpoint('https://ess.tencentcloudapi.com/')).toEqual({
      host: 'ess.tencentcloudapi.com',
      protocol: 'https://',
    });
    expect(parseEssEndpoint('http://x/y')).toBeNull();
  });

  it('lists every missing or invalid value', () => {
    const result = loadEssConfig({ ESS_ENDPOINT: 'not a host', ESS_MAX_ATTEMPTS: '9' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      'ESS_SECRET_ID is not set',
      'ESS_SECRET_KEY is not set',
      'ESS_OPERATOR_ID is not set',
      expect.stringContaining('ESS_ENDPOINT'),
      expect.stringContaining('ESS_MAX_ATTEMPTS'),
    ]);
  });
});

describe('ESS messages in the log', () => {
  it('masks every personal value of the request quoted back by ESS', () => {
    const request = {
      Name: '张三',
      IdCardNumber: '11010519491231002X',
      Mobile: '13800138000',
      RegistrationOrganizations: [{ AdminName: 'Chan Tai Man', AdminIdCardNumber: 'H1234567890' }],
    };
    const message =
      '张三 与 11010519491231002X 不匹配; 手机 13800138000; 超管 Chan Tai Man (H1234567890)';
    const redacted = redactRequestValues(message, request);
    for (const value of [
      '张三',
      '11010519491231002X',
      '13800138000',
      'Chan Tai Man',
      'H1234567890',
    ]) {
      expect(redacted).not.toContain(value);
    }
    expect(redacted).toContain('*三');
    expect(redacted).toContain('不匹配');
  });

  it('treats an empty ESS_ENDPOINT (a blank .env entry) as the default', () => {
    expect(
      loadEssConfig({
        ESS_SECRET_ID: 'i',
        ESS_SECRET_KEY: 'k',
        ESS_OPERATOR_ID: 'o',
        ESS_ENDPOINT: '',
      }),
    ).toMatchObject({ ok: true, config: { endpoint: { host: 'ess.tencentcloudapi.com' } } });
  });
});
