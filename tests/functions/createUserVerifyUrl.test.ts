import { startHarness, TEST_OPERATOR_ID, type Harness } from '../support/functionHarness';

const VALID = { name: '张三', idCardNumber: '11010519491231002x', mobile: '+86 138 0013 8000' };
const COLLECTION = 'ess_user_verifications';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const essCalls = (action?: string) => h.emulator.calls(action);

describe('createUserVerifyUrl (built bundle, real ESS SDK, local ESS emulator)', () => {
  it('creates an APP link for the ESS mini-program with exactly the parameters ESS needs', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await h.invoke('createUserVerifyUrl', VALID);

    expect(result).toMatchObject({
      ok: true,
      reused: false,
      kind: 'miniProgram',
      miniAppId: 'wx371151823f6f3edf',
      envVersion: 'release',
    });
    expect(result.path).toMatch(/^pages\/guide\/index\?to=MP_PERSONAL_VERIFY&shortKey=\w+$/);
    expect(result.expireTime).toBeGreaterThanOrEqual(before + 7 * 24 * 3600 - 5);

    const [create] = essCalls('CreateUserVerifyUrl');
    expect(create.signatureValid).toBe(true);
    expect(create.params).toMatchObject({
      Operator: { UserId: TEST_OPERATOR_ID },
      Name: '张三',
      IdCardNumber: '11010519491231002X',
      IdCardType: 'ID_CARD',
      Mobile: '13800138000',
      Endpoint: 'APP',
      AutoJumpBack: true,
    });
    const userData = Buffer.from(String(create.params.UserData), 'base64').toString('utf8');
    expect(userData).toMatch(/^vr_[\w-]+$/);
    expect(userData).not.toMatch(/张三|11010519491231002|13800138000/);
    expect(essCalls('CreateUserVerifyUrl')).toHaveLength(1);
  });

  it('asks for the status at link time alongside the link: one round trip, not two', async () => {
    h.emulator.setLatency(1500);
    expect(await h.invoke('createUserVerifyUrl', VALID)).toMatchObject({ ok: true });
    const [status] = essCalls('DescribeUserVerifyStatus');
    const [create] = essCalls('CreateUserVerifyUrl');
    expect(status.params).toMatchObject({ Name: '张三', IdCardNumber: '11010519491231002X' });
    // Both reached ESS before either was answered (one after the other, 1.5 s apart at least).
    expect(Math.abs(status.at - create.at)).toBeLessThan(1500);
  });

  it('rejects invalid input with field messages and makes no ESS call', async () => {
    const result = await h.invoke('createUserVerifyUrl', {
      ...VALID,
      idCardNumber: '110105194912310021',
    });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(result.fieldErrors.idCardNumber).toMatch(/校验位/);
    expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
    const missing = await h.invoke('createUserVerifyUrl', {});
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(['idCardNumber', 'mobile', 'name']);
    expect(essCalls()).toHaveLength(0);
  });

  it('gives the same user the same still-valid link without calling ESS again', async () => {
    const first = await h.invoke('createUserVerifyUrl', VALID);
    const callsAfterFirst = essCalls().length;
    const second = await h.invoke('createUserVerifyUrl', {
      ...VALID,
      idCardNumber: '11010519491231002X',
      mobile: '13800138000',
    });
    expect(second).toMatchObject({
      ok: true,
      reused: true,
      path: first.path,
      miniAppId: first.miniAppId,
      expireTime: first.expireTime,
    });
    expect(essCalls()).toHaveLength(callsAfterFirst);
  });

  it('creates a new link when the identity changes', async () => {
    const first = await h.invoke('createUserVerifyUrl', VALID);
    const second = await h.invoke('createUserVerifyUrl', { ...VALID, mobile: '13900139000' });
    expect(second.reused).toBe(false);
    expect(second.path).not.toBe(first.path);
    expect(essCalls('CreateUserVerifyUrl')).toHaveLength(2);
  });

  it('gives a link to someone ESS already verified, without revealing that ESS knew them', async () => {
    h.emulator.markVerified('张三', '11010519491231002X');
    const result = await h.invoke('createUserVerifyUrl', VALID);
    expect(result).toMatchObject({ ok: true, reused: false, kind: 'miniProgram' });
    expect(result.verified).toBeUndefined();
    expect(essCalls('CreateUserVerifyUrl')).toHaveLength(1);
  });

  it('retries RequestLimitExceeded with back-off and succeeds', async () => {
    h.emulator.injectFault({
      action: 'CreateUserVerifyUrl',
      code: 'RequestLimitExceeded',
      times: 2,
    });
    const result = await h.invoke('createUserVerifyUrl', VALID);
    expect(result).toMatchObject({ ok: true, reused: false });
    const creates = essCalls('CreateUserVerifyUrl');
    expect(creates.map((c) => c.errorCode ?? 'ok')).toEqual([
      'RequestLimitExceeded',
      'RequestLimitExceeded',
      'ok',
    ]);
    // The pacer holds the action back a second after ESS refused a call for its rate.
    expect(creates[1].at - creates[0].at).toBeGreaterThanOrEqual(1000);
  });

  it('does not retry InvalidParameter, and reports ESS RequestId to the user and the log', async () => {
    h.emulator.injectFault({
      action: 'CreateUserVerifyUrl',
      code: 'InvalidParameter',
      message: 'Name 与证件号不匹配',
    });
    const result = await h.invoke('createUserVerifyUrl', VALID);
    expect(result).toMatchObject({ ok: false, code: 'ESS_REJECTED' });
    expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
    const creates = essCalls('CreateUserVerifyUrl');
    expect(creates).toHaveLength(1);
    expect(result.requestId).toBe(creates[0].requestId);
    expect(h.logs()).toContain(creates[0].requestId);
    expect(h.logs()).toContain('InvalidParameter');
  });

  it('gives up after the configured attempts on InternalError.System', async () => {
    h.emulator.injectFault({
      action: 'CreateUserVerifyUrl',
      code: 'InternalError.System',
      times: 10,
    });
    const result = await h.invoke('createUserVerifyUrl', VALID);
    // A transient failure: the page may come back by itself after retryAfterMs.
    expect(result).toMatchObject({ ok: false, code: 'ESS_UNAVAILABLE', retryAfterMs: 2000 });
    expect(essCalls('CreateUserVerifyUrl')).toHaveLength(3);
    expect(result.requestId).toBe(essCalls('CreateUserVerifyUrl')[2].requestId);
  });

  it('retries a network time-out', async () => {
    h.env.ESS_REQUEST_TIMEOUT_MS = '1000';
    h.emulator.injectFault({ action: 'CreateUserVerifyUrl', delayMs: 1600, times: 1 });
    const result = await h.invoke('createUserVerifyUrl', VALID);
    expect(result).toMatchObject({ ok: true, reused: false });
    expect(h.logs()).toMatch(/Network\.Timeout/);
  });

  it('answers CONFIG_ERROR when configuration is missing, without calling ESS', async () => {
    delete h.env.ESS_SECRET_KEY;
    delete h.env.ESS_OPERATOR_ID;
    const result = await h.invoke('createUserVerifyUrl', VALID);
    expect(result).toMatchObject({ ok: false, code: 'CONFIG_ERROR' });
    expect(essCalls()).toHaveLength(0);
    expect(h.logs()).toContain('ESS_SECRET_KEY is not set');
  });

  it('does not retry a signature failure (wrong secret key)', async () => {
    h.env.ESS_SECRET_KEY = 'not-the-right-key';
    const result = await h.invoke('createUserVerifyUrl', VALID);
    expect(result).toMatchObject({ ok: false, code: 'ESS_CONFIG' });
    // The link and the status at link time are asked together; neither is retried.
    expect(essCalls('CreateUserVerifyUrl')).toHaveLength(1);
    expect(essCalls('DescribeUserVerifyStatus')).toHaveLength(1);
    expect(essCalls().map((call) => call.errorCode)).toEqual([
      'AuthFailure.SignatureFailure',
      'AuthFailure.SignatureFailure',
    ]);
    expect(result.retryAfterMs).toBeUndefined();
  });

  it('maps an original id (gh_…) answered by ESS to the mini-program app id', async () => {
    await h.close();
    h = await startHarness({ miniAppIdAnswer: 'gh_39a5d3de69fa' });
    const result = await h.invoke('createUserVerifyUrl', VALID);
    expect(result.miniAppId).toBe('wx371151823f6f3edf');
  });

  it("opens the configured environment's mini-program when ESS answers another, and says so", async () => {
    await h.close();
    h = await startHarness({ miniAppIdAnswer: 'wxa023b292fd19d41d' }); // production's, env is test
    const result = await h.invoke('createUserVerifyUrl', VALID);
    expect(result).toMatchObject({ miniAppId: 'wx371151823f6f3edf', envVersion: 'release' });
    const [create] = essCalls('CreateUserVerifyUrl');
    const warning = h
      .logs()
      .split('\n')
      .find((line) => line.includes('another mini-program'));
    expect(warning).toContain(create.requestId);
    expect(warning).toContain('wxa023b292fd19d41d');
  });

  it('takes the caller from WeChat context only', async () => {
    const result = await h.invoke(
      'createUserVerifyUrl',
      { ...VALID, openid: 'oSomebodyElse' },
      { openid: null },
    );
    expect(result).toMatchObject({ ok: false, code: 'NO_IDENTITY' });
    expect(essCalls()).toHaveLength(0);
  });

  it('never writes a full ID number or mobile to the log or the store', async () => {
    await h.invoke('createUserVerifyUrl', VALID);
    h.emulator.injectFault({
      action: 'CreateUserVerifyUrl',
      code: 'InvalidParameter',
      message: '证件号 11010519491231002X 不合法',
    });
    await h.invoke('createUserVerifyUrl', { ...VALID, mobile: '13900139000' });
    expect(h.logs()).not.toContain('11010519491231002');
    expect(h.logs()).not.toContain('13800138000');
    expect(h.logs()).not.toContain('张三');
    // Something is stored (a pending record, references, the quota) — and never the mobile.
    const records = await h.storedDocuments(COLLECTION);
    expect(records['oTestUser000000000000000001']).toMatchObject({ status: 'pending' });
    for (const collection of [
      COLLECTION,
      'ess_user_verification_refs',
      'ess_user_link_quota',
      'ess_rate_slots',
    ]) {
      const stored = JSON.stringify(await h.storedDocuments(collection));
      expect(stored.length).toBeGreaterThan(2);
      expect(stored).not.toMatch(/13800138000|13900139000/);
    }
    // The ID number only in the pending record, which ESS's status check needs.
    expect(JSON.stringify(await h.storedDocuments('ess_user_verification_refs'))).not.toContain(
      '11010519491231002',
    );
  });
});

describe('one link per user, whatever the taps', () => {
  it('answers concurrent taps of one user with one ESS call and the same link', async () => {
    h.emulator.setLatency(300);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => h.invoke('createUserVerifyUrl', VALID)),
    );
    expect(essCalls('CreateUserVerifyUrl')).toHaveLength(1);
    expect(new Set(answers.map((a) => a.path))).toEqual(new Set([answers[0].path]));
    expect(answers.every((a) => a.ok)).toBe(true);
  });

  it('keeps every reference a user was given mapped to them', async () => {
    await h.invoke('createUserVerifyUrl', VALID);
    await h.invoke('createUserVerifyUrl', { ...VALID, mobile: '13900139000' });
    const refs = await h.storedDocuments('ess_user_verification_refs');
    const userDatas = essCalls('CreateUserVerifyUrl').map((call) =>
      Buffer.from(String(call.params.UserData), 'base64').toString('utf8'),
    );
    expect(userDatas).toHaveLength(2);
    for (const ref of userDatas) expect(refs[ref].openid).toBe('oTestUser000000000000000001');
  });
});

describe('the per-user quota on new links', () => {
  it('refuses a new link beyond ESS_LINK_QUOTA a day, with a clear message; reuse stays free', async () => {
    h.env.ESS_LINK_QUOTA = '2';
    await h.invoke('createUserVerifyUrl', VALID);
    await h.invoke('createUserVerifyUrl', { ...VALID, mobile: '13900139000' });
    // The same request again reuses its link: not counted.
    expect(
      await h.invoke('createUserVerifyUrl', { ...VALID, mobile: '13900139000' }),
    ).toMatchObject({ ok: true, reused: true });
    const third = await h.invoke('createUserVerifyUrl', { ...VALID, mobile: '13700137000' });
    expect(third).toMatchObject({ ok: false, code: 'QUOTA_EXCEEDED' });
    expect(third.message).toMatch(/明天/);
    expect(essCalls('CreateUserVerifyUrl')).toHaveLength(2);
    // Another user has their own quota.
    expect(
      await h.invoke('createUserVerifyUrl', VALID, { openid: 'oAnotherUser000000000000001' }),
    ).toMatchObject({ ok: true });
  });

  it('gives the quota back when ESS certainly made no link', async () => {
    h.env.ESS_LINK_QUOTA = '1';
    h.emulator.injectFault({ action: 'CreateUserVerifyUrl', code: 'InvalidParameter' });
    expect(await h.invoke('createUserVerifyUrl', VALID)).toMatchObject({ code: 'ESS_REJECTED' });
    expect(await h.invoke('createUserVerifyUrl', VALID)).toMatchObject({ ok: true });
  });
});
