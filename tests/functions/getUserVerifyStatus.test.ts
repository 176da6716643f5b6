import { startHarness, type Harness } from '../support/functionHarness';

const VALID = { name: '张三', idCardNumber: '11010519491231002X', mobile: '13800138000' };
const OPENID = 'oStatusUser0000000000000001';
const COLLECTION = 'ess_user_verifications';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const status = (openid = OPENID) => h.invoke('getUserVerifyStatus', {}, { openid });

describe('getUserVerifyStatus', () => {
  it('is none for someone who never started, without calling ESS', async () => {
    expect(await status()).toEqual({ ok: true, status: 'none' });
    expect(h.emulator.calls()).toHaveLength(0);
  });

  it('is pending with the same link until ESS says verified, then verified', async () => {
    h.env.ESS_STATUS_RECHECK_MS = '0';
    const created = await h.invoke('createUserVerifyUrl', VALID, { openid: OPENID });
    const pending = await status();
    expect(pending).toMatchObject({
      ok: true,
      status: 'pending',
      kind: 'miniProgram',
      miniAppId: created.miniAppId,
      path: created.path,
      expireTime: created.expireTime,
      maskedName: '*三',
      maskedIdCardNumber: '110***********002X',
    });

    h.emulator.markVerified('张三', '11010519491231002X');
    // This user was given the link and ESS reports the identity verified since: their own link.
    expect(await status()).toEqual({
      ok: true,
      status: 'verified',
      maskedName: '*三',
      maskedIdCardNumber: '110***********002X',
      proof: 'own-link',
    });

    // Once verified, the name and ID number are no longer kept, and no more ESS calls are needed.
    const stored = JSON.stringify((await h.storedDocuments(COLLECTION))[OPENID]);
    expect(stored).not.toContain('张三');
    expect(stored).not.toContain('11010519491231002X');
    const calls = h.emulator.calls().length;
    expect(await status()).toMatchObject({ status: 'verified' });
    expect(h.emulator.calls()).toHaveLength(calls);
  });

  it("uses only the caller's own record", async () => {
    await h.invoke('createUserVerifyUrl', VALID, { openid: OPENID });
    expect(await status('oSomeoneElse00000000000001')).toEqual({ ok: true, status: 'none' });
  });

  it('serves the stored pending state while ESS fails, and logs the RequestId', async () => {
    h.env.ESS_STATUS_RECHECK_MS = '0';
    const created = await h.invoke('createUserVerifyUrl', VALID, { openid: OPENID });
    h.emulator.injectFault({
      action: 'DescribeUserVerifyStatus',
      code: 'InternalError.System',
      times: 3,
    });
    const result = await status();
    // The user keeps their link: continuing in ESS does not depend on ESS's status API.
    expect(result).toMatchObject({ ok: true, status: 'pending', path: created.path });
    const failed = h.emulator.calls('DescribeUserVerifyStatus').filter((c) => c.errorCode);
    expect(failed).toHaveLength(3);
    expect(h.logs()).toContain(failed[2].requestId);
  });

  it('asks ESS at most once per interval per user, and polls at once share one call', async () => {
    h.env.ESS_STATUS_RECHECK_MS = '30000';
    await h.invoke('createUserVerifyUrl', VALID, { openid: OPENID });
    const before = h.emulator.calls('DescribeUserVerifyStatus').length;
    h.emulator.setLatency(300);
    const answers = await Promise.all(Array.from({ length: 8 }, () => status()));
    expect(answers.map((a) => a.status ?? a.code)).toEqual(Array(8).fill('pending'));
    expect(h.emulator.calls('DescribeUserVerifyStatus').length - before).toBe(1);
    // Within the interval the stored answer is served without any ESS call.
    await status();
    await status();
    expect(h.emulator.calls('DescribeUserVerifyStatus').length - before).toBe(1);
  });

  it('asks ESS alike for a person ESS already knew (nothing to time), but only the callback binds', async () => {
    h.env.ESS_STATUS_RECHECK_MS = '0';
    h.emulator.markVerified(VALID.name, VALID.idCardNumber);
    await h.invoke('createUserVerifyUrl', VALID, { openid: OPENID });
    const statusCalls = () => h.emulator.calls('DescribeUserVerifyStatus').length;
    const before = statusCalls();
    expect(await status()).toMatchObject({ ok: true, status: 'pending' });
    expect(await status()).toMatchObject({ ok: true, status: 'pending' });
    // One ESS status call per check, as for anyone pending.
    expect(statusCalls() - before).toBe(2);
  });
});
