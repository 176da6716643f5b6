/**
 * Batch organization registration: CreateBatchOrganizationRegistrationTasks (asynchronous task),
 * DescribeBatchOrganizationRegistrationUrls and CreateBatchOrganizationAuthorizationUrl, through the real SDK.
 */
import type { RegistrationOrganizationInfo } from 'tencentcloud-sdk-nodejs/tencentcloud/services/ess/v20201111/ess_models';
import type { EssEmulator } from '../../emulator';
import {
  creditCode,
  essClient,
  idCardNumber,
  OPERATOR,
  sdkError,
  startTestEmulator,
  type EssClient,
} from './emulatorTestKit';

const TASK_READY_DELAY_MS = 120;
const SEVEN_DAYS_SECONDS = 7 * 24 * 60 * 60;

const ADMIN_A = {
  name: '王五',
  mobile: '13900139000',
  idCardNumber: idCardNumber('44030519850101123'),
};
const ADMIN_B = { name: '赵六', mobile: '13700137000' };

function organization(
  index: number,
  admin: { name: string; mobile: string } = ADMIN_A,
): RegistrationOrganizationInfo {
  return {
    OrganizationName: `模拟科技（深圳）有限公司${index}`,
    UniformSocialCreditCode: creditCode(`91440300MA5F${String(index).padStart(5, '0')}`),
    LegalName: '李四',
    AdminName: admin.name,
    AdminMobile: admin.mobile,
    AuthorizationTypes: [2],
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The same code with another (wrong) check character. */
function withWrongCheckChar(code: string): string {
  return code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
}

describe('batch organization registration', () => {
  // The emulator's clock: tasks become ready when the test moves it forward, without waiting.
  let clock = Date.now();
  let emulator: EssEmulator;
  let client: EssClient;

  beforeAll(async () => {
    emulator = await startTestEmulator({ taskReadyDelayMs: TASK_READY_DELAY_MS, now: () => clock });
    client = essClient(emulator);
  });
  afterAll(() => emulator.close());
  beforeEach(() => {
    clock = Date.now();
    emulator.reset();
  });
  const letTasksFinish = () => {
    clock += TASK_READY_DELAY_MS;
  };

  const register = (
    organizations: RegistrationOrganizationInfo[],
    extra: Record<string, unknown> = {},
  ) =>
    client.CreateBatchOrganizationRegistrationTasks({
      Operator: OPERATOR,
      RegistrationOrganizations: organizations,
      ...extra,
    });
  const describeUrls = (TaskId: string) =>
    client.DescribeBatchOrganizationRegistrationUrls({ Operator: OPERATOR, TaskId });

  /** Registers, waits until the task is ready, and answers its organizations' links. */
  async function registerAndWait(
    organizations: RegistrationOrganizationInfo[],
    extra: Record<string, unknown> = {},
  ) {
    const { TaskId } = await register(organizations, extra);
    letTasksFinish();
    return (await describeUrls(TaskId!)).OrganizationAuthUrls!;
  }

  describe('CreateBatchOrganizationRegistrationTasks and DescribeBatchOrganizationRegistrationUrls', () => {
    it('answers a TaskId, then "processing" until taskReadyDelayMs has passed, then the links', async () => {
      const created = await register([organization(1), organization(2)]);
      expect(created).toEqual({
        TaskId: expect.stringMatching(/^yD[A-Za-z0-9]{30}$/),
        RequestId: expect.any(String),
      });

      const processing = await sdkError(describeUrls(created.TaskId!));
      expect(processing.code).toBe('FailedOperation');
      expect(processing.message).toContain('任务处理中');
      clock += TASK_READY_DELAY_MS - 1;
      expect((await sdkError(describeUrls(created.TaskId!))).code).toBe('FailedOperation');

      clock += 1;
      const ready = await describeUrls(created.TaskId!);
      expect(ready.OrganizationAuthUrls).toEqual(
        [1, 2].map((index) => ({
          AuthUrl: expect.stringMatching(
            new RegExp(
              `^https://qian\\.tencent\\.com/console/batch-register\\?token=yD[A-Za-z0-9]{30}&orgName=模拟科技（深圳）有限公司${index}$`,
            ),
          ),
          ErrorMessage: '',
          SubTaskId: expect.stringMatching(/^yD[A-Za-z0-9]{30}$/),
          OrganizationName: `模拟科技（深圳）有限公司${index}`,
        })),
      );
    });

    it('becomes ready in real time with the default clock', async () => {
      const realTime = await startTestEmulator({ taskReadyDelayMs: 60 });
      try {
        const realClient = essClient(realTime);
        const { TaskId } = await realClient.CreateBatchOrganizationRegistrationTasks({
          Operator: OPERATOR,
          RegistrationOrganizations: [organization(1)],
        });
        const describe = () =>
          realClient.DescribeBatchOrganizationRegistrationUrls({
            Operator: OPERATOR,
            TaskId: TaskId!,
          });
        expect((await sdkError(describe())).code).toBe('FailedOperation');
        await sleep(80);
        expect((await describe()).OrganizationAuthUrls).toHaveLength(1);
      } finally {
        await realTime.close();
      }
    });

    it('answers the link shape of the requested Endpoint', async () => {
      const [app] = await registerAndWait([organization(1)], { Endpoint: 'APP' });
      expect(app.AuthUrl).toMatch(
        /^\/pages\/guide\/index\?to=REGISTER_ENTERPRISE_FOR_BATCH&urlAuthToken=yD\w{30}&orgName=/,
      );
      const [short] = await registerAndWait([organization(2)], { Endpoint: 'SHORT_URL' });
      expect(short.AuthUrl).toMatch(/^https:\/\/essurl\.cn\/[A-Za-z0-9]{10}$/);
    });

    it('rejects more than 10 organizations, and none', async () => {
      const eleven = await sdkError(
        register(Array.from({ length: 11 }, (_, index) => organization(index))),
      );
      expect(eleven.code).toBe('InvalidParameterValue');
      expect(eleven.message).toContain('10');
      const none = await sdkError(register([]));
      expect(none.code).toBe('InvalidParameterValue');
      await expect(
        register(Array.from({ length: 10 }, (_, index) => organization(index))),
      ).resolves.toHaveProperty('TaskId');
    });

    it('rejects a missing required field of an organization, naming it as the gateway does', async () => {
      const { LegalName: _omitted, ...withoutLegalName } = organization(1);
      const error = await sdkError(
        register([organization(0), withoutLegalName as RegistrationOrganizationInfo]),
      );
      expect(error.code).toBe('MissingParameter');
      expect(error.message).toContain('RegistrationOrganizations.1.LegalName');
    });

    it('reports organization problems in ErrorMessages, in input order, without a TaskId', async () => {
      const badCode = { ...organization(1), UniformSocialCreditCode: '91440300MA5F0000' };
      const wrongCheck = {
        ...organization(2),
        UniformSocialCreditCode: withWrongCheckChar(organization(2).UniformSocialCreditCode),
      };
      const englishBrackets = { ...organization(3), OrganizationName: '模拟科技(深圳)有限公司' };
      const answer = await register([
        organization(0),
        badCode,
        wrongCheck,
        englishBrackets,
        organization(0),
      ]);

      expect(answer).not.toHaveProperty('TaskId');
      expect(answer.ErrorMessages).toHaveLength(5);
      expect(answer.ErrorMessages![0]).toBe('');
      expect(answer.ErrorMessages![1]).toContain('统一社会信用代码');
      expect(answer.ErrorMessages![2]).toContain('统一社会信用代码');
      expect(answer.ErrorMessages![3]).toContain('中文括号');
      expect(answer.ErrorMessages![4]).toContain('不能重复');
    });

    it('checks authorization types and power-of-attorney requirements', async () => {
      const twoTypes = { ...organization(1), AuthorizationTypes: [1, 2] };
      const unknownType = { ...organization(2), AuthorizationTypes: [3] };
      const attorneyWithoutId = {
        ...organization(3),
        AuthorizationTypes: [1],
        PowerOfAttorneys: ['QUJD'],
      };
      const answer = await register([twoTypes, unknownType, attorneyWithoutId]);
      expect(answer.ErrorMessages![0]).toContain('仅支持一种');
      expect(answer.ErrorMessages![1]).toContain('AuthorizationTypes');
      expect(answer.ErrorMessages![2]).toContain('AdminIdCardNumber');
    });

    it('rejects an unknown TaskId', async () => {
      const error = await sdkError(describeUrls('yDunknownTask000000000000000000'));
      expect(error.code).toBe('InvalidParameterValue');
    });
  });

  describe('CreateBatchOrganizationAuthorizationUrl', () => {
    let ownedByA: string[];
    let ownedByB: string;

    beforeEach(async () => {
      const urls = await registerAndWait([
        { ...organization(1), AdminIdCardNumber: ADMIN_A.idCardNumber },
        organization(2),
        organization(3, ADMIN_B),
      ]);
      ownedByA = [urls[0].SubTaskId!, urls[1].SubTaskId!];
      ownedByB = urls[2].SubTaskId!;
    });

    const authorize = (extra: Record<string, unknown>) =>
      client.CreateBatchOrganizationAuthorizationUrl({
        Operator: OPERATOR,
        AdminName: ADMIN_A.name,
        AdminMobile: ADMIN_A.mobile,
        ...extra,
      });

    it.each([
      [
        'HTTP',
        /^https:\/\/res\.ess\.tencent\.cn\/cdn\/h5-activity\/jump-mp\.html\?to=AUTHORIZATION_ENTERPRISE_FOR_BATCH_SUBMIT&shortKey=yDC[A-Za-z0-9]{17}$/,
      ],
      ['HTTP_SHORT_URL', /^https:\/\/essurl\.cn\/[A-Za-z0-9]{10}$/],
      [
        'APP',
        /^pages\/guide\/index\?to=AUTHORIZATION_ENTERPRISE_FOR_BATCH_SUBMIT&shortKey=yDC[A-Za-z0-9]{17}$/,
      ],
      [
        'QR_CODE',
        /^http:\/\/127\.0\.0\.1:\d+\/imgs\/qrcode_urls\/authorization_enterprise_for_batch_submit\/yD[A-Za-z0-9]{30}\.png$/,
      ],
    ])(
      'answers the %s link, filtering out a sub-task of another administrator',
      async (Endpoint, shape) => {
        const answer = await authorize({ Endpoint, SubTaskIds: [...ownedByA, ownedByB] });
        expect(answer.AuthUrl).toMatch(shape);
        expect(answer.ErrorMessages).toHaveLength(1);
        expect(answer.ErrorMessages![0]).toContain(ownedByB);
        expect(answer.ExpireTime).toBe(Math.floor(clock / 1000) + SEVEN_DAYS_SECONDS);
        expect(answer).not.toHaveProperty('MiniAppId');
      },
    );

    it('defaults to HTTP, and to every ready sub-task of the administrator', async () => {
      const answer = await authorize({});
      expect(answer.AuthUrl).toMatch(/jump-mp\.html\?to=AUTHORIZATION_ENTERPRISE_FOR_BATCH_SUBMIT/);
      expect(answer.ErrorMessages).toEqual([]);
    });

    it('also matches the administrator by ID number when both sides have one', async () => {
      const other = idCardNumber('44030519850101124');
      const answer = await authorize({
        SubTaskIds: ownedByA,
        AdminIdCardType: 'ID_CARD',
        AdminIdCardNumber: other,
      });
      expect(answer.ErrorMessages).toEqual([expect.stringContaining(ownedByA[0])]);
    });

    it('fails with InvalidParameterValue when no sub-task belongs to the administrator', async () => {
      const error = await sdkError(
        authorize({ SubTaskIds: [ownedByB, 'yDunknownSubTask0000000000000000'] }),
      );
      expect(error.code).toBe('InvalidParameterValue');
      const stranger = await sdkError(authorize({ AdminName: '孙七', SubTaskIds: undefined }));
      expect(stranger.code).toBe('InvalidParameterValue');
    });

    it('only includes sub-tasks whose task has finished processing', async () => {
      const adminC = { name: '周八', mobile: '13600136000' };
      await register([organization(4, adminC)]);
      const asAdminC = () => authorize({ AdminName: adminC.name, AdminMobile: adminC.mobile });
      expect((await sdkError(asAdminC())).code).toBe('InvalidParameterValue');
      letTasksFinish();
      await expect(asAdminC()).resolves.toMatchObject({ ErrorMessages: [] });
    });

    it('checks the administrator parameters', async () => {
      const noMobile = await sdkError(authorize({ AdminMobile: undefined }));
      const badMobile = await sdkError(authorize({ AdminMobile: '139001390' }));
      const badEndpoint = await sdkError(authorize({ Endpoint: 'H5' }));
      expect(noMobile.code).toBe('MissingParameter');
      expect(badMobile.code).toBe('InvalidParameterValue');
      expect(badEndpoint.code).toBe('InvalidParameterValue');
    });
  });

  describe('a group parent acting for a subsidiary (Agent.ProxyOrganizationId)', () => {
    const SUBSIDIARY = { ProxyOrganizationId: 'yDxSubsidiaryA00000000000000001' };
    const OTHER = { ProxyOrganizationId: 'yDxSubsidiaryB00000000000000002' };

    it('finds the task, and authorises its sub-tasks, only for that same subsidiary', async () => {
      const { TaskId } = await register([organization(1)], { Agent: SUBSIDIARY });
      letTasksFinish();
      const describeFor = (Agent?: object) =>
        client.DescribeBatchOrganizationRegistrationUrls({
          Operator: OPERATOR,
          TaskId: TaskId!,
          Agent,
        });
      const [row] = (await describeFor(SUBSIDIARY)).OrganizationAuthUrls!;
      expect(row.SubTaskId).toMatch(/^yD/);
      // The parent itself, or another subsidiary, does not see it.
      expect((await sdkError(describeFor())).code).toBe('InvalidParameterValue');
      expect((await sdkError(describeFor(OTHER))).code).toBe('InvalidParameterValue');

      const authorizeFor = (Agent?: object) =>
        client.CreateBatchOrganizationAuthorizationUrl({
          Operator: OPERATOR,
          AdminName: ADMIN_A.name,
          AdminMobile: ADMIN_A.mobile,
          SubTaskIds: [row.SubTaskId!],
          Agent,
        });
      await expect(authorizeFor(SUBSIDIARY)).resolves.toMatchObject({ ErrorMessages: [] });
      expect((await sdkError(authorizeFor())).code).toBe('InvalidParameterValue');
    });

    it('registers without a super admin when each organization gets its own link', async () => {
      const { AdminName: _name, AdminMobile: _mobile, ...anyone } = organization(2);
      const [row] = await registerAndWait([anyone], { BatchAuthMethod: 0 });
      expect(row.ErrorMessage).toBe('');
      expect(row.AuthUrl).toMatch(/^https:/);
    });
  });
});
