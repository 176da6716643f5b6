import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import EnterprisesPage from '../../src/admin/pages/enterprises';
import { checkUniformSocialCreditCode } from '../../src/domain/creditCode';
import { ERROR_MESSAGES } from '../../src/domain/errors';
import type {
  CreateBatchOrganizationRegistrationTasksResult,
  RegistrationRowStatus,
} from '../../src/domain/organizationContract';
import {
  FORBIDDEN,
  ORGS,
  advance,
  callsTo,
  card,
  cardLine,
  inCard,
  mockAdminCloud,
  mocked,
  organizationRow,
  organizationRows,
  paste,
  privacyNotYetAgreed,
  readyRow,
  spreadsheetText,
  submitButton,
  withWrongCheckChar,
  shown,
  submittedNotYetReady,
} from './adminSupport';

const STORAGE_KEY = 'essAdmin.lastRegistration.v1';

/** The rows as the server receives them: normalised, optional choices as ESS lists. */
const SENT = ORGS.map((org) => ({
  ...org,
  superAdminIdCardType: 'ID_CARD',
  authorizationTypes: [2],
}));

async function renderPage() {
  const view = render(<EnterprisesPage />);
  await screen.findByLabelText('粘贴表格内容');
  return view;
}

async function renderWithPastedRows(rows: ReadonlyArray<Record<string, string>> = ORGS) {
  const view = await renderPage();
  paste(spreadsheetText(rows));
  return view;
}

function storedRegistration(): Record<string, unknown> | null {
  const raw = mocked.setStorageSync.mock.calls.filter(([key]) => key === STORAGE_KEY).pop()?.[1];
  return raw ? JSON.parse(raw) : null;
}

afterEach(() => {
  jest.useRealTimers();
});

describe('enterprises page: entering rows', () => {
  it('asks the server whether this user is an operator, then shows an empty row to fill', async () => {
    mockAdminCloud({});
    await renderPage();
    // The dedicated check, once: no describe of a task that does not exist.
    expect(callsTo('checkOperatorAccess')).toEqual([{}]);
    expect(callsTo('describeBatchOrganizationRegistrationUrls')).toEqual([]);
    expect(screen.getByText(shown('企业批量认证'))).toBeInTheDocument();
    expect(screen.getByLabelText('企业名称')).toHaveValue('');
    expect(screen.getByLabelText('统一社会信用代码')).toHaveValue('');
    expect(submitButton()).toHaveTextContent('提交 0 家企业');
    expect(submitButton()).toBeDisabled();
  });

  it('turns a pasted spreadsheet (with its header line) into one card per enterprise', async () => {
    mockAdminCloud({});
    await renderWithPastedRows();
    expect(screen.getByText(shown('已添加 2 家企业，请核对下方的信息'))).toBeInTheDocument();
    expect(inCard(1).getByText(shown(ORGS[0].organizationName))).toBeInTheDocument();
    expect(inCard(1).getByText(shown(ORGS[0].uniformSocialCreditCode))).toBeInTheDocument();
    expect(inCard(2).getByText(shown(ORGS[1].organizationName))).toBeInTheDocument();
    expect(inCard(2).getByText(shown('赵六'))).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: '第3家企业' })).not.toBeInTheDocument();
    expect(submitButton()).toHaveTextContent('提交 2 家企业');
    expect(screen.getByLabelText('粘贴表格内容')).toHaveValue('');
  });

  it('reads rows without a header line in the documented column order', async () => {
    mockAdminCloud({});
    await renderPage();
    paste(spreadsheetText([ORGS[1]], false));
    expect(inCard(1).getByText(shown(ORGS[1].organizationName))).toBeInTheDocument();
    expect(inCard(1).getByText(shown(ORGS[1].uniformSocialCreditCode))).toBeInTheDocument();
  });

  it('says so when the pasted text holds no rows (only a header line)', async () => {
    mockAdminCloud({});
    await renderPage();
    paste('企业名称\t统一社会信用代码\t法定代表人\r\n');
    expect(screen.getByText(shown(/没有识别到企业信息/))).toBeInTheDocument();
  });

  it('shows the shared validation message on the row with a bad credit code, until fixed', async () => {
    mockAdminCloud({});
    const bad = withWrongCheckChar(ORGS[1].uniformSocialCreditCode);
    const expected = checkUniformSocialCreditCode(bad);
    if (expected.ok) throw new Error('fixture: the code should be invalid');

    await renderWithPastedRows([ORGS[0], { ...ORGS[1], uniformSocialCreditCode: bad }]);
    // Under the line it is about, once: the message names the field, so no label is repeated.
    const line = cardLine(2, '统一社会信用代码');
    expect(within(line).getByText(shown(expected.message))).toHaveClass('org-card__error');
    expect(within(line).getByText(shown(bad))).toBeInTheDocument();
    expect(inCard(2).getAllByText(shown(/统一社会信用代码/))).toHaveLength(2);
    expect(inCard(1).queryByText(shown(expected.message))).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '修改第2家企业' }));
    const input = screen.getByLabelText('统一社会信用代码');
    expect(input).toHaveValue(bad);
    expect(inCard(2).getByText(shown(expected.message))).toHaveClass('form-field__error');
    fireEvent.change(input, { target: { value: ORGS[1].uniformSocialCreditCode } });
    expect(inCard(2).queryByText(shown(expected.message))).not.toBeInTheDocument();
  });

  it('does not submit invalid rows: it reveals every message and says how many rows to fix', async () => {
    mockAdminCloud({});
    await renderWithPastedRows([ORGS[0], { ...ORGS[1], superAdminMobile: '1390013900' }]);
    fireEvent.click(submitButton());
    expect(
      screen.getByText(shown('有 1 家企业的信息需要修改，请按提示修改后再提交')),
    ).toBeInTheDocument();
    expect(within(cardLine(2, '超管')).getByText(shown('请输入11位手机号'))).toBeInTheDocument();
    expect(callsTo('createBatchOrganizationRegistrationTasks')).toHaveLength(0);
  });

  it('adds and removes rows by hand', async () => {
    mockAdminCloud({});
    await renderWithPastedRows();
    fireEvent.click(screen.getByRole('button', { name: '+ 添加一家企业' }));
    expect(card(3)).toBeInTheDocument();
    expect(screen.getByLabelText('企业名称')).toHaveValue('');
    fireEvent.click(screen.getByRole('button', { name: '删除第1家企业' }));
    expect(inCard(1).getByText(shown(ORGS[1].organizationName))).toBeInTheDocument();
    // The blank row is not submitted.
    expect(submitButton()).toHaveTextContent('提交 1 家企业');
  });
});

describe('enterprises page: submitting', () => {
  it('calls createBatchOrganizationRegistrationTasks with the rows, the options and a request key', async () => {
    mockAdminCloud(submittedNotYetReady());
    await renderWithPastedRows();
    fireEvent.click(screen.getByRole('radio', { name: '链接类型：手机网页短链' }));
    fireEvent.click(screen.getByRole('radio', { name: '链接方式：合并为一个链接' }));
    fireEvent.click(submitButton());

    const [sent] = callsTo('createBatchOrganizationRegistrationTasks');
    expect(sent).toEqual({
      organizations: SENT,
      endpoint: 'SHORT_H5',
      batchAuthMethod: 1,
      requestKey: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(await screen.findByText(shown('已提交的企业'))).toBeInTheDocument();
  });

  it('sends the same request key when the same rows are retried after a network failure', async () => {
    mockAdminCloud({});
    mocked.cloud.callFunction.mockImplementation(async ({ name }: { name: string }) => {
      if (name === 'createBatchOrganizationRegistrationTasks') {
        throw { errMsg: 'cloud.callFunction:fail network error' };
      }
      return { result: { ok: true, ready: false } };
    });
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    expect(await screen.findByText(shown(ERROR_MESSAGES.NETWORK))).toBeInTheDocument();
    // Everything typed is still there.
    expect(inCard(2).getByText(shown(ORGS[1].organizationName))).toBeInTheDocument();

    fireEvent.click(submitButton());
    await waitFor(() =>
      expect(callsTo('createBatchOrganizationRegistrationTasks')).toHaveLength(2),
    );
    const [first, retry] = callsTo('createBatchOrganizationRegistrationTasks');
    expect(retry.requestKey).toBe(first.requestKey);
    expect(retry.organizations).toEqual(first.organizations);

    // Changed rows are another submission: a new key.
    fireEvent.click(screen.getByRole('button', { name: '删除第2家企业' }));
    await waitFor(() => expect(submitButton()).toBeEnabled());
    fireEvent.click(submitButton());
    await waitFor(() =>
      expect(callsTo('createBatchOrganizationRegistrationTasks')).toHaveLength(3),
    );
    expect(callsTo('createBatchOrganizationRegistrationTasks')[2].requestKey).not.toBe(
      first.requestKey,
    );
  });

  it('ignores a second tap while the submission is under way', async () => {
    let answer: (value: unknown) => void = () => undefined;
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () =>
        new Promise((resolve) => (answer = resolve)) as never,
    });
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    fireEvent.click(submitButton());
    expect(submitButton()).toHaveTextContent('正在提交…');
    expect(callsTo('createBatchOrganizationRegistrationTasks')).toHaveLength(1);
    await act(async () =>
      answer({ ok: false, code: 'ESS_TIMEOUT', message: ERROR_MESSAGES.ESS_TIMEOUT }),
    );
  });

  it("puts the server's row errors on the right row and field", async () => {
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () => ({
        ok: false,
        code: 'INVALID_INPUT',
        message: ERROR_MESSAGES.INVALID_INPUT,
        rowErrors: [{ index: 1, fields: { legalName: '法定代表人与工商登记不一致' } }],
      }),
    });
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    expect(await screen.findByText(shown(ERROR_MESSAGES.INVALID_INPUT))).toBeInTheDocument();
    expect(
      within(cardLine(2, '法定代表人')).getByText(shown('法定代表人与工商登记不一致')),
    ).toBeInTheDocument();
    expect(inCard(1).queryByText(shown('法定代表人与工商登记不一致'))).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '修改第2家企业' }));
    fireEvent.change(screen.getByLabelText('法定代表人'), { target: { value: '钱七' } });
    expect(screen.queryByText(shown('法定代表人与工商登记不一致'))).not.toBeInTheDocument();
  });

  it('keeps the rows ESS refused, with its message, and follows the others', async () => {
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () => ({
        ok: true,
        taskIds: ['task-1'],
        errorMessages: ['', '该企业已完成认证，无需重复认证'],
        rowStatuses: ['submitted', 'refused'],
      }),
      describeBatchOrganizationRegistrationUrls: () => ({ ok: true, ready: false }),
    });
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    expect(await screen.findByText(shown(/有 1 家企业未被腾讯电子签受理/))).toBeInTheDocument();
    expect(inCard(1).getByText(shown(ORGS[1].organizationName))).toBeInTheDocument();
    expect(inCard(1).getByText(shown('该企业已完成认证，无需重复认证'))).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: '第2家企业' })).not.toBeInTheDocument();
    expect(storedRegistration()).toMatchObject({
      taskIds: ['task-1'],
      organizationNames: [ORGS[0].organizationName],
    });
  });

  it('shows the FORBIDDEN message when the server refuses the submission', async () => {
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () => FORBIDDEN,
    });
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    expect(await screen.findByText(shown('你没有权限进行此操作'))).toBeInTheDocument();
    expect(screen.queryByLabelText('粘贴表格内容')).not.toBeInTheDocument();
  });
});

describe('enterprises page: submissions ESS only partly took', () => {
  const registrations = () => callsTo('createBatchOrganizationRegistrationTasks');
  const sentNames = (call: number) =>
    registrations()[call].organizations.map(
      (org: { organizationName: string }) => org.organizationName,
    );
  const names = (from: number, to: number) =>
    organizationRows(to)
      .slice(from - 1)
      .map((org) => org.organizationName);
  const UNCONFIRMED =
    '上次提交没有收到腾讯电子签的答复，可能已提交成功，为避免重复提交未再提交：请到腾讯电子签控制台核对，确未提交的请作为新的提交重新发起';
  const NOT_SENT =
    '前面的企业未能提交，本企业尚未发送给腾讯电子签，可直接再次提交（已提交的企业不会重复提交）';

  /** Answers the registration calls in turn; polling says "not ready". */
  function answerInTurn(...answers: CreateBatchOrganizationRegistrationTasksResult[]) {
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () => answers.shift() ?? answers[0],
      describeBatchOrganizationRegistrationUrls: () => ({ ok: true, ready: false }),
    });
  }

  it('keeps the request key after SUBMISSION_UNCONFIRMED: a re-tap lets the server send only what is left', async () => {
    answerInTurn(
      {
        ok: false,
        code: 'SUBMISSION_UNCONFIRMED',
        message: `第1–10家企业：${ERROR_MESSAGES.SUBMISSION_UNCONFIRMED}`,
      },
      {
        ok: true,
        taskIds: ['task-2'],
        errorMessages: [...Array(10).fill(UNCONFIRMED), '', '', ''],
        rowStatuses: [...Array(10).fill('unconfirmed'), 'submitted', 'submitted', 'submitted'],
      },
    );
    await renderWithPastedRows(organizationRows(13));
    fireEvent.click(submitButton());
    expect(
      await screen.findByText(shown(/第1–10家企业：没有收到腾讯电子签的答复/)),
    ).toBeInTheDocument();

    fireEvent.click(submitButton());
    await waitFor(() => expect(registrations()).toHaveLength(2));
    const [first, retry] = registrations();
    expect(retry.requestKey).toBe(first.requestKey);
    expect(retry.organizations).toEqual(first.organizations);
  });

  it('holds back rows sent without an answer: only the others are sent again, until the operator confirms', async () => {
    answerInTurn(
      {
        ok: true,
        taskIds: [],
        errorMessages: [...Array(10).fill(UNCONFIRMED), ...Array(3).fill(NOT_SENT)],
        rowStatuses: [...Array(10).fill('unconfirmed'), ...Array(3).fill('failed')],
        replayed: false,
      },
      {
        ok: true,
        taskIds: ['task-2'],
        errorMessages: ['', '', ''],
        rowStatuses: ['submitted', 'submitted', 'submitted'],
      },
      { ok: true, taskIds: ['task-3'], errorMessages: [''], rowStatuses: ['submitted'] },
    );
    await renderWithPastedRows(organizationRows(13));
    fireEvent.click(submitButton());

    // Nothing is said to be refused: ten are to be checked in the ESS console, three not sent.
    expect(
      await screen.findByText(shown(/有 10 家企业没有收到腾讯电子签的答复，可能已提交成功/)),
    ).toBeInTheDocument();
    expect(screen.getByText(shown(/有 3 家企业尚未提交/))).toBeInTheDocument();
    expect(screen.queryByText(shown(/未被腾讯电子签受理/))).not.toBeInTheDocument();
    expect(screen.getAllByText(shown('待核对'))).toHaveLength(10);
    expect(inCard(1).getByText(shown(/请到腾讯电子签控制台核对/))).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '修改第1家企业' })).not.toBeInTheDocument();
    expect(inCard(11).getByText(shown(NOT_SENT))).toBeInTheDocument();
    expect(submitButton()).toHaveTextContent('提交 3 家企业');

    // The next tap sends enterprises 11–13 only: 1–10 are not registered a second time.
    fireEvent.click(submitButton());
    await waitFor(() => expect(registrations()).toHaveLength(2));
    expect(sentNames(1)).toEqual(names(11, 13));
    expect(registrations()[1].requestKey).not.toBe(registrations()[0].requestKey);
    await screen.findByText(shown('已提交的企业'));
    expect(screen.getAllByText(shown('待核对'))).toHaveLength(10);
    expect(submitButton()).toHaveTextContent('提交 0 家企业');
    expect(submitButton()).toBeDisabled();

    // Found missing in the console: the operator says so for one; it is submitted again.
    fireEvent.click(
      screen.getByRole('button', { name: '我已在腾讯电子签控制台确认该企业未提交（第2家企业）' }),
    );
    expect(screen.getAllByText(shown('待核对'))).toHaveLength(9);
    expect(submitButton()).toHaveTextContent('提交 1 家企业');
    fireEvent.click(submitButton());
    await waitFor(() => expect(registrations()).toHaveLength(3));
    expect(sentNames(2)).toEqual(names(2, 2));
    // With the operator's word, for the server, which holds these enterprises back too.
    expect(registrations()[2].confirmedNotSubmitted).toEqual([
      organizationRow(2).uniformSocialCreditCode,
    ]);
  });

  it('lets the operator release every held row at once, after saying they checked the console', async () => {
    answerInTurn({
      ok: true,
      taskIds: [],
      errorMessages: [UNCONFIRMED, UNCONFIRMED],
      rowStatuses: ['unconfirmed', 'unconfirmed'],
    });
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    const region = await screen.findByRole('region', { name: '待核对的企业' });
    expect(region).toHaveTextContent('有 2 家企业待核对');
    expect(submitButton()).toBeDisabled();
    fireEvent.click(
      screen.getByRole('button', { name: '我已在腾讯电子签控制台确认这些企业未提交' }),
    );
    expect(screen.queryByText(shown('待核对'))).not.toBeInTheDocument();
    expect(submitButton()).toHaveTextContent('提交 2 家企业');
  });

  it('does not let the held enterprises be pasted and sent again', async () => {
    answerInTurn({
      ok: true,
      taskIds: [],
      errorMessages: [UNCONFIRMED, UNCONFIRMED],
      rowStatuses: ['unconfirmed', 'unconfirmed'],
    });
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    await screen.findByRole('region', { name: '待核对的企业' });

    paste(spreadsheetText([ORGS[1], organizationRow(3)]));
    expect(inCard(3).getByText(shown(/与待核对的第2家企业相同/))).toBeInTheDocument();
    fireEvent.click(submitButton());
    expect(
      screen.getByText(shown('有 1 家企业的信息需要修改，请按提示修改后再提交')),
    ).toBeInTheDocument();
    expect(registrations()).toHaveLength(1);
  });

  describe('held enterprises across a reload', () => {
    const HELD_KEY = 'essAdmin.heldEnterprises.v1';
    const storedHeld = () => {
      const raw = mocked.getStorageSync(HELD_KEY);
      return raw ? JSON.parse(raw) : [];
    };
    const heldRegion = () => screen.getByRole('region', { name: '待核对的企业' });
    /** What a reload does: the page goes, local storage stays. */
    async function reload(view: { unmount: () => void }) {
      view.unmount();
      render(<EnterprisesPage />);
      return screen.findByRole('region', { name: '待核对的企业' });
    }
    /**
     * The rows are gone but the held enterprises are not: the operator cleared the list (as after
     * a day, when the drafts expire), then reloads.
     */
    async function clearAndReload(view: { unmount: () => void }) {
      fireEvent.click(screen.getByRole('button', { name: '清空列表' }));
      return reload(view);
    }
    const row = (n: number) => organizationRow(n);

    it('a reload keeps the held rows on the page, still held, with nothing sent again', async () => {
      answerInTurn({
        ok: true,
        taskIds: ['task-1'],
        errorMessages: [UNCONFIRMED, ''],
        rowStatuses: ['unconfirmed', 'submitted'],
      });
      const first = await renderWithPastedRows(organizationRows(2));
      fireEvent.click(submitButton());
      expect(await screen.findAllByText(shown('待核对'))).toHaveLength(1);
      await reload(first);
      expect(inCard(1).getByText(shown(row(1).organizationName))).toBeInTheDocument();
      expect(inCard(1).getByText(shown('待核对'))).toBeInTheDocument();
      expect(screen.queryByRole('group', { name: /^待核对：/ })).not.toBeInTheDocument();
      expect(submitButton()).toHaveTextContent('提交 0 家企业');
      expect(registrations()).toHaveLength(1);
    });

    it('keeps them (name and code only); pasted again they are held; confirming sends confirmedNotSubmitted', async () => {
      answerInTurn(
        {
          ok: true,
          taskIds: ['task-1'],
          errorMessages: [UNCONFIRMED, UNCONFIRMED, ''],
          rowStatuses: ['unconfirmed', 'unconfirmed', 'submitted'],
        },
        { ok: true, taskIds: ['task-2'], errorMessages: [''], rowStatuses: ['submitted'] },
        { ok: true, taskIds: ['task-3'], errorMessages: [''], rowStatuses: ['submitted'] },
      );
      const first = await renderWithPastedRows(organizationRows(3));
      fireEvent.click(submitButton());
      expect(await screen.findAllByText(shown('待核对'))).toHaveLength(2);
      expect(storedHeld()).toEqual(
        [1, 2].map((n) => ({
          organizationName: row(n).organizationName,
          uniformSocialCreditCode: row(n).uniformSocialCreditCode,
          heldAt: expect.any(Number),
          rowKey: expect.any(String),
        })),
      );
      for (const personal of ['李四', '王五', '13900139000', '11010519491231002X']) {
        expect(JSON.stringify(storedHeld())).not.toContain(personal);
      }

      // The rows are gone, the held enterprises are not.
      const region = await clearAndReload(first);
      expect(region).toHaveTextContent('有 2 家企业待核对');
      for (const n of [1, 2]) {
        const item = screen.getByRole('group', { name: `待核对：${row(n).organizationName}` });
        expect(item).toHaveTextContent(row(n).uniformSocialCreditCode);
        expect(item).toHaveTextContent('待核对');
      }
      expect(submitButton()).toHaveTextContent('提交 0 家企业');

      // The same enterprises pasted again, with a new one: theirs are held, only the new one goes.
      paste(spreadsheetText([row(1), row(2), row(4)]));
      expect(inCard(1).getByText(shown('待核对'))).toBeInTheDocument();
      expect(inCard(2).getByText(shown('待核对'))).toBeInTheDocument();
      expect(screen.queryByRole('group', { name: /^待核对：/ })).not.toBeInTheDocument();
      expect(heldRegion()).toHaveTextContent('有 2 家企业待核对');
      expect(submitButton()).toHaveTextContent('提交 1 家企业');
      fireEvent.click(submitButton());
      await waitFor(() => expect(registrations()).toHaveLength(2));
      expect(sentNames(1)).toEqual([row(4).organizationName]);
      expect(registrations()[1]).not.toHaveProperty('confirmedNotSubmitted');
      await waitFor(() => expect(submitButton()).toHaveTextContent('提交 0 家企业'));

      // Checked in the console: enterprise 1 was not registered. Its row is sent, as confirmed.
      fireEvent.click(
        screen.getByRole('button', {
          name: '我已在腾讯电子签控制台确认该企业未提交（第1家企业）',
        }),
      );
      fireEvent.click(submitButton());
      await waitFor(() => expect(registrations()).toHaveLength(3));
      expect(sentNames(2)).toEqual([row(1).organizationName]);
      expect(registrations()[2].confirmedNotSubmitted).toEqual([row(1).uniformSocialCreditCode]);
      await waitFor(() =>
        expect(storedHeld().map((e: { organizationName: string }) => e.organizationName)).toEqual([
          row(2).organizationName,
        ]),
      );
    });

    it('confirmed after a reload (no row data): pasted again, the row is sent as confirmed', async () => {
      answerInTurn(
        {
          ok: true,
          taskIds: [],
          errorMessages: [UNCONFIRMED, UNCONFIRMED],
          rowStatuses: ['unconfirmed', 'unconfirmed'],
        },
        { ok: true, taskIds: ['task-2'], errorMessages: [''], rowStatuses: ['submitted'] },
      );
      const first = await renderWithPastedRows();
      fireEvent.click(submitButton());
      await screen.findByRole('region', { name: '待核对的企业' });
      await clearAndReload(first);

      fireEvent.click(
        screen.getByRole('button', {
          name: `我已在腾讯电子签控制台确认该企业未提交（${ORGS[0].organizationName}）`,
        }),
      );
      expect(screen.getByText(shown(/已确认 1 家企业未提交.*请重新粘贴/))).toBeInTheDocument();
      expect(heldRegion()).toHaveTextContent('有 1 家企业待核对');
      expect(storedHeld()).toEqual([
        expect.objectContaining({ organizationName: ORGS[1].organizationName }),
      ]);

      paste(spreadsheetText(ORGS));
      expect(inCard(2).getByText(shown('待核对'))).toBeInTheDocument();
      expect(submitButton()).toHaveTextContent('提交 1 家企业');
      fireEvent.click(submitButton());
      await waitFor(() => expect(registrations()).toHaveLength(2));
      expect(registrations()[1]).toMatchObject({
        organizations: [SENT[0]],
        confirmedNotSubmitted: [ORGS[0].uniformSocialCreditCode],
      });

      // Found registered in the console: the held row is deleted, and forgotten on the device.
      await waitFor(() => expect(submitButton()).toHaveTextContent('提交 0 家企业'));
      fireEvent.click(screen.getByRole('button', { name: '删除第1家企业' }));
      expect(screen.queryByRole('region', { name: '待核对的企业' })).not.toBeInTheDocument();
      expect(storedHeld()).toEqual([]);
    });

    it('refuses a row typed with a remembered held enterprise’s code, until confirmed', async () => {
      answerInTurn({
        ok: true,
        taskIds: [],
        errorMessages: [UNCONFIRMED],
        rowStatuses: ['unconfirmed'],
      });
      const first = await renderWithPastedRows([ORGS[0]]);
      fireEvent.click(submitButton());
      await screen.findByRole('region', { name: '待核对的企业' });
      await clearAndReload(first);

      fireEvent.change(screen.getByLabelText('统一社会信用代码'), {
        target: { value: ORGS[0].uniformSocialCreditCode },
      });
      fireEvent.click(submitButton());
      expect(
        inCard(1).getByText(shown(/与待核对的企业“示例科技（深圳）有限公司”相同/)),
      ).toBeInTheDocument();
      expect(registrations()).toHaveLength(1);

      fireEvent.click(
        screen.getByRole('button', { name: '我已在腾讯电子签控制台确认这些企业未提交' }),
      );
      expect(screen.queryByRole('region', { name: '待核对的企业' })).not.toBeInTheDocument();
      expect(inCard(1).queryByText(shown(/与待核对的企业/))).not.toBeInTheDocument();
    });
  });

  it('reads an older server’s "可能已提交成功" message (no rowStatuses) as unconfirmed', async () => {
    answerInTurn({
      ok: true,
      taskIds: ['task-1'],
      errorMessages: ['', UNCONFIRMED],
    } as unknown as CreateBatchOrganizationRegistrationTasksResult);
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    expect(await screen.findByText(shown('待核对'))).toBeInTheDocument();
    expect(inCard(1).getByText(shown(ORGS[1].organizationName))).toBeInTheDocument();
    expect(submitButton()).toHaveTextContent('提交 0 家企业');
  });

  it('follows the tasks ESS took, keeps the rest, and remembers every task when the rest goes too', async () => {
    answerInTurn(
      {
        ok: true,
        taskIds: ['task-1'],
        errorMessages: [...Array(10).fill(''), ...Array(3).fill(ERROR_MESSAGES.ESS_UNAVAILABLE)],
        rowStatuses: [...Array(10).fill('submitted'), ...Array(3).fill('failed')],
      },
      {
        ok: true,
        taskIds: ['task-2'],
        errorMessages: ['', '', ''],
        rowStatuses: Array(3).fill('submitted'),
      },
    );
    await renderWithPastedRows(organizationRows(13));
    fireEvent.click(submitButton());
    expect(
      await screen.findByText(shown(/有 3 家企业尚未提交.*其余 10 家企业已提交/)),
    ).toBeInTheDocument();
    expect(inCard(1).getByText(shown(organizationRow(11).organizationName))).toBeInTheDocument();
    expect(inCard(1).getByText(shown(ERROR_MESSAGES.ESS_UNAVAILABLE))).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: '第4家企业' })).not.toBeInTheDocument();
    expect(storedRegistration()).toMatchObject({
      taskIds: ['task-1'],
      organizationNames: names(1, 10),
    });
    await waitFor(() =>
      expect(callsTo('describeBatchOrganizationRegistrationUrls')).toContainEqual({
        taskId: 'task-1',
      }),
    );

    fireEvent.click(submitButton());
    await waitFor(() => expect(registrations()).toHaveLength(2));
    expect(sentNames(1)).toEqual(names(11, 13));
    await waitFor(() =>
      expect(storedRegistration()).toMatchObject({
        taskIds: ['task-1', 'task-2'],
        organizationNames: names(1, 13),
      }),
    );
    expect(await screen.findByText(shown('已就绪 0/13'))).toBeInTheDocument();
  });
});

describe('enterprises page: privacy consent', () => {
  it('sends nothing before the operator agrees to the privacy guide, and submits once they do', async () => {
    privacyNotYetAgreed();
    mockAdminCloud(submittedNotYetReady());
    await renderPage();
    const popup = await screen.findByRole('dialog', { name: '用户隐私保护提示' });
    // Says what is used: the enterprise and super-admin information, clipboard and album.
    for (const item of ['企业名称', '超管信息', '姓名', '手机号', '证件号码', '剪切板', '相册']) {
      expect(popup).toHaveTextContent(item);
    }
    fireEvent.click(screen.getByRole('button', { name: '暂不同意' }));
    paste(spreadsheetText(ORGS));

    fireEvent.click(submitButton());
    expect(await screen.findByRole('dialog', { name: '用户隐私保护提示' })).toBeInTheDocument();
    expect(callsTo('createBatchOrganizationRegistrationTasks')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }));
    await waitFor(() =>
      expect(callsTo('createBatchOrganizationRegistrationTasks')).toHaveLength(1),
    );
    expect(await screen.findByText(shown('已提交的企业'))).toBeInTheDocument();
  });
});

describe('enterprises page: live status', () => {
  const submitted = {
    ok: true as const,
    taskIds: ['task-1', 'task-2'],
    errorMessages: ['', ''],
    rowStatuses: ['submitted', 'submitted'] as RegistrationRowStatus[],
  };

  it('polls with back-off, shows progress, then each enterprise with its own link', async () => {
    jest.useFakeTimers();
    const answers: Record<string, number> = {};
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () => submitted,
      describeBatchOrganizationRegistrationUrls: ({ taskId }) => {
        answers[taskId] = (answers[taskId] ?? 0) + 1;
        if (taskId === 'task-1' && answers[taskId] >= 2) {
          return { ok: true, ready: true, rows: [readyRow(0)] };
        }
        if (taskId === 'task-2' && answers[taskId] >= 3) {
          return {
            ok: true,
            ready: true,
            rows: [readyRow(1, { errorMessage: '超管手机号未实名' })],
          };
        }
        return { ok: true, ready: false };
      },
    });
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    expect(await screen.findByText(shown('已就绪 0/2'))).toBeInTheDocument();
    expect(screen.getByText(shown('正在生成认证链接，通常需要几秒钟…'))).toBeInTheDocument();
    expect(callsTo('describeBatchOrganizationRegistrationUrls')).toEqual([
      { taskId: 'task-1' },
      { taskId: 'task-2' },
    ]);

    await advance(999);
    expect(callsTo('describeBatchOrganizationRegistrationUrls')).toHaveLength(2);
    await advance(1);
    expect(screen.getByText(shown('已就绪 1/2'))).toBeInTheDocument();
    // A ready task is not asked about again.
    expect(callsTo('describeBatchOrganizationRegistrationUrls').slice(2)).toEqual([
      { taskId: 'task-1' },
      { taskId: 'task-2' },
    ]);
    await advance(1500);
    expect(callsTo('describeBatchOrganizationRegistrationUrls').slice(4)).toEqual([
      { taskId: 'task-2' },
    ]);
    expect(screen.getByText(shown('已就绪 2/2'))).toBeInTheDocument();

    const first = screen.getByRole('group', { name: ORGS[0].organizationName });
    expect(first).toHaveTextContent(readyRow(0).subTaskId);
    expect(first).toHaveTextContent(readyRow(0).authUrl);
    expect(screen.getByText(shown('超管手机号未实名'))).toBeInTheDocument();

    const copy = screen.getByRole('button', { name: `复制${ORGS[0].organizationName}的认证链接` });
    fireEvent.click(copy);
    expect(mocked.setClipboardData).toHaveBeenCalledWith(
      expect.objectContaining({ data: readyRow(0).authUrl }),
    );
    await waitFor(() => expect(copy).toHaveTextContent('已复制'));
  });

  it('remembers only task ids and enterprise names on the device', async () => {
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () => submitted,
      describeBatchOrganizationRegistrationUrls: () => ({ ok: true, ready: false }),
    });
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    await screen.findByText(shown('已提交的企业'));
    const stored = storedRegistration();
    expect(stored).toEqual({
      submittedAt: expect.any(Number),
      taskIds: ['task-1', 'task-2'],
      organizationNames: ORGS.map((org) => org.organizationName),
    });
    const text = JSON.stringify(stored);
    for (const personal of ['李四', '王五', '13900139000', '11010519491231002X']) {
      expect(text).not.toContain(personal);
    }
  });

  it('gives up after about two minutes with a message and a refresh button', async () => {
    jest.useFakeTimers();
    let ready = false;
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () => ({ ...submitted, taskIds: ['task-1'] }),
      describeBatchOrganizationRegistrationUrls: () =>
        ready
          ? { ok: true, ready: true, rows: [readyRow(0), readyRow(1)] }
          : { ok: true, ready: false },
    });
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    await screen.findByText(shown('已就绪 0/2'));
    await advance(110_000);
    expect(screen.queryByText(shown(/仍在处理中，稍后刷新/))).not.toBeInTheDocument();
    await advance(15_000);
    expect(screen.getByText(shown(/仍在处理中，稍后刷新/))).toBeInTheDocument();
    const asked = callsTo('describeBatchOrganizationRegistrationUrls').length;
    // 1 s, 1.5 s, 2.25 s, 3.375 s, then every 5 s: about 27 rounds in two minutes, not hundreds.
    expect(asked).toBeGreaterThan(20);
    expect(asked).toBeLessThan(35);
    await advance(60_000);
    expect(callsTo('describeBatchOrganizationRegistrationUrls')).toHaveLength(asked);

    ready = true;
    fireEvent.click(screen.getByRole('button', { name: '刷新' }));
    expect(await screen.findByText(shown('已就绪 2/2'))).toBeInTheDocument();
  });

  it('picks up the remembered submission when the page is opened again', async () => {
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () => submitted,
      describeBatchOrganizationRegistrationUrls: ({ taskId }) =>
        taskId === 'task-1'
          ? { ok: true, ready: true, rows: [readyRow(0)] }
          : { ok: true, ready: true, rows: [readyRow(1)] },
    });
    const first = await renderWithPastedRows();
    fireEvent.click(submitButton());
    await screen.findByText(shown('已就绪 2/2'));
    first.unmount();
    mocked.cloud.callFunction.mockClear();

    render(<EnterprisesPage />);
    expect(await screen.findByText(shown('已就绪 2/2'))).toBeInTheDocument();
    // Polling the remembered tasks answers the access question: no separate check.
    expect(callsTo('describeBatchOrganizationRegistrationUrls')).toEqual([
      { taskId: 'task-1' },
      { taskId: 'task-2' },
    ]);
    expect(screen.getByRole('group', { name: ORGS[1].organizationName })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '去生成批量认证链接' }));
    expect(mocked.navigateTo).toHaveBeenCalledWith({ url: '/admin/pages/authorization/index' });

    fireEvent.click(screen.getByRole('button', { name: '不再显示这次提交' }));
    expect(screen.queryByText(shown('已提交的企业'))).not.toBeInTheDocument();
    expect(mocked.removeStorageSync).toHaveBeenCalledWith('essAdmin.lastRegistration.v1');
  });

  it('says which task failed for good, and does not ask about it again', async () => {
    jest.useFakeTimers();
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () => ({ ...submitted, taskIds: ['task-1'] }),
      describeBatchOrganizationRegistrationUrls: () => ({
        ok: false,
        code: 'TASK_NOT_FOUND',
        message: ERROR_MESSAGES.TASK_NOT_FOUND,
      }),
    });
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    expect(
      await screen.findByText(shown(`任务 task-1：${ERROR_MESSAGES.TASK_NOT_FOUND}`)),
    ).toBeInTheDocument();
    const asked = callsTo('describeBatchOrganizationRegistrationUrls').length;
    await advance(10_000);
    expect(callsTo('describeBatchOrganizationRegistrationUrls')).toHaveLength(asked);
  });
});

describe('enterprises page: not an operator', () => {
  it('shows "你没有权限进行此操作" kindly, with a way back', async () => {
    mockAdminCloud({
      checkOperatorAccess: () => FORBIDDEN,
    });
    render(<EnterprisesPage />);
    expect(await screen.findByText(shown('你没有权限进行此操作'))).toBeInTheDocument();
    expect(screen.queryByLabelText('粘贴表格内容')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '返回' }));
    // Opened directly (nothing underneath): back to the app's home page.
    expect(mocked.reLaunch).toHaveBeenCalledWith({ url: '/pages/verify/index' });
  });

  it('goes back to the previous page when there is one', async () => {
    mockAdminCloud({
      checkOperatorAccess: () => FORBIDDEN,
    });
    mocked.getCurrentPages.mockReturnValue([
      { route: 'pages/verify/index' },
      { route: 'admin/pages/enterprises/index' },
    ]);
    render(<EnterprisesPage />);
    fireEvent.click(await screen.findByRole('button', { name: '返回' }));
    expect(mocked.navigateBack).toHaveBeenCalledWith({ delta: 1 });
  });
});

describe('enterprises page: the list as a new operator sees it', () => {
  const DRAFTS_KEY = 'essAdmin.drafts.v1';
  const storedDrafts = () => {
    const raw = mocked.getStorageSync(DRAFTS_KEY);
    return raw ? JSON.parse(raw) : null;
  };
  const listTitle = () => screen.getByText(shown(/^企业列表/));

  it('keeps what was entered across a reload, and forgets it once submitted', async () => {
    mockAdminCloud(submittedNotYetReady());
    const first = await renderWithPastedRows();
    fireEvent.click(screen.getByRole('button', { name: '修改第2家企业' }));
    fireEvent.change(screen.getByLabelText('注册地址'), { target: { value: '上海市浦东新区' } });
    expect(storedDrafts()).toMatchObject({ savedAt: expect.any(Number) });
    expect(storedDrafts().drafts).toHaveLength(2);

    first.unmount();
    render(<EnterprisesPage />);
    await screen.findByLabelText('粘贴表格内容');
    expect(inCard(1).getByText(shown(ORGS[0].organizationName))).toBeInTheDocument();
    expect(screen.getByText(shown('企业列表（2 家）'))).toBeInTheDocument();
    expect(within(cardLine(2, '注册地址')).getByText(shown('上海市浦东新区'))).toBeInTheDocument();
    expect(submitButton()).toHaveTextContent('提交 2 家企业');

    // Submitted: ESS took both, the device keeps none of their personal data.
    fireEvent.click(submitButton());
    await screen.findByText(shown('已提交的企业'));
    expect(storedDrafts()).toBeNull();
    expect(mocked.removeStorageSync).toHaveBeenCalledWith(DRAFTS_KEY);
  });

  it('shows a restored row’s problems at once', async () => {
    mockAdminCloud({});
    const bad = withWrongCheckChar(ORGS[1].uniformSocialCreditCode);
    const first = await renderWithPastedRows([{ ...ORGS[1], uniformSocialCreditCode: bad }]);
    first.unmount();
    render(<EnterprisesPage />);
    const line = await waitFor(() => cardLine(1, '统一社会信用代码'));
    expect(within(line).getByText(shown(/校验位不正确/))).toBeInTheDocument();
  });

  it('forgets drafts saved more than a day ago, and the list on 清空列表', async () => {
    mockAdminCloud({});
    mocked.setStorageSync(
      DRAFTS_KEY,
      JSON.stringify({
        savedAt: Date.now() - 24 * 60 * 60 * 1000,
        drafts: [{ key: 'org-old-1', values: { organizationName: '过期的企业' } }],
      }),
    );
    const view = await renderPage();
    expect(screen.queryByText(shown('过期的企业'))).not.toBeInTheDocument();
    expect(storedDrafts()).toBeNull();
    view.unmount();

    await renderWithPastedRows();
    expect(storedDrafts().drafts).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: '清空列表' }));
    expect(screen.queryByText(shown(ORGS[0].organizationName))).not.toBeInTheDocument();
    expect(storedDrafts()).toBeNull();
  });

  it('counts what the cards are, and clears the paste line once the list has changed', async () => {
    mockAdminCloud({});
    await renderPage();
    // One blank card to fill: no "0 家" above a card numbered 1.
    expect(listTitle()).toHaveTextContent(/^企业列表$/);
    paste(spreadsheetText(ORGS));
    expect(listTitle()).toHaveTextContent('企业列表（2 家）');
    expect(screen.getByText(shown('已添加 2 家企业，请核对下方的信息'))).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '删除第2家企业' }));
    expect(listTitle()).toHaveTextContent('企业列表（1 家）');
    // The line described a list that is no longer there.
    expect(screen.queryByText(shown(/已添加 2 家企业/))).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '删除第1家企业' }));
    expect(listTitle()).toHaveTextContent(/^企业列表$/);
  });

  it('says what a paste found nothing in until the list changes', async () => {
    mockAdminCloud({});
    await renderPage();
    paste('企业名称\t统一社会信用代码\t法定代表人\r\n');
    expect(screen.getByText(shown(/没有识别到企业信息/))).toBeInTheDocument();
    paste(spreadsheetText(ORGS));
    expect(screen.queryByText(shown(/没有识别到企业信息/))).not.toBeInTheDocument();
  });

  it('shows a held row in the count', async () => {
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () => ({
        ok: true,
        taskIds: [],
        errorMessages: ['…', '…'],
        rowStatuses: ['unconfirmed', 'failed'],
      }),
    });
    await renderWithPastedRows();
    fireEvent.click(submitButton());
    await screen.findByRole('region', { name: '待核对的企业' });
    expect(listTitle()).toHaveTextContent('企业列表（2 家，其中 1 家待核对）');
    expect(submitButton()).toHaveTextContent('提交 1 家企业');
    // The paste line spoke of the list before the submission: gone, though no row left.
    expect(screen.queryByText(shown(/已添加 2 家企业/))).not.toBeInTheDocument();
  });

  it('masks the super admin’s mobile and ID number on a collapsed card', async () => {
    mockAdminCloud({});
    await renderWithPastedRows([ORGS[0]]);
    expect(within(cardLine(1, '超管')).getByText(shown('王五  139****9000'))).toBeInTheDocument();
    expect(
      within(cardLine(1, '超管证件')).getByText(shown('居民身份证 110***********002X')),
    ).toBeInTheDocument();
    expect(inCard(1).queryByText(shown(/13900139000|11010519491231002X/))).not.toBeInTheDocument();
  });
});

describe('enterprises page: the super admin by link mode, and subsidiaries', () => {
  const { superAdminName: _name, superAdminMobile: _mobile, ...withoutSuperAdmin } = ORGS[0];

  it('a link per enterprise needs no super admin; one combined link needs every row’s', async () => {
    mockAdminCloud(submittedNotYetReady(1));
    await renderPage();
    expect(screen.getByText(shown(/超管姓名、手机号可以不填/))).toBeInTheDocument();
    paste(spreadsheetText([{ ...withoutSuperAdmin, superAdminName: '', superAdminMobile: '' }]));
    expect(
      within(cardLine(1, '超管')).getByText(shown('未填写，由打开链接的人认证')),
    ).toBeInTheDocument();
    expect(submitButton()).toBeEnabled();

    fireEvent.click(screen.getByRole('radio', { name: '链接方式：合并为一个链接' }));
    expect(screen.getByText(shown(/每家企业都须填写超管姓名和手机号/))).toBeInTheDocument();
    fireEvent.click(submitButton());
    const line = within(cardLine(1, '超管'));
    expect(line.getByText(shown('请输入姓名'))).toBeInTheDocument();
    expect(line.getByText(shown('请输入手机号'))).toBeInTheDocument();
    expect(callsTo('createBatchOrganizationRegistrationTasks')).toHaveLength(0);

    fireEvent.click(screen.getByRole('radio', { name: '链接方式：每家企业一个链接' }));
    fireEvent.click(submitButton());
    await waitFor(() =>
      expect(callsTo('createBatchOrganizationRegistrationTasks')).toHaveLength(1),
    );
    const [sent] = callsTo('createBatchOrganizationRegistrationTasks');
    expect(sent.batchAuthMethod).toBe(0);
    expect(sent.organizations[0]).not.toHaveProperty('superAdminName');
    expect(sent.organizations[0]).not.toHaveProperty('superAdminMobile');
  });

  it('sends the subsidiary id, and shows the server’s word about it next to the field', async () => {
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () => ({
        ok: false,
        code: 'INVALID_INPUT',
        message: '子企业组织ID格式不正确',
        fieldErrors: { proxyOrganizationId: '子企业组织ID格式不正确：应为腾讯电子签的组织ID' },
      }),
    });
    await renderWithPastedRows([ORGS[0]]);
    fireEvent.change(screen.getByLabelText('子企业组织ID（选填）'), {
      target: { value: ' yDxSubsidiary01 ' },
    });
    fireEvent.click(submitButton());
    await waitFor(() =>
      expect(callsTo('createBatchOrganizationRegistrationTasks')).toHaveLength(1),
    );
    expect(callsTo('createBatchOrganizationRegistrationTasks')[0].proxyOrganizationId).toBe(
      'yDxSubsidiary01',
    );
    expect(
      await screen.findByText(shown('子企业组织ID格式不正确：应为腾讯电子签的组织ID')),
    ).toHaveClass('form-field__error');
  });
});
