/** The admin pages' services and pure helpers, below the pages. */
import Taro from '@tarojs/taro';
import { draftsFromTable, toRowInput } from '../../src/admin/lib/organizationDrafts';
import { parseTableText } from '../../src/admin/lib/tableText';
import { checkOrganizationRow } from '../../src/domain/organizationInput';
import { ERROR_MESSAGES } from '../../src/domain/errors';
import {
  POLL_SCHEDULE,
  checkOperatorAccess,
  newRequestKey,
  pendingTasks,
  pollDelay,
  pollRegistrationUrls,
  type TaskStatus,
} from '../../src/services/organizations';
import {
  MAX_REMEMBERED_TASKS,
  REGISTRATION_LINK_LIFETIME_MS,
  addSubmission,
  forgetRegistration,
  recallRegistration,
  rememberRegistration,
} from '../../src/services/registrationHistory';
import {
  outcomeNotice,
  countStatuses,
  rowStatusesOf,
} from '../../src/admin/lib/registrationOutcome';
import { ORGS, callsTo, mockAdminCloud, mocked, readyRow } from './adminSupport';

describe('pollRegistrationUrls', () => {
  /** A clock moved only by the injected sleep. */
  function fakeClock() {
    let now = 0;
    const waits: number[] = [];
    return {
      now: () => now,
      sleep: async (ms: number) => {
        waits.push(ms);
        now += ms;
      },
      waits,
    };
  }

  it('backs off 1 s, 1.5 s, 2.25 s … capped at 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((attempt) => pollDelay(attempt))).toEqual([
      1000, 1500, 2250, 3375, 5000, 5000, 5000,
    ]);
  });

  it('asks until every task is ready, never again about a ready one', async () => {
    const clock = fakeClock();
    let round = 0;
    mockAdminCloud({
      describeBatchOrganizationRegistrationUrls: ({ taskId }) => {
        if (taskId === 'a' && round >= 1) return { ok: true, ready: true, rows: [readyRow(0)] };
        if (taskId === 'b' && round >= 3) return { ok: true, ready: true, rows: [readyRow(1)] };
        return { ok: true, ready: false };
      },
    });
    const updates: TaskStatus[][] = [];
    const outcome = await pollRegistrationUrls(pendingTasks(['a', 'b']), {
      ...clock,
      sleep: async (ms) => {
        round += 1;
        await clock.sleep(ms);
      },
      onUpdate: (tasks) => updates.push(tasks),
    });
    expect(outcome).toEqual({
      kind: 'settled',
      tasks: [
        { taskId: 'a', state: 'ready', rows: [readyRow(0)] },
        { taskId: 'b', state: 'ready', rows: [readyRow(1)] },
      ],
    });
    expect(clock.waits).toEqual([1000, 1500, 2250]);
    expect(callsTo('describeBatchOrganizationRegistrationUrls').map((d) => d.taskId)).toEqual([
      'a',
      'b',
      'a',
      'b',
      'b',
      'b',
    ]);
    expect(updates).toHaveLength(4);
  });

  it('keeps asking through transient failures, stops on a lasting one', async () => {
    const clock = fakeClock();
    let calls = 0;
    mockAdminCloud({
      describeBatchOrganizationRegistrationUrls: ({ taskId }) => {
        calls += 1;
        if (taskId === 'gone') {
          return { ok: false, code: 'TASK_NOT_FOUND', message: ERROR_MESSAGES.TASK_NOT_FOUND };
        }
        return calls < 4
          ? { ok: false, code: 'ESS_UNAVAILABLE', message: ERROR_MESSAGES.ESS_UNAVAILABLE }
          : { ok: true, ready: true, rows: [] };
      },
    });
    const outcome = await pollRegistrationUrls(pendingTasks(['slow', 'gone']), clock);
    expect(outcome).toEqual({
      kind: 'settled',
      tasks: [
        { taskId: 'slow', state: 'ready', rows: [] },
        {
          taskId: 'gone',
          state: 'failed',
          code: 'TASK_NOT_FOUND',
          message: ERROR_MESSAGES.TASK_NOT_FOUND,
        },
      ],
    });
  });

  it.each(['QUEUED', 'RATE_LIMITED', 'NETWORK'] as const)(
    'keeps asking after %s (the next round may well go through)',
    async (code) => {
      const clock = fakeClock();
      let calls = 0;
      mockAdminCloud({
        describeBatchOrganizationRegistrationUrls: () =>
          (calls += 1) < 2
            ? { ok: false, code, message: ERROR_MESSAGES[code], retryAfterMs: 1000 }
            : { ok: true, ready: true, rows: [] },
      });
      const outcome = await pollRegistrationUrls(pendingTasks(['a']), clock);
      expect(outcome).toEqual({
        kind: 'settled',
        tasks: [{ taskId: 'a', state: 'ready', rows: [] }],
      });
    },
  );

  it('gives up after about two minutes, leaving the tasks pending', async () => {
    const clock = fakeClock();
    mockAdminCloud({
      describeBatchOrganizationRegistrationUrls: () => ({ ok: true, ready: false }),
    });
    const outcome = await pollRegistrationUrls(pendingTasks(['a']), clock);
    expect(outcome).toEqual({ kind: 'timedOut', tasks: [{ taskId: 'a', state: 'pending' }] });
    const waited = clock.waits.reduce((sum, ms) => sum + ms, 0);
    expect(waited).toBeLessThanOrEqual(POLL_SCHEDULE.giveUpAfterMs);
    expect(waited).toBeGreaterThan(POLL_SCHEDULE.giveUpAfterMs - POLL_SCHEDULE.maxDelayMs);
  });

  it('stops quietly once cancelled', async () => {
    const clock = fakeClock();
    mockAdminCloud({
      describeBatchOrganizationRegistrationUrls: () => ({ ok: true, ready: false }),
    });
    const onUpdate = jest.fn();
    const outcome = await pollRegistrationUrls(pendingTasks(['a']), {
      ...clock,
      onUpdate,
      isCancelled: () => clock.waits.length >= 2,
    });
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect(onUpdate).toHaveBeenCalledTimes(2);
  });
});

describe('checkOperatorAccess', () => {
  it.each([
    [{ ok: true }, 'allowed'],
    [{ ok: false, code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN }, 'forbidden'],
    [{ ok: false, code: 'NETWORK', message: ERROR_MESSAGES.NETWORK }, 'unknown'],
    // Whatever else a server answers is not taken as access either way.
    [{ ok: false, code: 'INVALID_INPUT', message: '请提供正确的认证任务编号' }, 'unknown'],
  ] as const)('answers %j as %s', async (answer, expected) => {
    mockAdminCloud({ checkOperatorAccess: () => answer });
    expect(await checkOperatorAccess()).toBe(expected);
    expect(callsTo('checkOperatorAccess')).toEqual([{}]);
    expect(callsTo('describeBatchOrganizationRegistrationUrls')).toEqual([]);
  });
});

describe('newRequestKey', () => {
  it('is 32 hex characters, different every time, with or without Web Crypto', () => {
    const keys = new Set(Array.from({ length: 50 }, newRequestKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);

    const original = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      expect(newRequestKey()).toMatch(/^[0-9a-f]{32}$/);
      expect(newRequestKey()).not.toBe(newRequestKey());
    } finally {
      if (original) Object.defineProperty(globalThis, 'crypto', original);
    }
  });
});

describe('registration history', () => {
  it('stores exactly the task ids and names, and reads them back', () => {
    rememberRegistration({
      submittedAt: 1_700_000_000_000,
      taskIds: ['t1'],
      organizationNames: ['甲公司'],
      ...({ superAdminMobile: '13900139000' } as object),
    });
    const [[key, value]] = mocked.setStorageSync.mock.calls;
    expect(key).toBe('essAdmin.lastRegistration.v1');
    expect(JSON.parse(value)).toEqual({
      submittedAt: 1_700_000_000_000,
      taskIds: ['t1'],
      organizationNames: ['甲公司'],
    });
    expect(recallRegistration()).toEqual(JSON.parse(value));
    forgetRegistration();
    expect(recallRegistration()).toBeNull();
  });

  it.each([
    '',
    'not json',
    '{"submittedAt":1,"taskIds":[],"organizationNames":[]}',
    '{"taskIds":[1]}',
  ])('reads %j as nothing remembered', (stored) => {
    Taro.setStorageSync('essAdmin.lastRegistration.v1', stored);
    expect(recallRegistration()).toBeNull();
  });

  it('adds a submission to the recent one, so that no accepted task is forgotten', () => {
    const first = { submittedAt: 1_000, taskIds: ['t1'], organizationNames: ['甲公司', '乙公司'] };
    const next = { submittedAt: 5_000, taskIds: ['t2'], organizationNames: ['丙公司'] };
    expect(addSubmission(null, next)).toEqual(next);
    expect(addSubmission(first, next)).toEqual({
      submittedAt: 1_000,
      taskIds: ['t1', 't2'],
      organizationNames: ['甲公司', '乙公司', '丙公司'],
    });
    // A replayed answer (the same tasks) adds nothing.
    expect(addSubmission(first, { ...first, submittedAt: 9_000 })).toBe(first);
    // Links of the first have expired: start afresh.
    const later = { ...next, submittedAt: first.submittedAt + REGISTRATION_LINK_LIFETIME_MS };
    expect(addSubmission(first, later)).toEqual(later);
    // Too many tasks to follow: start afresh.
    const many = {
      submittedAt: 1_000,
      taskIds: Array.from({ length: MAX_REMEMBERED_TASKS }, (_, i) => `t${i}`),
      organizationNames: [],
    };
    expect(addSubmission(many, next)).toEqual(next);
  });

  it('keeps working when storage throws', () => {
    mocked.setStorageSync.mockImplementation(() => {
      throw new Error('quota');
    });
    mocked.getStorageSync.mockImplementation(() => {
      throw new Error('unavailable');
    });
    expect(() =>
      rememberRegistration({ submittedAt: 1, taskIds: ['t'], organizationNames: [] }),
    ).not.toThrow();
    expect(recallRegistration()).toBeNull();
  });
});

describe('registration outcome', () => {
  it('takes the server’s row statuses; an answer without them is read safely, never its text', () => {
    expect(
      rowStatusesOf(
        {
          ok: true,
          taskIds: [],
          errorMessages: ['x', 'y'],
          rowStatuses: ['failed', 'unconfirmed'],
        },
        2,
      ),
    ).toEqual(['failed', 'unconfirmed']);
    // A server older than the contract: a row with any message may have been sent, so it is held
    // for the console, whatever the message says.
    const older = {
      ok: true,
      taskIds: ['t'],
      errorMessages: ['', '企业三要素不通过', '……可能已提交成功……'],
    } as unknown as Parameters<typeof rowStatusesOf>[0];
    expect(rowStatusesOf(older, 3)).toEqual(['submitted', 'unconfirmed', 'unconfirmed']);
  });

  it('says nothing when every enterprise was taken, else what to do about each kind', () => {
    expect(outcomeNotice(countStatuses(['submitted', 'submitted']))).toBeNull();
    expect(outcomeNotice(countStatuses(['submitted', 'refused', 'failed', 'unconfirmed']))).toBe(
      '有 1 家企业未被腾讯电子签受理，请按提示修改后重新提交；有 1 家企业尚未提交，已留在下方，可直接再次提交；有 1 家企业没有收到腾讯电子签的答复，可能已提交成功：请到腾讯电子签控制台核对，确认未提交后才能重新提交；其余 1 家企业已提交。',
    );
  });
});

describe('pasted tables', () => {
  it('reads Excel cells: CRLF lines, quoted cells with tabs, line breaks and quotes', () => {
    const text = 'A\t"B\twith tab"\t"line\r\nbreak"\r\n\r\n"say ""hi"""\t 　x　 \t\r\n';
    expect(parseTableText(text)).toEqual([
      ['A', 'B\twith tab', 'line\nbreak'],
      ['say "hi"', 'x', ''],
    ]);
  });

  it('maps columns by their headers, in any order, with common aliases', () => {
    const table = [
      ['超管手机号', '企业名称*', '信用代码', '法人', '超管姓名', '证件类型', '授权方式'],
      ['13900139000', '甲公司', ORGS[0].uniformSocialCreditCode, '李四', '王五', '港澳通行证', '2'],
    ];
    const [draft] = draftsFromTable(table);
    expect(draft.values).toEqual({
      organizationName: '甲公司',
      uniformSocialCreditCode: ORGS[0].uniformSocialCreditCode,
      legalName: '李四',
      address: '',
      superAdminName: '王五',
      superAdminMobile: '13900139000',
      superAdminIdCardType: 'HONGKONG_AND_MACAO',
      superAdminIdCardNumber: '',
      authorizationTypes: '2',
    });
  });

  it('leaves unknown choices for the shared validator to name', () => {
    const [draft] = draftsFromTable([
      [
        '甲公司',
        ORGS[0].uniformSocialCreditCode,
        '李四',
        '',
        '王五',
        '13900139000',
        '护照',
        '',
        '刷脸',
      ],
    ]);
    const check = checkOrganizationRow(toRowInput(draft.values));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.fields.superAdminIdCardType).toMatch(/^证件类型只能是/);
    expect(check.fields.authorizationTypes).toMatch(/^授权方式只能是/);
  });

  it('sends empty optional choices as absent (ESS defaults)', () => {
    const [draft] = draftsFromTable([
      ['甲公司', ORGS[0].uniformSocialCreditCode, '李四', '', '王五', '13900139000'],
    ]);
    const check = checkOrganizationRow(toRowInput(draft.values));
    expect(check).toEqual({
      ok: true,
      value: {
        organizationName: '甲公司',
        uniformSocialCreditCode: ORGS[0].uniformSocialCreditCode,
        legalName: '李四',
        superAdminName: '王五',
        superAdminMobile: '13900139000',
        superAdminIdCardType: 'ID_CARD',
      },
    });
  });
});
