/**
 * describeBatchOrganizationRegistrationUrls and createBatchOrganizationAuthorizationUrl as built,
 * through the real ESS SDK, against the local ESS emulator (tasks ready after 150 ms).
 */
import { AUTHORIZATION_MESSAGES } from '../../server/organizations/wording';
import type { Harness } from '../support/functionHarness';
import {
  asOperator,
  AUTHORIZE,
  CHECK_ACCESS,
  DESCRIBE,
  NOT_OPERATOR,
  organization,
  organizations,
  OTHER_OPERATOR,
  REGISTER,
  registerReady,
  startOrganizationHarness,
  SUBTASKS,
  SUPER_ADMIN_A,
  SUPER_ADMIN_B,
  waitForLinks,
} from '../support/organizationFixtures';

const TASK_READY_DELAY_MS = 150;
const ESS_ID = /^yD[A-Za-z0-9]{30}$/;

let h: Harness;
/** When set, the emulator's clock stands still: its tasks stay "processing". */
let frozenAt: number | undefined;
beforeEach(async () => {
  frozenAt = undefined;
  h = await startOrganizationHarness({
    taskReadyDelayMs: TASK_READY_DELAY_MS,
    now: () => frozenAt ?? Date.now(),
  });
});
afterEach(async () => {
  await h.close();
});

const essCalls = (action: string) => h.emulator.calls(action);
const authorizeCalls = () => essCalls('CreateBatchOrganizationAuthorizationUrl');

describe('describeBatchOrganizationRegistrationUrls', () => {
  it('answers ready: false while ESS processes the task (no retry), then the links', async () => {
    frozenAt = Date.now();
    const created = await asOperator(h, REGISTER, { organizations: organizations(2) });
    const taskId = created.taskIds[0];

    expect(await asOperator(h, DESCRIBE, { taskId })).toEqual({ ok: true, ready: false });
    frozenAt = undefined;
    const [processing] = essCalls('DescribeBatchOrganizationRegistrationUrls');
    expect(processing.errorCode).toBe('FailedOperation');
    expect(essCalls('DescribeBatchOrganizationRegistrationUrls')).toHaveLength(1);

    const ready = await waitForLinks(h, taskId);
    expect(ready).toEqual({
      ok: true,
      ready: true,
      rows: [1, 2].map((n) => ({
        subTaskId: expect.stringMatching(ESS_ID),
        organizationName: `模拟科技（深圳）有限公司${n}`,
        // Exactly as ESS answered it: `&` and the Chinese name are not encoded.
        authUrl: expect.stringMatching(
          new RegExp(
            `^https://qian\\.tencent\\.com/console/batch-register\\?token=yD\\w{30}&orgName=模拟科技（深圳）有限公司${n}$`,
          ),
        ),
        errorMessage: '',
      })),
    });
    // The sub-tasks are now known to be this operator's.
    const subTasks = await h.storedDocuments(SUBTASKS);
    expect(ready.rows.map((row: { subTaskId: string }) => subTasks[row.subTaskId])).toEqual([
      expect.objectContaining({ owner: expect.stringMatching(/^oAdmin/), taskId }),
      expect.objectContaining({ owner: expect.stringMatching(/^oAdmin/), taskId }),
    ]);
  });

  it('answers TASK_NOT_FOUND for another operator’s task or an unknown one, without ESS', async () => {
    const created = await asOperator(h, REGISTER, { organizations: organizations(1) });
    const foreign = await asOperator(h, DESCRIBE, { taskId: created.taskIds[0] }, OTHER_OPERATOR);
    expect(foreign).toEqual({
      ok: false,
      code: 'TASK_NOT_FOUND',
      message: '未找到该企业认证任务，或它不是你创建的',
    });
    expect(await asOperator(h, DESCRIBE, { taskId: 'yDunknownTask' })).toMatchObject({
      code: 'TASK_NOT_FOUND',
    });
    expect(essCalls('DescribeBatchOrganizationRegistrationUrls')).toHaveLength(0);
  });

  it('takes another FailedOperation on a fresh task as "still processing", and logs ESS’s message', async () => {
    const created = await asOperator(h, REGISTER, { organizations: organizations(1) });
    h.emulator.injectFault({
      action: 'DescribeBatchOrganizationRegistrationUrls',
      code: 'FailedOperation',
      message: '任务状态未就绪',
    });
    expect(await asOperator(h, DESCRIBE, { taskId: created.taskIds[0] })).toEqual({
      ok: true,
      ready: false,
    });
    expect(h.logs()).toContain('任务状态未就绪');
    expect((await waitForLinks(h, created.taskIds[0])).ready).toBe(true);
  });

  it('checks the caller before the event', async () => {
    expect(await asOperator(h, DESCRIBE, { taskId: '' }, NOT_OPERATOR)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await asOperator(h, DESCRIBE, { taskId: '' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(h.emulator.calls()).toHaveLength(0);
  });

  it('logs the "still processing" answers of a poll at level info, never error', async () => {
    frozenAt = Date.now();
    const created = await asOperator(h, REGISTER, { organizations: organizations(1) });
    for (let round = 0; round < 3; round += 1) {
      expect(await asOperator(h, DESCRIBE, { taskId: created.taskIds[0] })).toEqual({
        ok: true,
        ready: false,
      });
    }
    const lines = h
      .logs()
      .split('\n')
      .filter((line) => line.includes('DescribeBatchOrganizationRegistrationUrls'));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ level: 'info' });
  });
});

describe('checkOperatorAccess', () => {
  it('answers an operator ok and anyone else FORBIDDEN, without ESS or configuration', async () => {
    delete h.env.ESS_SECRET_KEY;
    expect(await asOperator(h, CHECK_ACCESS, {})).toEqual({ ok: true });
    expect(await asOperator(h, CHECK_ACCESS, {}, NOT_OPERATOR)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '你没有权限进行此操作',
    });
    expect(h.emulator.calls()).toHaveLength(0);
  });
});

describe('createBatchOrganizationAuthorizationUrl', () => {
  const SUPER_ADMIN_A_EVENT = { ...SUPER_ADMIN_A, superAdminIdCardType: 'ID_CARD' };

  /** Registers enterprise 1 (super admin A), then asks for an HTTP link to its sub-task. */
  async function linkForOneEnterprise(event: object = {}) {
    const { rows } = await registerReady(h, [organization(1)]);
    return asOperator(h, AUTHORIZE, {
      ...SUPER_ADMIN_A_EVENT,
      subTaskIds: [rows[0].subTaskId],
      endpoint: 'HTTP',
      ...event,
    });
  }

  it.each([
    [
      'HTTP',
      /^https:\/\/res\.ess\.tencent\.cn\/cdn\/h5-activity\/jump-mp\.html\?to=AUTHORIZATION_ENTERPRISE_FOR_BATCH_SUBMIT&shortKey=\w+$/,
    ],
    ['HTTP_SHORT_URL', /^https:\/\/essurl\.cn\/\w+$/],
    [
      'QR_CODE',
      /^http:\/\/127\.0\.0\.1:\d+\/imgs\/qrcode_urls\/authorization_enterprise_for_batch_submit\/\w+\.png$/,
    ],
  ])('passes the %s link through unchanged, without a mini-program', async (endpoint, url) => {
    const { rows } = await registerReady(h, organizations(2));
    const subTaskIds = rows.map((row) => row.subTaskId);
    const result = await asOperator(h, AUTHORIZE, { ...SUPER_ADMIN_A_EVENT, subTaskIds, endpoint });
    expect(result).toEqual({
      ok: true,
      authUrl: expect.stringMatching(url),
      expireTime: expect.any(Number),
      errorMessages: [],
      subTaskMessages: {},
      otherMessages: [],
    });
    expect(result.expireTime).toBeGreaterThan(Date.now() / 1000 + 6 * 24 * 3600);
    const [call] = authorizeCalls();
    expect(call.params).toMatchObject({
      AdminName: '王五',
      AdminMobile: '13900139000',
      AdminIdCardType: 'ID_CARD',
      AdminIdCardNumber: SUPER_ADMIN_A.superAdminIdCardNumber,
      SubTaskIds: subTaskIds,
      Endpoint: endpoint,
    });
    expect(call.params.Agent).toBeUndefined();
  });

  it('adds the ESS mini-program of the environment to an APP link', async () => {
    const result = await linkForOneEnterprise({ endpoint: 'APP' });
    expect(result).toEqual({
      ok: true,
      authUrl: expect.stringMatching(
        /^pages\/guide\/index\?to=AUTHORIZATION_ENTERPRISE_FOR_BATCH_SUBMIT&shortKey=\w+$/,
      ),
      expireTime: expect.any(Number),
      errorMessages: [],
      subTaskMessages: {},
      otherMessages: [],
      miniAppId: 'wx371151823f6f3edf',
      envVersion: 'release',
    });
  });

  it('passes on ESS’s messages for sub-tasks registered with another super admin', async () => {
    const mine = await registerReady(h, [organization(1)]);
    const otherSuperAdmins = await registerReady(h, [organization(2, SUPER_ADMIN_B)]);
    const foreignId = otherSuperAdmins.rows[0].subTaskId;
    const result = await asOperator(h, AUTHORIZE, {
      ...SUPER_ADMIN_A_EVENT,
      subTaskIds: [mine.rows[0].subTaskId, foreignId],
      endpoint: 'HTTP',
    });
    expect(result).toMatchObject({ ok: true });
    expect(result.errorMessages).toEqual([expect.stringContaining(foreignId)]);
    // Placed by the server with the sub-task it is about: the page does not read ESS's text.
    expect(result.subTaskMessages).toEqual({ [foreignId]: result.errorMessages });
    expect(result.otherMessages).toEqual([]);
    expect(authorizeCalls()[0].params.SubTaskIds).toEqual([mine.rows[0].subTaskId, foreignId]);
  });

  it('says the super admin must match when ESS finds none of the sub-tasks theirs', async () => {
    const result = await linkForOneEnterprise({
      ...SUPER_ADMIN_B,
      superAdminIdCardNumber: undefined,
    });
    expect(result).toMatchObject({ ok: false, code: 'ESS_REJECTED' });
    expect(result.message).toMatch(/超管姓名、手机号和证件号须与创建认证任务时填写的一致/);
    expect(result.requestId).toBe(authorizeCalls()[0].requestId);
  });

  it('refuses sub-tasks of another operator’s tasks, or unknown ones, without calling ESS', async () => {
    const theirs = await registerReady(h, [organization(1)], OTHER_OPERATOR);
    const result = await asOperator(h, AUTHORIZE, {
      ...SUPER_ADMIN_A_EVENT,
      subTaskIds: [theirs.rows[0].subTaskId, 'yDneverSeen'],
      endpoint: 'HTTP',
    });
    expect(result).toMatchObject({ ok: false, code: 'TASK_NOT_FOUND' });
    expect(result.message).toContain(theirs.rows[0].subTaskId);
    expect(result.message).toContain('yDneverSeen');
    expect(result.message).toMatch(/超管姓名、手机号和证件号须与创建认证任务时填写的一致/);
    expect(authorizeCalls()).toHaveLength(0);
  });

  it('acts for a subsidiary: proxyOrganizationId goes in Agent.ProxyOrganizationId', async () => {
    const proxyOrganizationId = 'yDsubsidiaryOrg0001';
    const { rows } = await registerReady(h, [organization(1)], undefined, { proxyOrganizationId });
    const event = { ...SUPER_ADMIN_A_EVENT, subTaskIds: [rows[0].subTaskId], endpoint: 'HTTP' };
    const result = await asOperator(h, AUTHORIZE, { ...event, proxyOrganizationId });
    expect(result).toMatchObject({ ok: true, errorMessages: [] });
    expect(authorizeCalls()[0].params.Agent).toEqual({ ProxyOrganizationId: proxyOrganizationId });
    // Without it, ESS looks in the parent's own organization: the sub-task is not there.
    expect(await asOperator(h, AUTHORIZE, event)).toMatchObject({
      ok: false,
      code: 'ESS_REJECTED',
    });
  });

  it('words a rate limit for the operator, never in the personal flow’s terms (实名)', async () => {
    h.env.ESS_MAX_ATTEMPTS = '1';
    const { rows } = await registerReady(h, [organization(1)]);
    h.emulator.injectFault({
      action: 'CreateBatchOrganizationAuthorizationUrl',
      code: 'RequestLimitExceeded',
      message: 'too many',
    });
    const result = await asOperator(h, AUTHORIZE, {
      ...SUPER_ADMIN_A_EVENT,
      subTaskIds: [rows[0].subTaskId],
      endpoint: 'HTTP',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
      message: AUTHORIZATION_MESSAGES.RATE_LIMITED,
    });
    expect(result.message).not.toMatch(/实名/);
  });

  it('works with a Hong Kong super admin’s travel permit, checked by its own rule', async () => {
    const hongKongAdmin = {
      superAdminName: 'Chan Tai Man',
      superAdminMobile: '13600136000',
      superAdminIdCardType: 'HONGKONG_AND_MACAO' as const,
      superAdminIdCardNumber: 'H1234567890',
    };
    const { rows } = await registerReady(h, [{ ...organization(1), ...hongKongAdmin }]);
    const result = await asOperator(h, AUTHORIZE, {
      ...hongKongAdmin,
      superAdminIdCardNumber: 'h 1234567890',
      subTaskIds: [rows[0].subTaskId],
      endpoint: 'HTTP',
    });
    expect(result).toMatchObject({ ok: true, errorMessages: [] });
    expect(authorizeCalls()[0].params).toMatchObject({
      AdminName: 'Chan Tai Man',
      AdminIdCardType: 'HONGKONG_AND_MACAO',
      AdminIdCardNumber: 'H1234567890',
    });
    expect(h.logs()).toContain('authorization link created');
    expect(h.logs()).not.toMatch(/Chan Tai Man|13600136000|H1234567890/);
  });

  it('rejects a wrong admin identity or endpoint with field messages, without ESS', async () => {
    const wrong = await asOperator(h, AUTHORIZE, {
      superAdminName: 'Wang',
      superAdminMobile: '123',
      superAdminIdCardNumber: '440305198501011232',
      endpoint: 'HTTP',
    });
    expect(wrong).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(Object.keys(wrong.fieldErrors).sort()).toEqual([
      'superAdminIdCardNumber',
      'superAdminMobile',
      'superAdminName',
    ]);
    const endpoint = await asOperator(h, AUTHORIZE, { ...SUPER_ADMIN_A_EVENT, endpoint: 'PC' });
    expect(endpoint).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(endpoint.message).toMatch(/APP、HTTP、HTTP_SHORT_URL、QR_CODE/);
    expect(
      await asOperator(h, AUTHORIZE, { ...SUPER_ADMIN_A_EVENT, endpoint: 'HTTP' }, NOT_OPERATOR),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(h.emulator.calls()).toHaveLength(0);
  });
});
