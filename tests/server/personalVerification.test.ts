import { failure } from '../../server/failure';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import type { EssEmulator } from '../../emulator';
import type { EssConfig } from '../../server/config';
import { createEssGateway } from '../../server/ess/essGateway';
import { createLogger } from '../../server/log';
import { localFileStore } from '../../server/store/localFileStore';
import {
  personalVerification,
  REUSE_MARGIN_SECONDS,
} from '../../server/verification/personalVerification';
import type { LinkQuotaRecord } from '../../server/verification/linkQuota';
import type {
  VerificationRecord,
  VerificationRefRecord,
} from '../../server/verification/verificationRecord';
import { startEmulatorWithConfig } from '../support/emulatorConfig';

const INPUT = { name: '李四', idCardNumber: '32010619900307251X', mobile: '13700137000' };

let emulator: EssEmulator;
let dataDir: string;
let config: EssConfig;
let clock: number;

beforeEach(async () => {
  ({ emulator, config } = await startEmulatorWithConfig({ ESS_ENV: 'test' }));
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ess-service-'));
  clock = Date.now();
});
afterEach(async () => {
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function service() {
  const log = createLogger();
  process.env.LOG_LEVEL = 'silent';
  return {
    store: localFileStore(dataDir).collection<VerificationRecord>('records'),
    get api() {
      return personalVerification({
        config,
        ess: createEssGateway({ config, log }),
        store: this.store,
        refs: localFileStore(dataDir).collection<VerificationRefRecord>('refs'),
        quota: localFileStore(dataDir).collection<LinkQuotaRecord>('quota'),
        log,
        fail: failure,
        now: () => clock,
      });
    },
  };
}

describe('personal verification over time', () => {
  afterAll(() => {
    delete process.env.LOG_LEVEL;
  });

  it('hands out a link again until ten minutes before it expires, and never after', async () => {
    const s = service();
    const first = await s.api.createUserVerifyUrl('o1', INPUT, { endpoint: 'APP' });
    if (!first.ok || first.verified || first.kind !== 'miniProgram') throw new Error('no link');
    // Written out, not computed from the constant: a margin changed by mistake fails here.
    expect(REUSE_MARGIN_SECONDS).toBe(600);
    clock = (first.expireTime - 11 * 60) * 1000;
    expect(await s.api.createUserVerifyUrl('o1', INPUT, { endpoint: 'APP' })).toMatchObject({
      reused: true,
      path: first.path,
    });
    expect(await s.api.getUserVerifyStatus('o1')).toMatchObject({
      status: 'pending',
      path: first.path,
    });
    // Nine minutes before expiry: one rule for both answers — not worth handing out.
    clock = (first.expireTime - 9 * 60) * 1000;
    expect(await s.api.getUserVerifyStatus('o1')).toEqual({
      ok: true,
      status: 'none',
      expired: true,
    });
    const second = await s.api.createUserVerifyUrl('o1', INPUT, { endpoint: 'APP' });
    expect(second).toMatchObject({ ok: true, reused: false });
    expect(second).not.toMatchObject({ path: first.path });
  });

  it('forgets personal data of an expired, unused link and reports none', async () => {
    const s = service();
    const first = await s.api.createUserVerifyUrl('o1', INPUT, { endpoint: 'APP' });
    if (!first.ok || first.verified) throw new Error('expected a link');
    clock = (first.expireTime + 1) * 1000;
    expect(await s.api.getUserVerifyStatus('o1')).toEqual({
      ok: true,
      status: 'none',
      expired: true,
    });
    const record = await s.store.get('o1');
    expect(record).toMatchObject({ status: 'expired', maskedName: '*四' });
    expect(record?.identity).toBeUndefined();
    expect(JSON.stringify(record)).not.toContain('32010619900307251X');
  });

  it('still reports verified if the user finished just before the link expired', async () => {
    const s = service();
    const first = await s.api.createUserVerifyUrl('o1', INPUT, { endpoint: 'APP' });
    if (!first.ok || first.verified) throw new Error('expected a link');
    emulator.markVerified(INPUT.name, INPUT.idCardNumber);
    clock = (first.expireTime + 1) * 1000;
    expect(await s.api.getUserVerifyStatus('o1')).toMatchObject({ ok: true, status: 'verified' });
  });

  it('asks ESS for an H5 link that returns to the given page', async () => {
    const s = service();
    const jumpUrl = 'http://127.0.0.1:9/#/pages/result/index?from=ess&x=1';
    const result = await s.api.createUserVerifyUrl('o1', INPUT, { endpoint: 'H5', jumpUrl });
    expect(result).toMatchObject({ ok: true, kind: 'h5' });
    const [create] = emulator.calls('CreateUserVerifyUrl');
    expect(create.params).toMatchObject({ Endpoint: 'H5', JumpUrl: jumpUrl });
    expect(create.params.AutoJumpBack).toBeUndefined();
    // An APP request does not reuse the H5 link.
    expect(await s.api.createUserVerifyUrl('o1', INPUT, { endpoint: 'APP' })).toMatchObject({
      reused: false,
      kind: 'miniProgram',
    });
  });
});
