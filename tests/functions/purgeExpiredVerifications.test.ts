import { person } from '../../scripts/load/people';
import { localFileStore } from '../../server/store/localFileStore';
import type {
  VerificationRecord,
  VerificationRefRecord,
} from '../../server/verification/verificationRecord';
import { startHarness, type Harness } from '../support/functionHarness';

const COLLECTION = 'ess_user_verifications';
const ZHANG = { name: '张三', idCardNumber: '11010519491231002X', mobile: '13800138000' };
const LI = { name: '李四', idCardNumber: '32010619900307251X', mobile: '13700137000' };

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** Moves the stored links of these users into the past, as if 7 days had gone by. */
async function expireLinks(...openids: string[]) {
  const records = localFileStore(h.dataDir).collection<VerificationRecord>(COLLECTION);
  const past = Math.floor(Date.now() / 1000) - 60;
  for (const openid of openids) {
    await records.transact(openid, (record) => {
      if (!record?.link) throw new Error(`no pending link for ${openid}`);
      return {
        result: undefined,
        write: { ...record, link: { ...record.link, expireTime: past }, eraseAfter: past * 1000 },
      };
    });
  }
}

const purge = () => h.invoke('purgeExpiredVerifications', {}, { openid: null });

describe('purgeExpiredVerifications (timer)', () => {
  it('erases the personal data of expired links of users who never came back', async () => {
    await h.invoke('createUserVerifyUrl', ZHANG, { openid: 'oGone' });
    await h.invoke('createUserVerifyUrl', LI, { openid: 'oStillGoing' });
    const pending = (await h.storedDocuments(COLLECTION)).oGone;
    expect(pending.identity).toEqual({ name: '张三', idCardNumber: '11010519491231002X' });
    expect(pending.eraseAfter).toBe(pending.link.expireTime * 1000);

    await expireLinks('oGone');
    const refs = () => h.storedDocuments('ess_user_verification_refs');
    const goneRef = pending.requestRef;
    // The reference outlives the link by a day (late callbacks), and names the person by a hash.
    expect((await refs())[goneRef]).toMatchObject({
      openid: 'oGone',
      personHash: pending.personHash,
    });
    expect((await refs())[goneRef].expiresAt).toBeGreaterThan(pending.link.expireTime * 1000);
    await localFileStore(h.dataDir)
      .collection<VerificationRefRecord>('ess_user_verification_refs')
      .transact(goneRef, (ref) => ({
        result: undefined,
        write: { ...ref!, expiresAt: Date.now() - 1000 },
      }));
    expect(await purge()).toEqual({ ok: true, erased: 1, verified: 0 });
    expect(Object.keys(await refs())).toHaveLength(1);
    expect((await refs())[goneRef]).toBeUndefined();

    const docs = await h.storedDocuments(COLLECTION);
    expect(docs.oGone).toMatchObject({ status: 'expired', maskedName: '*三' });
    expect(JSON.stringify(docs.oGone)).not.toMatch(/张三|11010519491231002X/);
    // A link still valid is left alone.
    expect(docs.oStillGoing).toMatchObject({ status: 'pending', identity: { name: '李四' } });
    // The user who comes back learns their link expired.
    expect(await h.invoke('getUserVerifyStatus', {}, { openid: 'oGone' })).toEqual({
      ok: true,
      status: 'none',
      expired: true,
    });
  });

  it('records as verified a user who finished just before the link expired', async () => {
    await h.invoke('createUserVerifyUrl', ZHANG, { openid: 'oFinished' });
    h.emulator.markVerified(ZHANG.name, ZHANG.idCardNumber);
    await expireLinks('oFinished');
    expect(await purge()).toEqual({ ok: true, erased: 0, verified: 1 });
    expect((await h.storedDocuments(COLLECTION)).oFinished).toMatchObject({
      status: 'verified',
      proof: 'own-link',
    });
  });

  it('erases every expired link in one run, beyond one batch', async () => {
    const users = Array.from({ length: 45 }, (_, i) => `oExpired${i}`);
    for (const [i, openid] of users.entries()) {
      expect(await h.invoke('createUserVerifyUrl', person(i), { openid })).toMatchObject({
        ok: true,
      });
    }
    await expireLinks(...users);
    expect(await purge()).toEqual({ ok: true, erased: 45, verified: 0 });
    const docs = await h.storedDocuments(COLLECTION);
    expect(users.filter((openid) => docs[openid].status !== 'expired')).toEqual([]);
    expect(JSON.stringify(docs)).not.toMatch(/张三|110105\d{11}/);
  }, 60_000);

  it('cannot be called by a user', async () => {
    await h.invoke('createUserVerifyUrl', ZHANG, { openid: 'oGone' });
    await expireLinks('oGone');
    expect(await h.invoke('purgeExpiredVerifications', {}, { openid: 'oCurious' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect((await h.storedDocuments(COLLECTION)).oGone.status).toBe('pending');
  });
});
