import { contentSignature } from '../../server/callback/essCallbackCrypto';
import {
  CALLBACK_KEY,
  CALLBACK_TOKEN,
  callbackEvent,
  verifyMessage,
} from '../support/essCallbackEvents';
import { startHarness, type Harness } from '../support/functionHarness';

const ZHANG = { name: '张三', idCardNumber: '11010519491231002X', mobile: '13800138000' };
const KEY = CALLBACK_KEY;
const TOKEN = CALLBACK_TOKEN;

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.env.ESS_CALLBACK_KEY = KEY;
  h.env.ESS_CALLBACK_TOKEN = TOKEN;
});
afterEach(async () => {
  await h.close();
});

async function linkFor(openid: string) {
  await h.invoke('createUserVerifyUrl', ZHANG, { openid });
  const create = h.emulator.calls('CreateUserVerifyUrl').at(-1)!;
  return String(create.params.UserData);
}

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

  it('leaves the user pending and asks ESS to call again while its status does not confirm', async () => {
    const userData = await linkFor('oCaller');
    expect(await callback(callbackEvent(verifyMessage(userData)))).toMatchObject({
      statusCode: 503,
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
    // Signed with our token but not decryptable with our key: our key is wrong — 503, retried.
    const wrongKey = callbackEvent(verifyMessage(userData), {
      key: 'AnotherKey0123456789abcdefghijk!',
    });
    expect(await callback(wrongKey)).toMatchObject({ statusCode: 503 });
    expect(h.logs()).toMatch(/cannot decrypt a signed callback: check ESS_CALLBACK_KEY/);
    // Without a token nothing proves who sent it: an undecryptable body is refused (400).
    delete h.env.ESS_CALLBACK_TOKEN;
    expect(await callback(wrongKey)).toMatchObject({ statusCode: 400 });
    h.env.ESS_CALLBACK_TOKEN = TOKEN;
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

  describe('edges', () => {
    const signedPlain = (body: string, token = TOKEN) => ({
      httpMethod: 'POST',
      headers: { 'Content-Signature': contentSignature(body, token) },
      body,
    });

    it('answers 200 to a signed body without encrypt (URL check), and reads a signed plaintext message', async () => {
      expect(await callback(signedPlain(''))).toMatchObject({ statusCode: 200 });
      expect(await callback(signedPlain('{}'))).toMatchObject({ statusCode: 200 });
      const userData = await linkFor('oPlain');
      h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
      const plain = JSON.stringify(verifyMessage(userData));
      expect(await callback(signedPlain(plain))).toMatchObject({ statusCode: 200 });
      expect(await status('oPlain')).toMatchObject({ status: 'verified', proof: 'ess-callback' });
    });

    it('refuses an unsigned plaintext message (anyone could write one)', async () => {
      delete h.env.ESS_CALLBACK_TOKEN;
      const userData = await linkFor('oPlain');
      h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
      const answer = await callback({
        httpMethod: 'POST',
        body: JSON.stringify(verifyMessage(userData)),
      });
      expect(answer).toMatchObject({ statusCode: 403 });
      expect((await h.storedDocuments('ess_user_verifications')).oPlain.status).toBe('pending');
    });

    it('treats a callback key that is not 32 characters as our misconfiguration: 503, said in the log', async () => {
      h.env.ESS_CALLBACK_KEY = 'too-short-key';
      const answer = await callback(callbackEvent(verifyMessage('eA==')));
      expect(answer).toMatchObject({ statusCode: 503 });
      expect(h.logs()).toMatch(/ESS_CALLBACK_KEY must be the 32-character key/);
    });

    it.each([
      ['a body that is not a string', { httpMethod: 'POST', body: { encrypt: 'x' } }],
      [
        'isBase64Encoded with a non-string body',
        { httpMethod: 'POST', isBase64Encoded: true, body: 42 },
      ],
      ['an httpMethod that is not a string', { httpMethod: 7, body: '{}' }],
      [
        'isBase64Encoded that is not a boolean',
        { httpMethod: 'POST', isBase64Encoded: 'yes', body: '' },
      ],
      ['headers that are not an object', { httpMethod: 'POST', headers: 'x', body: '' }],
    ])('answers 400, never 500, to %s', async (_name, event) => {
      delete h.env.ESS_CALLBACK_TOKEN;
      expect(await callback(event)).toMatchObject({ statusCode: 400 });
    });

    it('answers 200 to a base64-encoded body the access service passes on', async () => {
      const userData = await linkFor('oB64');
      h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
      const event = callbackEvent(verifyMessage(userData));
      const answer = await callback({
        ...event,
        body: Buffer.from(event.body).toString('base64'),
        isBase64Encoded: true,
      });
      expect(answer).toMatchObject({ statusCode: 200 });
      expect(await status('oB64')).toMatchObject({ proof: 'ess-callback' });
    });
  });
});
