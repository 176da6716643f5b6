/**
 * "Verified" means this WeChat user is the person, proven by the link they were given (issue 7):
 * built bundles against the emulator, callbacks delivered as the HTTP access service would.
 */
import {
  CALLBACK_KEY,
  CALLBACK_TOKEN,
  callbackEvent,
  verifyMessage,
} from '../support/essCallbackEvents';
import { startHarness, type Harness } from '../support/functionHarness';

const ZHANG = { name: '张三', idCardNumber: '11010519491231002X', mobile: '13800138000' };
const LI = { name: '李四', idCardNumber: '32010619900307251X', mobile: '13700137000' };
const USER = 'oProofUser0000000000000001';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.env.ESS_CALLBACK_KEY = CALLBACK_KEY;
  h.env.ESS_CALLBACK_TOKEN = CALLBACK_TOKEN;
  h.env.ESS_STATUS_RECHECK_MS = '0';
});
afterEach(async () => {
  await h.close();
});

const create = (input = ZHANG, openid = USER) => h.invoke('createUserVerifyUrl', input, { openid });
const status = (openid = USER) => h.invoke('getUserVerifyStatus', {}, { openid });
const withdraw = (openid = USER) => h.invoke('withdrawVerification', {}, { openid });

/** The UserData of the last link ESS made. */
const lastUserData = () => String(h.emulator.calls('CreateUserVerifyUrl').at(-1)!.params.UserData);

/** ESS's UserAccountVerify callback for the link that carried `userData`. */
const callback = (userData: string) =>
  h.invoke('essCallback', callbackEvent(verifyMessage(userData)), { openid: null });

describe('a person ESS already knew', () => {
  it('gets a link (nothing revealed) and stays pending until the callback of that link', async () => {
    h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
    const link = await create();
    expect(link).toMatchObject({ ok: true, reused: false, kind: 'miniProgram' });
    expect('verified' in link).toBe(false);
    // Knowing a name and ID number ESS has verified proves nothing about this WeChat user.
    expect(await status()).toMatchObject({ status: 'pending' });
    expect(await status()).toMatchObject({ status: 'pending' });
    // Counted by operators: the log says so, with the RequestId of the link.
    const [made] = h.emulator.calls('CreateUserVerifyUrl');
    expect(h.logs()).toMatch(/only the callback can bind it/);
    expect(h.logs()).toContain(made.requestId);

    expect(await callback(lastUserData())).toMatchObject({ statusCode: 200 });
    expect(await status()).toMatchObject({ status: 'verified', proof: 'ess-callback' });
  });

  it('answers exactly like a new person when asking for the link', async () => {
    const fresh = await create(LI, 'oOther');
    h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
    const known = await create();
    expect(Object.keys(known).sort()).toEqual(Object.keys(fresh).sort());
  });
});

describe('own-link: a transition seen after the link', () => {
  it('ESS said "not verified" when the link was made and "verified" later', async () => {
    await create();
    expect(await status()).toMatchObject({ status: 'pending' });
    h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
    expect(await status()).toMatchObject({ status: 'verified', proof: 'own-link' });
  });

  it('is not claimed when the status at link time could not be read', async () => {
    h.emulator.injectFault({ action: 'DescribeUserVerifyStatus', code: 'InternalError', times: 3 });
    expect(await create()).toMatchObject({ ok: true, reused: false });
    h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
    expect(await status()).toMatchObject({ status: 'pending' });
    await callback(lastUserData());
    expect(await status()).toMatchObject({ status: 'verified', proof: 'ess-callback' });
  });
});

describe('never downgrade, never lose a verified record', () => {
  it('keeps ess-callback when the same person submits again, with no new link and no ESS call', async () => {
    await create();
    h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
    await callback(lastUserData());
    const calls = h.emulator.calls().length;
    // Same person, even with another mobile.
    expect(await create({ ...ZHANG, mobile: '13900139000' })).toEqual({ ok: true, verified: true });
    expect(h.emulator.calls()).toHaveLength(calls);
    expect(await status()).toMatchObject({ status: 'verified', proof: 'ess-callback' });
  });

  it('upgrades own-link to ess-callback, never the other way', async () => {
    await create();
    const userData = lastUserData();
    h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
    expect(await status()).toMatchObject({ proof: 'own-link' });
    await callback(userData);
    expect(await status()).toMatchObject({ proof: 'ess-callback' });
    expect(await status()).toMatchObject({ proof: 'ess-callback' });
  });

  it('refuses a different identity until the user withdraws', async () => {
    await create();
    await callback((h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber), lastUserData()));
    const refused = await create(LI);
    expect(refused).toMatchObject({ ok: false, code: 'VERIFIED_OTHER_IDENTITY' });
    expect(refused.message).toMatch(/撤回/);
    expect(h.emulator.calls('CreateUserVerifyUrl')).toHaveLength(1);
    expect(await status()).toMatchObject({ status: 'verified', proof: 'ess-callback' });

    expect(await withdraw()).toEqual({ ok: true });
    expect(await create(LI)).toMatchObject({ ok: true, reused: false });
  });
});

describe('withdraw and erase', () => {
  it('erases the record, its hashes and link references; a late callback changes nothing', async () => {
    await create();
    const first = lastUserData();
    await create({ ...ZHANG, mobile: '13900139000' });
    const second = lastUserData();
    expect(await withdraw()).toEqual({ ok: true });

    expect((await h.storedDocuments('ess_user_verifications'))[USER]).toBeUndefined();
    const refs = await h.storedDocuments('ess_user_verification_refs');
    expect(Object.values(refs).filter((ref) => ref.openid === USER)).toEqual([]);
    expect(await status()).toEqual({ ok: true, status: 'none' });

    h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
    expect(await callback(first)).toMatchObject({ statusCode: 200 });
    expect(await callback(second)).toMatchObject({ statusCode: 200 });
    expect(await status()).toEqual({ ok: true, status: 'none' });
    expect((await h.storedDocuments('ess_user_verifications'))[USER]).toBeUndefined();
  });

  it('keeps nothing of a link that was still being made when the user withdrew', async () => {
    h.emulator.setLatency(800);
    const making = create();
    // Withdraw once the link is being made (its claim is on the record), before ESS answers.
    while (!(await h.storedDocuments('ess_user_verifications'))[USER]?.linkClaim)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.emulator.calls('CreateUserVerifyUrl')).toHaveLength(0);
    expect(await withdraw()).toEqual({ ok: true });
    expect(await making).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect((await h.storedDocuments('ess_user_verifications'))[USER]).toBeUndefined();
    const refs = await h.storedDocuments('ess_user_verification_refs');
    expect(Object.values(refs).filter((ref) => ref.openid === USER)).toEqual([]);
  });

  it('works without any ESS configuration and for someone with nothing stored', async () => {
    delete h.env.ESS_SECRET_KEY;
    expect(await withdraw('oNobody')).toEqual({ ok: true });
    expect(h.emulator.calls()).toHaveLength(0);
  });
});
