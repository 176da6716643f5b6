/**
 * createBatchOrganizationRegistrationTasks as built (cloudfunctions/…/index.js), through the real
 * ESS SDK, against the local ESS emulator.
 */
import type { Harness } from '../support/functionHarness';
import {
  OPERATOR,
  asOperator,
  BATCHES,
  DESCRIBE,
  HELD as HELD_COLLECTION,
  NOT_OPERATOR,
  organization,
  organizations,
  OTHER_OPERATOR,
  REGISTER,
  startOrganizationHarness,
  SUPER_ADMIN_A,
  TASKS,
  waitForLinks,
} from '../support/organizationFixtures';

const CREATE = 'CreateBatchOrganizationRegistrationTasks';

let h: Harness;
beforeEach(async () => {
  h = await startOrganizationHarness();
});
afterEach(async () => {
  await h.close();
});

const createCalls = () => h.emulator.calls(CREATE);
const submittedNames = (callIndex: number) =>
  (createCalls()[callIndex].params.RegistrationOrganizations as { OrganizationName: string }[]).map(
    (org) => org.OrganizationName,
  );
/** The same code with a wrong check character. */
const withWrongCheckCharacter = (value: string) =>
  value.slice(0, 17) + (value[17] === '0' ? '1' : '0');
/** The fixture's name as ESS must get it: Chinese brackets. */
const chineseName = (n: number) => `模拟科技（深圳）有限公司${n}`;
const register = (event: object, openid?: string) => asOperator(h, REGISTER, event, openid);

describe('who may register enterprises', () => {
  it('answers FORBIDDEN to anyone not in ADMIN_OPENIDS, before reading the event', async () => {
    const result = await register({ organizations: organizations(2) }, NOT_OPERATOR);
    expect(result).toEqual({ ok: false, code: 'FORBIDDEN', message: '你没有权限进行此操作' });
    // Even an invalid event is not looked at.
    expect(await register({ organizations: 'nonsense' }, NOT_OPERATOR)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(h.emulator.calls()).toHaveLength(0);
    expect(await h.storedDocuments(BATCHES)).toEqual({});
  });

  it('lets nobody in when ADMIN_OPENIDS is not set, and keeps NO_IDENTITY first', async () => {
    delete h.env.ADMIN_OPENIDS;
    expect(await register({ organizations: organizations(1) })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(h.logs()).toContain('ADMIN_OPENIDS is not set');
    h.env.ADMIN_OPENIDS = OPERATOR;
    expect(await h.invoke(REGISTER, {}, { openid: null })).toMatchObject({ code: 'NO_IDENTITY' });
    expect(h.emulator.calls()).toHaveLength(0);
  });
});

describe('row validation', () => {
  it('reports every row problem together, with the index, and calls ESS for none', async () => {
    const rows = [
      organization(1),
      { ...organization(2), uniformSocialCreditCode: '91350100M000100Y44' },
      { ...organization(3), superAdminMobile: '1390013900' },
      { ...organization(4), organizationName: organization(1).organizationName },
      {
        ...organization(5),
        superAdminIdCardType: 'HONGKONG_AND_MACAO',
        superAdminIdCardNumber: 'H12345678',
      },
      {
        ...organization(6),
        superAdminIdCardType: 'HONGKONG_MACAO_AND_TAIWAN',
        superAdminIdCardNumber: SUPER_ADMIN_A.superAdminIdCardNumber,
      },
      { ...organization(7), superAdminIdCardNumber: '440305198501011232' },
    ];
    const result = await register({ organizations: rows });
    expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(result.rowErrors).toEqual([
      { index: 1, fields: { uniformSocialCreditCode: expect.stringMatching(/校验位/) } },
      { index: 2, fields: { superAdminMobile: '请输入11位手机号' } },
      { index: 3, fields: { organizationName: expect.stringMatching(/与第1行的企业名称重复/) } },
      { index: 4, fields: { superAdminIdCardNumber: expect.stringMatching(/H或M开头/) } },
      { index: 5, fields: { superAdminIdCardNumber: expect.stringMatching(/810000/) } },
      { index: 6, fields: { superAdminIdCardNumber: expect.stringMatching(/校验位/) } },
    ]);
    expect(h.emulator.calls()).toHaveLength(0);
  });

  it('refuses unknown endpoints, link modes and an empty list', async () => {
    const rows = organizations(1);
    for (const event of [
      { organizations: rows, endpoint: 'SMS' },
      { organizations: rows, batchAuthMethod: 2 },
      { organizations: [] },
    ]) {
      const result = await register(event);
      expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
      expect(result.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(h.emulator.calls()).toHaveLength(0);
  });
});

describe('enterprises sent without an answer, in later submissions', () => {
  const HELD = /上次提交未得到腾讯电子签答复，可能已提交成功；请先在控制台核对/;
  const code = (n: number) => organization(n).uniformSocialCreditCode;
  /** The enterprises the server holds for each operator (their own collection). */
  const heldCodes = async () =>
    Object.values(await h.storedDocuments(HELD_COLLECTION))
      .map((doc) => `${doc.owner}:${doc.code}:${doc.state}`)
      .sort();

  /** Submits enterprises 1–3 while ESS answers too late: ESS does register them. */
  async function firstSubmissionTimesOut() {
    h.env.ESS_REQUEST_TIMEOUT_MS = '1000';
    h.emulator.injectFault({ action: CREATE, delayMs: 1200 });
    const first = await register({ organizations: organizations(3), requestKey: 'first-1' });
    expect(first).toMatchObject({
      ok: true,
      taskIds: [],
      rowStatuses: Array(3).fill('unconfirmed'),
    });
    // The slow call is recorded once it ends: ESS did create the task.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(createCalls()).toHaveLength(1);
  }

  it('a new submission (another key) does not send them again; only what was confirmed not submitted', async () => {
    await firstSubmissionTimesOut();
    expect(await heldCodes()).toEqual(
      [1, 2, 3].map((n) => `${OPERATOR}:${code(n)}:unconfirmed`).sort(),
    );
    // Each kind of record in its own collection: the batches hold submissions only.
    expect(Object.values(await h.storedDocuments(BATCHES))).toEqual([
      expect.objectContaining({ owner: OPERATOR, chunks: [expect.any(Object)] }),
    ]);

    // The page reloaded, the same three pasted again with a fourth: a new request key.
    const again = await register({
      organizations: [...organizations(3), organization(4)],
      requestKey: 'second-1',
    });
    expect(again).toEqual({
      ok: true,
      taskIds: [expect.any(String)],
      errorMessages: [...Array(3).fill(expect.stringMatching(HELD)), ''],
      rowStatuses: ['unconfirmed', 'unconfirmed', 'unconfirmed', 'submitted'],
      replayed: false,
    });
    expect(createCalls()).toHaveLength(2);
    expect(submittedNames(1)).toEqual([chineseName(4)]);
    // Its retry answers the stored result (the held rows still held), sending nothing.
    expect(
      await register({
        organizations: [...organizations(3), organization(4)],
        requestKey: 'second-1',
      }),
    ).toEqual({ ...again, replayed: true });
    // Without a request key, only held rows: nothing to send, still no ESS call.
    expect(await register({ organizations: organizations(3) })).toEqual({
      ok: true,
      taskIds: [],
      errorMessages: Array(3).fill(expect.stringMatching(HELD)),
      rowStatuses: Array(3).fill('unconfirmed'),
      replayed: false,
    });
    expect(createCalls()).toHaveLength(2);

    // Checked in the console: enterprise 2 is not registered (typed in lower case).
    const confirmed = await register({
      organizations: organizations(3),
      requestKey: 'third-1',
      confirmedNotSubmitted: [code(2).toLowerCase()],
    });
    expect(confirmed).toMatchObject({
      ok: true,
      taskIds: [expect.any(String)],
      rowStatuses: ['unconfirmed', 'submitted', 'unconfirmed'],
      errorMessages: [expect.stringMatching(HELD), '', expect.stringMatching(HELD)],
    });
    expect(createCalls()).toHaveLength(3);
    expect(submittedNames(2)).toEqual([chineseName(2)]);
    // Submitted: no longer held. The others still are.
    expect(await heldCodes()).toEqual(
      [1, 3].map((n) => `${OPERATOR}:${code(n)}:unconfirmed`).sort(),
    );

    // Per operator: another operator's submission of the same enterprises is sent.
    const theirs = await register({ organizations: [organization(1)] }, OTHER_OPERATOR);
    expect(theirs).toMatchObject({ ok: true, rowStatuses: ['submitted'] });
    expect(createCalls()).toHaveLength(4);
    // Codes only: nothing personal at rest.
    expect(
      JSON.stringify([await h.storedDocuments(BATCHES), await h.storedDocuments(HELD_COLLECTION)]),
    ).not.toMatch(/王五|李四|13900139000|440305198501011231|模拟科技/);
  });

  it('a submission whose other rows ESS refuses still says which rows are held', async () => {
    await firstSubmissionTimesOut();
    h.emulator.injectFault({ action: CREATE, code: 'InvalidParameter', message: 'bad' });
    const result = await register({
      organizations: [organization(1), organization(5)],
      requestKey: 'refused-1',
    });
    expect(result).toMatchObject({
      ok: true,
      taskIds: [],
      rowStatuses: ['unconfirmed', 'failed'],
      errorMessages: [expect.stringMatching(HELD), expect.stringMatching(/未能受理/)],
    });
    expect(createCalls()).toHaveLength(2);
    expect(submittedNames(1)).toEqual([chineseName(5)]);
    // ESS answered (it did nothing): enterprise 5 is not held.
    expect(await heldCodes()).toEqual(
      [1, 2, 3].map((n) => `${OPERATOR}:${code(n)}:unconfirmed`).sort(),
    );
  });

  it('refuses a confirmedNotSubmitted that is not a list of valid credit codes (≤ 50)', async () => {
    const validCodes = Array.from({ length: 51 }, (_v, i) => code(i + 1));
    for (const confirmedNotSubmitted of [
      code(1),
      [code(1), 42],
      [withWrongCheckCharacter(code(1))],
      [''],
      validCodes,
    ]) {
      const result = await register({ organizations: organizations(1), confirmedNotSubmitted });
      expect(result).toMatchObject({
        ok: false,
        code: 'INVALID_INPUT',
        fieldErrors: { confirmedNotSubmitted: expect.stringMatching(/[\u4e00-\u9fa5]/) },
      });
      expect(result.message).toBe(result.fieldErrors.confirmedNotSubmitted);
    }
    expect(h.emulator.calls()).toHaveLength(0);
    // 50 valid codes are fine.
    expect(
      await register({
        organizations: organizations(1),
        confirmedNotSubmitted: validCodes.slice(1),
      }),
    ).toMatchObject({ ok: true, rowStatuses: ['submitted'] });
  });
});

describe('submitting', () => {
  it('splits 23 enterprises into ESS calls of 10, 10 and 3, normalised, in order', async () => {
    const rows = organizations(23).map((row) => ({
      ...row,
      superAdminMobile: '+86 139 0013 9000',
    }));
    const result = await register({ organizations: rows, endpoint: 'APP', batchAuthMethod: 1 });

    expect(result).toEqual({
      ok: true,
      taskIds: [expect.any(String), expect.any(String), expect.any(String)],
      errorMessages: Array(23).fill(''),
      rowStatuses: Array(23).fill('submitted'),
      replayed: false,
    });
    expect(new Set(result.taskIds).size).toBe(3);
    expect(createCalls().map((call) => call.errorCode)).toEqual([undefined, undefined, undefined]);
    // Each chunk took its turn from the pacer every instance shares.
    expect(Object.keys(await h.storedDocuments('ess_rate_slots'))).toContain(CREATE);
    expect([0, 1, 2].map((i) => submittedNames(i).length)).toEqual([10, 10, 3]);
    expect(submittedNames(2)).toEqual([21, 22, 23].map(chineseName));
    expect(createCalls()[0].params).toMatchObject({
      Endpoint: 'APP',
      BatchAuthMethod: 1,
      RegistrationOrganizations: expect.arrayContaining([
        {
          OrganizationName: chineseName(1),
          UniformSocialCreditCode: organization(1).uniformSocialCreditCode,
          LegalName: '李四',
          AdminName: '王五',
          AdminMobile: '13900139000',
          AdminIdCardType: 'ID_CARD',
          AdminIdCardNumber: SUPER_ADMIN_A.superAdminIdCardNumber,
          AuthorizationTypes: [2],
        },
      ]),
    });
    // Who owns each task is remembered; nothing personal is at rest.
    const tasks = await h.storedDocuments(TASKS);
    expect(result.taskIds.map((id: string) => tasks[id]?.owner)).toEqual([
      OPERATOR,
      OPERATOR,
      OPERATOR,
    ]);
    const stored = JSON.stringify([await h.storedDocuments(BATCHES), tasks]);
    expect(stored).not.toMatch(/王五|13900139000|440305198501011231|模拟科技/);
    expect(h.logs()).toContain(result.taskIds[2]);
    expect(h.logs()).not.toMatch(/王五|李四|13900139000|440305198501011231/);
  });

  it('answers a repeated request from the store without calling ESS again (replayed)', async () => {
    const rows = organizations(12);
    const first = await register({ organizations: rows });
    // The same enterprises, typed differently: the same request once normalised.
    const retyped = rows.map((row) => ({
      ...row,
      organizationName: ` ${row.organizationName} `,
      superAdminMobile: '139 0013 9000',
      uniformSocialCreditCode: row.uniformSocialCreditCode.toLowerCase(),
    }));
    const second = await register({ organizations: retyped });

    expect(first).toMatchObject({ ok: true, replayed: false });
    expect(second).toEqual({ ...first, replayed: true });
    expect(createCalls()).toHaveLength(2);
  });

  it('scopes a request to its caller: another admin submitting the same rows gets new tasks', async () => {
    const rows = organizations(3);
    const mine = await register({ organizations: rows });
    const theirs = await register({ organizations: rows }, OTHER_OPERATOR);
    expect(theirs).toMatchObject({ ok: true, replayed: false });
    expect(theirs.taskIds).not.toEqual(mine.taskIds);
    expect(createCalls()).toHaveLength(2);
  });

  it('keys by requestKey when given: same key answers stored, a new key is a new submission', async () => {
    const rows = organizations(2);
    const first = await register({ organizations: rows, requestKey: 'k-1' });
    expect(await register({ organizations: rows, requestKey: 'k-1' })).toEqual({
      ...first,
      replayed: true,
    });
    const reused = await register({ organizations: organizations(3), requestKey: 'k-1' });
    expect(reused).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(reused.message).toMatch(/提交编号已用于另一批企业/);
    expect(createCalls()).toHaveLength(1);

    const fresh = await register({ organizations: rows, requestKey: 'k-2' });
    expect(fresh).toMatchObject({ ok: true, replayed: false });
    expect(createCalls()).toHaveLength(2);
  });

  it('after a failed second chunk: answers the first chunk’s task, and a retry sends only the second', async () => {
    h.env.ESS_MAX_ATTEMPTS = '2';
    // The first call goes through (a zero delay), the second chunk fails on both attempts.
    h.emulator.injectFault({ action: CREATE, delayMs: 0 });
    h.emulator.injectFault({ action: CREATE, code: 'InternalError.System', times: 2 });
    const rows = organizations(15);

    const partial = await register({ organizations: rows, requestKey: 'partial-1' });
    const firstTaskId = Object.values(await h.storedDocuments(BATCHES))[0].chunks[0].taskId;
    // The accepted task is not hidden by the failure after it.
    expect(partial).toEqual({
      ok: true,
      taskIds: [firstTaskId],
      errorMessages: [
        ...Array(10).fill(''),
        ...Array(5).fill(expect.stringMatching(/已提交的企业不会重复提交/)),
      ],
      rowStatuses: [...Array(10).fill('submitted'), ...Array(5).fill('failed')],
      replayed: false,
    });
    expect(createCalls().map((call) => call.errorCode ?? 'ok')).toEqual([
      'ok',
      'InternalError.System',
      'InternalError.System',
    ]);
    expect((await h.storedDocuments(TASKS))[firstTaskId]).toMatchObject({ owner: OPERATOR });
    // Done: the batch is not held by anyone.
    expect(Object.values(await h.storedDocuments(BATCHES))[0].lease).toBeUndefined();

    const retried = await register({ organizations: rows, requestKey: 'partial-1' });
    expect(retried).toMatchObject({
      ok: true,
      replayed: false,
      rowStatuses: Array(15).fill('submitted'),
    });
    expect(retried.taskIds).toHaveLength(2);
    expect(retried.taskIds[0]).toBe(firstTaskId);
    expect(createCalls()).toHaveLength(4);
    expect(submittedNames(3)).toEqual([11, 12, 13, 14, 15].map(chineseName));
  });

  it('a chunk ESS rejects does not hide the tasks before it; the chunks after it are not sent', async () => {
    h.emulator.injectFault({ action: CREATE, delayMs: 0 });
    h.emulator.injectFault({ action: CREATE, code: 'InvalidParameter', message: 'bad' });
    const result = await register({ organizations: organizations(25) });
    expect(result).toMatchObject({
      ok: true,
      taskIds: [expect.any(String)],
      rowStatuses: [...Array(10).fill('submitted'), ...Array(15).fill('failed')],
    });
    expect(result.errorMessages[10]).toMatch(/腾讯电子签未能受理这批企业/);
    expect(result.errorMessages[20]).toMatch(/尚未发送给腾讯电子签/);
    expect(createCalls()).toHaveLength(2);
  });

  it('never sends a chunk again after a time-out (ESS may have created it); the rest goes on', async () => {
    h.env.ESS_REQUEST_TIMEOUT_MS = '1000';
    h.emulator.injectFault({ action: CREATE, delayMs: 1200 });
    const rows = organizations(13);

    const first = await register({ organizations: rows, requestKey: 'slow-1' });
    // Not a failure: enterprises 1–10 may well be registered, 11–13 were not sent.
    expect(first).toEqual({
      ok: true,
      taskIds: [],
      errorMessages: [
        ...Array(10).fill(expect.stringMatching(/可能已提交成功.*请到腾讯电子签控制台核对/)),
        ...Array(3).fill(expect.stringMatching(/尚未发送给腾讯电子签/)),
      ],
      rowStatuses: [...Array(10).fill('unconfirmed'), ...Array(3).fill('failed')],
      replayed: false,
    });
    // The emulator answers (and records) the call once its delay is over: ESS did create the
    // task. One request only, though time-outs are otherwise retried (ESS_MAX_ATTEMPTS is 3).
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(createCalls().map((call) => call.errorCode ?? 'created')).toEqual(['created']);

    // Tapped again with the same rows and key: only the chunk never sent goes to ESS.
    const retried = await register({ organizations: rows, requestKey: 'slow-1' });
    expect(retried).toMatchObject({ ok: true, replayed: false, taskIds: [expect.any(String)] });
    expect(retried.rowStatuses).toEqual([
      ...Array(10).fill('unconfirmed'),
      ...Array(3).fill('submitted'),
    ]);
    expect(retried.errorMessages.slice(9)).toEqual([
      expect.stringMatching(/可能已提交成功.*请到腾讯电子签控制台核对/),
      '',
      '',
      '',
    ]);
    expect(createCalls()).toHaveLength(2);
    expect(submittedNames(1)).toEqual([11, 12, 13].map(chineseName));
    // And again: the stored answer, enterprises 1–10 still not sent a second time.
    expect(await register({ organizations: rows, requestKey: 'slow-1' })).toEqual({
      ...retried,
      replayed: true,
    });
    expect(createCalls()).toHaveLength(2);
  });

  it('after a time-out the page sends only the rows not sent, under a new key: none twice', async () => {
    h.env.ESS_REQUEST_TIMEOUT_MS = '1000';
    h.emulator.injectFault({ action: CREATE, delayMs: 1200 });
    const rows = organizations(13);
    const first = await register({ organizations: rows, requestKey: 'page-1' });
    const statuses: string[] = first.rowStatuses;
    // What the enterprises page sends next: the rows that may be sent again (not `unconfirmed`).
    const resend = rows.filter((_row, index) => statuses[index] === 'failed');
    const second = await register({ organizations: resend, requestKey: 'page-2' });
    expect(second).toMatchObject({
      ok: true,
      rowStatuses: ['submitted', 'submitted', 'submitted'],
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Each enterprise reached ESS exactly once (the slow call is recorded when it ends).
    const names = createCalls().flatMap((_call, index) => submittedNames(index));
    expect(names.sort()).toEqual(Array.from({ length: 13 }, (_v, i) => chineseName(i + 1)).sort());
  });

  it('does not retry InvalidParameter, and lets the operator submit again', async () => {
    h.emulator.injectFault({ action: CREATE, code: 'InvalidParameter', message: 'bad' });
    const rows = organizations(2);
    const result = await register({ organizations: rows });
    expect(result).toMatchObject({ ok: false, code: 'ESS_REJECTED' });
    expect(result.message).toMatch(/统一社会信用代码/);
    expect(createCalls()).toHaveLength(1);
    // ESS answered: it did nothing, so the same request is sent again.
    expect(await register({ organizations: rows })).toMatchObject({ ok: true, replayed: false });
    expect(createCalls()).toHaveLength(2);
  });

  it('answers CONFIG_ERROR when configuration is missing, without calling ESS', async () => {
    delete h.env.ESS_SECRET_KEY;
    const result = await register({ organizations: organizations(1) });
    expect(result).toMatchObject({ ok: false, code: 'CONFIG_ERROR' });
    expect(result.message).toMatch(/企业认证服务/);
    expect(h.emulator.calls()).toHaveLength(0);
  });
});

describe('the super admin by link mode, and subsidiaries', () => {
  const withoutSuperAdmin = (n: number) => {
    const { superAdminName: _name, superAdminMobile: _mobile, ...row } = organization(n);
    return row;
  };

  it('a link per enterprise takes rows naming no super admin: ESS gets no AdminName/AdminMobile', async () => {
    const result = await register({ organizations: [withoutSuperAdmin(1)], batchAuthMethod: 0 });
    expect(result).toMatchObject({ ok: true, rowStatuses: ['submitted'] });
    const [sent] = createCalls()[0].params.RegistrationOrganizations as Record<string, unknown>[];
    expect(sent).not.toHaveProperty('AdminName');
    expect(sent).not.toHaveProperty('AdminMobile');
  });

  it('one combined link needs every row’s super admin: refused by row, nothing sent', async () => {
    const result = await register({
      organizations: [organization(1), withoutSuperAdmin(2)],
      batchAuthMethod: 1,
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      rowErrors: [
        { index: 1, fields: { superAdminName: '请输入姓名', superAdminMobile: '请输入手机号' } },
      ],
    });
    expect(createCalls()).toHaveLength(0);
  });

  it('registers for a subsidiary (Agent.ProxyOrganizationId) and reads the links for it too', async () => {
    // Tasks ready after 100 ms (instead of ESS's 3 s) so that their links are read here.
    await h.close();
    h = await startOrganizationHarness({ taskReadyDelayMs: 100 });
    const proxyOrganizationId = 'yDxSubsidiary0001';
    const created = await register({ organizations: organizations(2), proxyOrganizationId });
    expect(created).toMatchObject({ ok: true, rowStatuses: ['submitted', 'submitted'] });
    expect(createCalls()[0].params.Agent).toEqual({ ProxyOrganizationId: proxyOrganizationId });
    expect((await h.storedDocuments(TASKS))[created.taskIds[0]]).toMatchObject({
      proxyOrganizationId,
    });

    // The page asks with the task id only: the server sends the subsidiary remembered with it.
    const ready = await waitForLinks(h, created.taskIds[0]);
    expect(ready).toMatchObject({ ok: true, ready: true, proxyOrganizationId });
    const describes = h.emulator.calls('DescribeBatchOrganizationRegistrationUrls');
    expect(describes.every((call) => call.errorCode !== 'InvalidParameterValue')).toBe(true);
    expect(describes.map((call) => call.params.Agent)).toEqual(
      describes.map(() => ({ ProxyOrganizationId: proxyOrganizationId })),
    );
    // Another subsidiary's id is refused without ESS.
    const before = describes.length;
    expect(
      await asOperator(h, DESCRIBE, {
        taskId: created.taskIds[0],
        proxyOrganizationId: 'yDxOther',
      }),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(h.emulator.calls('DescribeBatchOrganizationRegistrationUrls')).toHaveLength(before);

    // The same rows for no subsidiary are another submission.
    expect(await register({ organizations: organizations(2) })).toMatchObject({ replayed: false });
    expect(createCalls()).toHaveLength(2);
  });

  it('refuses a malformed subsidiary id by field, without ESS', async () => {
    const result = await register({
      organizations: organizations(1),
      proxyOrganizationId: 'not an id!',
    });
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      fieldErrors: { proxyOrganizationId: expect.stringMatching(/子企业组织ID/) },
    });
    expect(createCalls()).toHaveLength(0);
  });
});
