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
    });

    h.emulator.markVerified('张三', '11010519491231002X');
    // This user was given the link and ESS reports the identity verified since: their own link.
    expect(await status()).toEqual({
      ok: true,
      status: 'verified',
      maskedName: '*三',
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

  it('reports an ESS outage with a Chinese message and the RequestId', async () => {
    await h.invoke('createUserVerifyUrl', VALID, { openid: OPENID });
    h.emulator.injectFault({
      action: 'DescribeUserVerifyStatus',
      code: 'InternalError.System',
      times: 3,
    });
    const result = await status();
    expect(result).toMatchObject({ ok: false, code: 'ESS_UNAVAILABLE' });
    expect(result.message).toMatch(/腾讯电子签/);
    expect(result.requestId).toBeTruthy();
  });
});
