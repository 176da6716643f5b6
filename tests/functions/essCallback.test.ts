import { contentSignature, encryptEssCallback } from '../../server/callback/essCallbackCrypto';
import { startHarness, type Harness } from '../support/functionHarness';

const ZHANG = { name: '张三', idCardNumber: '11010519491231002X', mobile: '13800138000' };
const KEY = 'TestCallbackKey0123456789abcdef!';
const TOKEN = 'test-callback-token';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.env.ESS_CALLBACK_KEY = KEY;
  h.env.ESS_CALLBACK_TOKEN = TOKEN;
});
afterEach(async () => {
  await h.close();
});

/** The HTTP access service's event for a callback ESS sends with this message. */
function callbackEvent(message: object, { token = TOKEN, key = KEY } = {}) {
  const body = JSON.stringify({ encrypt: encryptEssCallback(JSON.stringify(message), key) });
  return {
    httpMethod: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-signature': contentSignature(body, token),
    },
    body,
    isBase64Encoded: false,
  };
}

async function linkFor(openid: string) {
  await h.invoke('createUserVerifyUrl', ZHANG, { openid });
  const create = h.emulator.calls('CreateUserVerifyUrl').at(-1)!;
  return String(create.params.UserData);
}

const verifyMessage = (userData: string) => ({
  MsgId: 'msg-1',
  MsgType: 'UserAccountVerify',
  MsgVersion: 'v1',
  MsgData: { UserData: userData },
});
const callback = (event: object) => h.invoke('essCallback', event, { openid: null });
const status = (openid: string) => h.invoke('getUserVerifyStatus', {}, { openid });

describe('essCallback (ESS callback URL, HTTP-triggered)', () => {
  it('records the user whose link ESS reports completed, with the strongest proof', async () => {
    const userData = await linkFor('oCaller');
    h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
    const answer = await callback(callbackEvent(verifyMessage(userData)));
    expect(answer).toMatchObject({ statusCode: 200 });
    expect(await status('oCaller')).toMatchObject({ status: 'verified', proof: 'ess-callback' });
  });

  it('leaves the user pending when ESS does not confirm the identity verified', async () => {
    const userData = await linkFor('oCaller');
    expect(await callback(callbackEvent(verifyMessage(userData)))).toMatchObject({
      statusCode: 200,
    });
    expect(await status('oCaller')).toMatchObject({ status: 'pending' });
  });

  it('only binds the user of that link, not someone else who asked for the same identity', async () => {
    const attacker = await linkFor('oAttacker');
    const victim = await linkFor('oVictim');
    h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
    await callback(callbackEvent(verifyMessage(victim)));
    expect(await status('oVictim')).toMatchObject({ proof: 'ess-callback' });
    // The attacker's own link was never reported completed: at most the weaker proof.
    expect(attacker).not.toBe(victim);
    expect(await status('oAttacker')).toMatchObject({ status: 'verified', proof: 'own-link' });
  });

  it('refuses a wrong signature and an undecryptable body, and ignores other messages', async () => {
    const userData = await linkFor('oCaller');
    h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
    expect(
      await callback(callbackEvent(verifyMessage(userData), { token: 'forged' })),
    ).toMatchObject({
      statusCode: 403,
    });
    expect(
      await callback(
        callbackEvent(verifyMessage(userData), { key: 'AnotherKey0123456789abcdefghijk!' }),
      ),
    ).toMatchObject({ statusCode: 400 });
    expect(
      await callback(callbackEvent({ MsgType: 'FlowStatusChange', MsgData: {} })),
    ).toMatchObject({
      statusCode: 200,
    });
    expect(
      await callback(
        callbackEvent(verifyMessage(Buffer.from('vr_unknownReference').toString('base64'))),
      ),
    ).toMatchObject({ statusCode: 200 });
    // None of those recorded anything stronger than the status check.
    const stored = (await h.storedDocuments('ess_user_verifications')).oCaller;
    expect(stored.proof).not.toBe('ess-callback');
  });

  it('asks ESS to retry later when it is not configured, and cannot be called by a user', async () => {
    delete h.env.ESS_CALLBACK_KEY;
    expect(await callback(callbackEvent(verifyMessage('x')))).toMatchObject({ statusCode: 503 });
    h.env.ESS_CALLBACK_KEY = KEY;
    expect(
      await h.invoke('essCallback', callbackEvent(verifyMessage('x')), { openid: 'oUser' }),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});
