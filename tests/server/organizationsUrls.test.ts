/**
 * Reading a registration task's links when ESS answers in ways the emulator does not: errors other
 * than 任务处理中 while the task is young, empty or incomplete lists. A stand-in gateway answers;
 * the stores are in memory; the clock is injected.
 */
import { EssCallError, toEssFailure } from '../../server/ess/essError';
import type { EssCallOptions, EssGateway, EssResponse } from '../../server/ess/essGateway';
import { failureIn } from '../../server/failure';
import type { Logger, LogFields } from '../../server/log';
import { registrationOwnership } from '../../server/organizations/ownership';
import {
  REGISTRATION_SUBTASKS_COLLECTION,
  REGISTRATION_TASKS_COLLECTION,
  type RegistrationSubTaskRecord,
  type RegistrationTaskRecord,
} from '../../server/organizations/records';
import { PROCESSING_GRACE_MS, registrationUrls } from '../../server/organizations/registrationUrls';
import type { RegistrationUrlsRequest } from '../../server/organizations/requests';
import { REGISTRATION_URLS_MESSAGES } from '../../server/organizations/wording';
import type { DocumentStore } from '../../server/store/documentStore';
import { memoryStore } from '../../server/store/memoryStore';

const OWNER = 'oAdminUser0000000000000001';
const TASK_ID = 'yDTask0000000000000000000000001';
const DESCRIBE = 'DescribeBatchOrganizationRegistrationUrls';

type Answer = EssResponse<typeof DESCRIBE> | EssCallError;

let clock: number;
let answers: Answer[];
/** What the service asked the gateway: the request, and which failures it called expected. */
let asked: Array<{ request: unknown; options?: EssCallOptions }>;
let logged: Array<{ level: string; msg: string; fields?: LogFields }>;
let tasks: DocumentStore<RegistrationTaskRecord>;
let subTasks: DocumentStore<RegistrationSubTaskRecord>;

function logger(): Logger {
  const at =
    (level: string) =>
    (msg: string, fields?: LogFields): void => {
      logged.push({ level, msg, fields });
    };
  const log: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => log,
  };
  return log;
}

const gateway: EssGateway = {
  call: (async (_action: string, request: unknown, options?: EssCallOptions) => {
    asked.push({ request, options });
    const answer = answers.shift();
    if (!answer) throw new Error('no answer left');
    if (answer instanceof EssCallError) throw answer;
    return answer;
  }) as EssGateway['call'],
  hasTimeForCall: () => true,
};

const ownership = () => registrationOwnership({ tasks, subTasks });
const notOwned = async (ids: string[]) => (await ownership().subTasksOf(OWNER, ids)).notOwned;
const describe_ = (request: Partial<RegistrationUrlsRequest> = {}) =>
  registrationUrls({
    ess: gateway,
    ownership: ownership(),
    fail: (code, extra) => failureIn(REGISTRATION_URLS_MESSAGES, code, extra),
    log: logger(),
    now: () => clock,
  }).describe(OWNER, { taskId: TASK_ID, ...request });

const failedOperation = (message: string) =>
  new EssCallError(
    DESCRIBE,
    toEssFailure({ code: 'FailedOperation', message, requestId: 'req-failed' }),
    1,
  );

const row = (n: number, overrides: Record<string, string | undefined> = {}) => ({
  SubTaskId: `yDSub${n}`,
  OrganizationName: `模拟科技（深圳）有限公司${n}`,
  AuthUrl: `https://qian.tencent.com/console/batch-register?token=t${n}&orgName=企业${n}`,
  ErrorMessage: '',
  ...overrides,
});

beforeEach(async () => {
  clock = 1_700_000_000_000;
  answers = [];
  asked = [];
  logged = [];
  const store = memoryStore();
  tasks = store.collection(REGISTRATION_TASKS_COLLECTION);
  subTasks = store.collection(REGISTRATION_SUBTASKS_COLLECTION);
  await tasks.put(TASK_ID, {
    owner: OWNER,
    batchKey: 'batch',
    chunkIndex: 0,
    organizationCount: 2,
    createdAt: clock,
  });
});

describe('FailedOperation from ESS', () => {
  it('is "still processing" within PROCESSING_GRACE_MS of the submission, and logged', async () => {
    answers.push(failedOperation('任务状态异常，请稍后再试'));
    clock += PROCESSING_GRACE_MS - 1;
    expect(await describe_()).toEqual({ ok: true, ready: false });
    expect(logged).toContainEqual({
      level: 'warn',
      msg: 'ESS answered FailedOperation for a recent task: taken as still processing',
      fields: expect.objectContaining({
        taskId: TASK_ID,
        essMessage: '任务状态异常，请稍后再试',
        requestId: 'req-failed',
      }),
    });
  });

  it('is a failure after PROCESSING_GRACE_MS (unless it says 处理中)', async () => {
    clock += PROCESSING_GRACE_MS;
    answers.push(failedOperation('任务处理中，请稍后重试'));
    expect(await describe_()).toEqual({ ok: true, ready: false });
    answers.push(failedOperation('任务状态异常，请稍后再试'));
    await expect(describe_()).rejects.toBeInstanceOf(EssCallError);
    expect(logged.map((entry) => entry.level)).toContain('error');
  });
});

describe('lists ESS answers while it is still working', () => {
  it('an empty list is not ready, and marks nothing as ready', async () => {
    answers.push({ OrganizationAuthUrls: [], RequestId: 'r1' }, { RequestId: 'r2' });
    expect(await describe_()).toEqual({ ok: true, ready: false });
    expect(await describe_()).toEqual({ ok: true, ready: false });
    expect((await tasks.get(TASK_ID))?.readyAt).toBeUndefined();

    answers.push({ OrganizationAuthUrls: [row(1), row(2)], RequestId: 'r3' });
    expect(await describe_()).toMatchObject({ ok: true, ready: true });
    expect(await tasks.get(TASK_ID)).toMatchObject({
      readyAt: clock,
      subTaskIds: ['yDSub1', 'yDSub2'],
    });
    expect(await notOwned(['yDSub1', 'yDSub2'])).toEqual([]);
  });

  it('rows without a sub-task or a reason are not ready; the sub-tasks seen are kept', async () => {
    answers.push({
      OrganizationAuthUrls: [row(1), row(2, { SubTaskId: undefined, AuthUrl: '' })],
    });
    expect(await describe_()).toEqual({ ok: true, ready: false });
    expect(await notOwned(['yDSub1', 'yDSub2'])).toEqual(['yDSub2']);

    clock += 3000;
    answers.push({ OrganizationAuthUrls: [row(1), row(2)] });
    const ready = await describe_();
    expect(ready).toMatchObject({ ok: true, ready: true });
    expect(ready.ok && ready.ready && ready.rows.map((r) => r.subTaskId)).toEqual([
      'yDSub1',
      'yDSub2',
    ]);
    expect(await notOwned(['yDSub1', 'yDSub2'])).toEqual([]);
    expect((await subTasks.get('yDSub1'))?.recordedAt).toBe(clock - 3000);
    // With the enterprise's name as ESS gave it, to place ESS's messages later.
    expect((await subTasks.get('yDSub2'))?.organizationName).toBe('模拟科技（深圳）有限公司2');
  });

  it('a row ESS refused (a reason, no sub-task) is an answer: the task is ready', async () => {
    answers.push({
      OrganizationAuthUrls: [
        row(1),
        row(2, { SubTaskId: '', AuthUrl: '', ErrorMessage: '企业三要素不通过' }),
      ],
    });
    const ready = await describe_();
    expect(ready).toMatchObject({ ok: true, ready: true });
    expect(ready.ok && ready.ready && ready.rows[1]).toEqual({
      subTaskId: '',
      organizationName: '模拟科技（深圳）有限公司2',
      authUrl: '',
      errorMessage: '企业三要素不通过',
    });
  });

  it('keeps adding sub-tasks after the task was first seen ready', async () => {
    // Recorded as ready by an earlier read (or an earlier version) with one sub-task only.
    await tasks.put(TASK_ID, {
      ...(await tasks.get(TASK_ID))!,
      subTaskIds: ['yDSub1'],
      readyAt: clock,
    });
    answers.push({ OrganizationAuthUrls: [row(1), row(2)] });
    expect(await describe_()).toMatchObject({ ok: true, ready: true });
    expect(await notOwned(['yDSub2'])).toEqual([]);
    expect(await tasks.get(TASK_ID)).toMatchObject({ subTaskIds: ['yDSub1', 'yDSub2'] });
  });
});

describe('a task created for a subsidiary (Agent.ProxyOrganizationId)', () => {
  const PROXY = 'yDxSubsidiary0001';

  it('is read for that subsidiary, and answers its id with the links', async () => {
    await tasks.put(TASK_ID, { ...(await tasks.get(TASK_ID))!, proxyOrganizationId: PROXY });
    answers = [{ OrganizationAuthUrls: [row(1)], RequestId: 'r1' }];
    expect(await describe_()).toMatchObject({ ok: true, ready: true, proxyOrganizationId: PROXY });
    expect(asked[0].request).toEqual({ TaskId: TASK_ID, Agent: { ProxyOrganizationId: PROXY } });
  });

  it('refuses another subsidiary’s id without calling ESS', async () => {
    await tasks.put(TASK_ID, { ...(await tasks.get(TASK_ID))!, proxyOrganizationId: PROXY });
    expect(await describe_({ proxyOrganizationId: 'yDxSomeoneElse' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/不是为该子企业创建的/),
    });
    expect(asked).toHaveLength(0);
  });

  it('sends the event’s id for a task remembered without one (an older record)', async () => {
    answers = [{ OrganizationAuthUrls: [row(1)], RequestId: 'r1' }];
    await describe_({ proxyOrganizationId: PROXY });
    expect(asked[0].request).toEqual({ TaskId: TASK_ID, Agent: { ProxyOrganizationId: PROXY } });
  });

  it('tells the gateway that FailedOperation is an expected answer (logged as info)', async () => {
    answers = [failedOperation('任务处理中，请稍后重试')];
    await describe_();
    const expected = asked[0].options?.expected;
    expect(expected?.(failedOperation('x').failure)).toBe(true);
    expect(expected?.(toEssFailure({ code: 'InternalError', message: 'x', requestId: 'r' }))).toBe(
      false,
    );
  });
});
