import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import AuthorizationPage from '../../src/admin/pages/authorization';
import { ERROR_MESSAGES } from '../../src/domain/errors';
import { isEssLaunchPending } from '../../src/services/essReturn';
import EnterprisesPage from '../../src/admin/pages/enterprises';
import { forgetSuperAdmins, rememberSuperAdmins } from '../../src/admin/lib/superAdminSession';
import type { OrganizationRow } from '../../src/domain/organizationContract';
import { rememberRegistration } from '../../src/services/registrationHistory';
import { formatExpireTime } from '../../src/services/verification';
import { __triggerDidShow } from '../mocks/taro';
import { withoutCallbacks } from './helpers';
import {
  FORBIDDEN,
  ORGS,
  callsTo,
  mockAdminCloud,
  mocked,
  privacyNotYetAgreed,
  paste,
  readyRow,
  spreadsheetText,
  submitButton,
  type AdminHandlers,
  shown,
  allSubmitted,
} from './adminSupport';

beforeEach(() => {
  forgetSuperAdmins();
});

const SUPER_ADMIN = { name: '王五', mobile: '13900139000', idCardNumber: '11010519491231002X' };
const EXPIRE_TIME = Math.floor(Date.now() / 1000) + 7 * 24 * 3600;
/** As ESS returns it: `&` left alone, never `\u0026`. */
const APP_PATH =
  'pages/guide/index?to=AUTHORIZATION_ENTERPRISE_FOR_BATCH_SUBMIT&shortKey=yDCHpURDfR6iEkdpsDde';
const HTTP_URL =
  'https://res.ess.tencent.cn/cdn/h5-activity/jump-mp.html?to=AUTHORIZATION_ENTERPRISE_FOR_BATCH_SUBMIT&shortKey=yDCHHURDfCVEoeNYGCc6';
const QR_URL =
  'https://dyn.ess.tencent.cn/imgs/qrcode_urls/authorization_enterprise_for_batch_submit/yDCHHUUckpbdauq9UEjnoFDCCumAMmv1.png';

function linkAnswer(authUrl: string, extra: Record<string, unknown> = {}) {
  return {
    ok: true as const,
    authUrl,
    expireTime: EXPIRE_TIME,
    errorMessages: [] as string[],
    subTaskMessages: {} as Record<string, string[]>,
    otherMessages: [] as string[],
    ...extra,
  };
}

/** A remembered submission of two ready enterprises, and the given answer for the link. */
async function renderPage(handlers: AdminHandlers = {}) {
  rememberRegistration({
    submittedAt: Date.now(),
    taskIds: ['task-1'],
    organizationNames: ORGS.map((org) => org.organizationName),
  });
  mockAdminCloud({
    describeBatchOrganizationRegistrationUrls: () => ({
      ok: true,
      ready: true,
      rows: [readyRow(0), readyRow(1)],
    }),
    ...handlers,
  });
  const view = render(<AuthorizationPage />);
  await screen.findByRole('checkbox', { name: ORGS[1].organizationName });
  return view;
}

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fillSuperAdmin(admin = SUPER_ADMIN) {
  type('超管姓名', admin.name);
  type('超管手机号', admin.mobile);
  type('超管证件号', admin.idCardNumber);
}

function chooseEndpoint(label: string) {
  fireEvent.click(screen.getByRole('radio', { name: `超管如何打开：${label}` }));
}

const generateButton = () => screen.getByRole('button', { name: /生成批量认证链接|正在生成/ });

async function generate(endpointLabel: string) {
  fillSuperAdmin();
  chooseEndpoint(endpointLabel);
  fireEvent.click(generateButton());
  await screen.findByText(shown('批量认证链接已生成'));
}

describe('authorization page: the form', () => {
  it('lists the ready enterprises of the last submission, all selected, and warns the super admin must match', async () => {
    await renderPage();
    expect(callsTo('describeBatchOrganizationRegistrationUrls')).toEqual([{ taskId: 'task-1' }]);
    expect(screen.getByRole('checkbox', { name: ORGS[0].organizationName })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: ORGS[1].organizationName })).toBeChecked();
    expect(screen.getByText(shown(`子任务ID：${readyRow(0).subTaskId}`))).toBeInTheDocument();
    expect(screen.getByText(shown(/必须与当时完全一致/))).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '超管如何打开：链接' })).toBeChecked();
  });

  it('sends the super admin, the picked sub-tasks, the link kind and the subsidiary id', async () => {
    await renderPage({ createBatchOrganizationAuthorizationUrl: () => linkAnswer(HTTP_URL) });
    fillSuperAdmin({ ...SUPER_ADMIN, idCardNumber: '11010519491231002x' });
    fireEvent.click(screen.getByRole('checkbox', { name: ORGS[0].organizationName }));
    expect(screen.getByText(shown('已选 1/2 家企业'))).toBeInTheDocument();
    chooseEndpoint('短链接');
    type('子企业组织ID', ' yDxSubOrg123 ');
    fireEvent.click(generateButton());

    await screen.findByText(shown('批量认证链接已生成'));
    expect(callsTo('createBatchOrganizationAuthorizationUrl')).toEqual([
      {
        superAdminName: '王五',
        superAdminMobile: '13900139000',
        superAdminIdCardType: 'ID_CARD',
        superAdminIdCardNumber: '11010519491231002X',
        subTaskIds: [readyRow(1).subTaskId],
        endpoint: 'HTTP_SHORT_URL',
        proxyOrganizationId: 'yDxSubOrg123',
      },
    ]);
  });

  it('leaves the sub-tasks out when none is picked (ESS takes all of the super admin’s)', async () => {
    await renderPage({ createBatchOrganizationAuthorizationUrl: () => linkAnswer(HTTP_URL) });
    fireEvent.click(screen.getByRole('button', { name: '全不选' }));
    expect(
      screen.getByText(shown(/未勾选企业时，链接将包含该超管名下全部已就绪的企业/)),
    ).toBeInTheDocument();
    await generate('链接');
    const [sent] = callsTo('createBatchOrganizationAuthorizationUrl');
    expect(sent).not.toHaveProperty('subTaskIds');
    expect(sent).not.toHaveProperty('proxyOrganizationId');
  });

  it('checks the super admin with the shared rules (ID by document type) and sends nothing while invalid', async () => {
    await renderPage();
    type('超管姓名', '王五');
    type('超管手机号', '1390013900');
    fireEvent.click(screen.getByRole('radio', { name: '超管证件类型：港澳居民来往内地通行证' }));
    type('超管证件号', '11010519491231002X');
    fireEvent.click(generateButton());
    expect(screen.getByText(shown('请输入11位手机号'))).toBeInTheDocument();
    expect(
      screen.getByText(shown('通行证号码应为H或M开头，后接10位数字，共11位')),
    ).toBeInTheDocument();
    // H and 8 digits is not what ESS takes (11 characters): refused here, not by ESS.
    type('超管证件号', 'H12345678');
    fireEvent.click(generateButton());
    expect(
      screen.getByText(shown('通行证号码应为H或M开头，后接10位数字，共11位')),
    ).toBeInTheDocument();
    expect(callsTo('createBatchOrganizationAuthorizationUrl')).toHaveLength(0);
  });

  it('sends the super admin’s information only once the privacy guide is agreed to', async () => {
    privacyNotYetAgreed();
    await renderPage({ createBatchOrganizationAuthorizationUrl: () => linkAnswer(HTTP_URL) });
    const popup = await screen.findByRole('dialog', { name: '用户隐私保护提示' });
    expect(popup).toHaveTextContent(/超管信息（姓名、手机号、证件号码）/);
    fireEvent.click(screen.getByRole('button', { name: '暂不同意' }));

    fillSuperAdmin();
    chooseEndpoint('链接');
    fireEvent.click(generateButton());
    expect(await screen.findByRole('dialog', { name: '用户隐私保护提示' })).toBeInTheDocument();
    expect(callsTo('createBatchOrganizationAuthorizationUrl')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }));
    expect(await screen.findByText(shown('批量认证链接已生成'))).toBeInTheDocument();
    expect(callsTo('createBatchOrganizationAuthorizationUrl')).toHaveLength(1);
  });

  it('shows the server message and keeps what was typed', async () => {
    await renderPage({
      createBatchOrganizationAuthorizationUrl: () => ({
        ok: false,
        code: 'ESS_UNAVAILABLE',
        message: ERROR_MESSAGES.ESS_UNAVAILABLE,
      }),
    });
    fillSuperAdmin();
    fireEvent.click(generateButton());
    expect(await screen.findByText(shown(ERROR_MESSAGES.ESS_UNAVAILABLE))).toBeInTheDocument();
    expect(screen.getByLabelText('超管姓名')).toHaveValue(SUPER_ADMIN.name);
    expect(screen.getByLabelText('超管手机号')).toHaveValue(SUPER_ADMIN.mobile);
    expect(screen.getByLabelText('超管证件号')).toHaveValue(SUPER_ADMIN.idCardNumber);
    expect(generateButton()).toBeEnabled();
  });

  it('shows "你没有权限进行此操作" when the server answers FORBIDDEN', async () => {
    await renderPage({
      createBatchOrganizationAuthorizationUrl: () => FORBIDDEN,
    });
    fillSuperAdmin();
    fireEvent.click(generateButton());
    expect(await screen.findByText(shown('你没有权限进行此操作'))).toBeInTheDocument();
    expect(screen.queryByLabelText('超管姓名')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '返回' })).toBeInTheDocument();
  });

  it('checks access on its own when nothing was submitted on this device', async () => {
    mockAdminCloud({
      checkOperatorAccess: () => FORBIDDEN,
    });
    render(<AuthorizationPage />);
    expect(await screen.findByText(shown('你没有权限进行此操作'))).toBeInTheDocument();
    expect(callsTo('checkOperatorAccess')).toEqual([{}]);
    expect(callsTo('describeBatchOrganizationRegistrationUrls')).toEqual([]);
  });
});

describe('authorization page: delivering the link', () => {
  it('APP: opens the ESS mini-program half-screen, synchronously from the tap, path unchanged', async () => {
    await renderPage({
      createBatchOrganizationAuthorizationUrl: () =>
        linkAnswer(APP_PATH, { miniAppId: 'wxa023b292fd19d41d', envVersion: 'release' }),
    });
    await generate('在本机打开');
    expect(mocked.openEmbeddedMiniProgram).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: '前往腾讯电子签' }));
    // No await between the tap and the call: WeChat only opens from the tap itself.
    expect(mocked.openEmbeddedMiniProgram).toHaveBeenCalledTimes(1);
    const options = mocked.openEmbeddedMiniProgram.mock.calls[0][0];
    expect(withoutCallbacks(options)).toEqual({
      appId: 'wxa023b292fd19d41d',
      path: APP_PATH,
      envVersion: 'release',
    });
    expect(options.path).toContain('&shortKey=');
    expect(options.path).not.toContain('\\u0026');
  });

  it('APP: says kindly when the answer names no mini-program', async () => {
    await renderPage({ createBatchOrganizationAuthorizationUrl: () => linkAnswer(APP_PATH) });
    await generate('在本机打开');
    fireEvent.click(screen.getByRole('button', { name: '前往腾讯电子签' }));
    expect(mocked.openEmbeddedMiniProgram).not.toHaveBeenCalled();
    expect(screen.getByText(shown(/无法在这里打开腾讯电子签小程序/))).toBeInTheDocument();
  });

  it('HTTP: shows the link exactly and copies it unchanged', async () => {
    await renderPage({ createBatchOrganizationAuthorizationUrl: () => linkAnswer(HTTP_URL) });
    await generate('链接');
    expect(screen.getByText(shown(HTTP_URL))).toBeInTheDocument();
    expect(screen.getByText(shown(formatExpireTime(EXPIRE_TIME)))).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '复制批量认证链接' }));
    expect(mocked.setClipboardData).toHaveBeenCalledTimes(1);
    expect(withoutCallbacks(mocked.setClipboardData.mock.calls[0][0])).toEqual({ data: HTTP_URL });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: '复制批量认证链接' })).toHaveTextContent('已复制'),
    );
  });

  it('HTTP: says so when the clipboard refuses', async () => {
    mocked.setClipboardData.mockImplementation((options: { fail: (r: unknown) => void }) => {
      options.fail({ errMsg: 'setClipboardData:fail' });
      return Promise.reject(new Error('fail'));
    });
    await renderPage({ createBatchOrganizationAuthorizationUrl: () => linkAnswer(HTTP_URL) });
    await generate('链接');
    fireEvent.click(screen.getByRole('button', { name: '复制批量认证链接' }));
    expect(await screen.findByText(shown('复制失败，请长按链接手动复制'))).toBeInTheDocument();
  });

  it('QR_CODE: shows the image and saves it: download, then the photo album', async () => {
    await renderPage({ createBatchOrganizationAuthorizationUrl: () => linkAnswer(QR_URL) });
    await generate('二维码');
    expect(screen.getByRole('img', { name: '批量认证二维码' })).toHaveAttribute('src', QR_URL);

    fireEvent.click(screen.getByRole('button', { name: '保存到相册' }));
    expect(await screen.findByText(shown(/二维码已保存/))).toBeInTheDocument();
    expect(withoutCallbacks(mocked.downloadFile.mock.calls[0][0])).toEqual({ url: QR_URL });
    expect(withoutCallbacks(mocked.saveImageToPhotosAlbum.mock.calls[0][0])).toEqual({
      filePath: 'wxfile://tmp/downloaded.png',
    });
  });

  it('QR_CODE: when the album permission is refused, explains and offers the settings', async () => {
    mocked.saveImageToPhotosAlbum.mockImplementation((options: { fail: (r: unknown) => void }) => {
      options.fail({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
      return Promise.reject(new Error('fail'));
    });
    await renderPage({ createBatchOrganizationAuthorizationUrl: () => linkAnswer(QR_URL) });
    await generate('二维码');
    fireEvent.click(screen.getByRole('button', { name: '保存到相册' }));
    expect(await screen.findByText(shown(/没有保存到相册的权限/))).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '去设置' }));
    expect(mocked.openSetting).toHaveBeenCalledTimes(1);
  });

  it('QR_CODE: a failed download is reported without touching the album', async () => {
    mocked.downloadFile.mockImplementation((options: { success: (r: unknown) => void }) => {
      options.success({ statusCode: 404, tempFilePath: '', errMsg: 'downloadFile:ok' });
      return Promise.resolve();
    });
    await renderPage({ createBatchOrganizationAuthorizationUrl: () => linkAnswer(QR_URL) });
    await generate('二维码');
    fireEvent.click(screen.getByRole('button', { name: '保存到相册' }));
    expect(await screen.findByText(shown(/图片保存失败/))).toBeInTheDocument();
    expect(mocked.saveImageToPhotosAlbum).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: '去设置' })).not.toBeInTheDocument();
  });

  it('shows each ESS message next to the sub-task the server placed it with, the rest under 其他提示', async () => {
    const bySubTaskId = `子任务 ${readyRow(0).subTaskId} 不属于超管 *五，已筛选`;
    const byName = `${ORGS[1].organizationName}的超管信息与创建任务时不一致`;
    const other = '部分企业已完成认证';
    await renderPage({
      createBatchOrganizationAuthorizationUrl: () =>
        linkAnswer(HTTP_URL, {
          errorMessages: [bySubTaskId, byName, other],
          subTaskMessages: {
            [readyRow(0).subTaskId]: [bySubTaskId],
            [readyRow(1).subTaskId]: [byName],
          },
          otherMessages: [other],
        }),
    });
    await generate('链接');

    const row = (name: string) =>
      screen.getByRole('checkbox', { name }).closest('.subtask') as HTMLElement;
    expect(within(row(ORGS[0].organizationName)).getByText(shown(bySubTaskId))).toBeInTheDocument();
    expect(within(row(ORGS[1].organizationName)).getByText(shown(byName))).toBeInTheDocument();
    expect(screen.getByText(shown('其他提示'))).toBeInTheDocument();
    expect(screen.getByText(shown(other)).closest('.auth-link')).not.toBeNull();
  });

  it('consumes the return from ESS when shown again, so the user pages do not see it', async () => {
    await renderPage({
      createBatchOrganizationAuthorizationUrl: () =>
        linkAnswer(APP_PATH, { miniAppId: 'wxa023b292fd19d41d', envVersion: 'release' }),
    });
    await generate('在本机打开');
    fireEvent.click(screen.getByRole('button', { name: '前往腾讯电子签' }));
    expect(isEssLaunchPending()).toBe(true);
    await act(async () => __triggerDidShow());
    expect(isEssLaunchPending()).toBe(false);
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });
});

describe('authorization page: what the tasks were created with', () => {
  const asSubmitted = (org: (typeof ORGS)[number], extra: Partial<OrganizationRow> = {}) => ({
    organizationName: org.organizationName,
    uniformSocialCreditCode: org.uniformSocialCreditCode,
    legalName: org.legalName,
    superAdminName: org.superAdminName,
    superAdminMobile: org.superAdminMobile,
    superAdminIdCardType: 'ID_CARD' as const,
    superAdminIdCardNumber: org.superAdminIdCardNumber,
    ...extra,
  });
  const fieldValues = () =>
    ['超管姓名', '超管手机号', '超管证件号'].map(
      (label) => (screen.getByLabelText(label) as HTMLInputElement).value,
    );

  it('fills in the super admin the selected enterprises were submitted with (this session)', async () => {
    rememberSuperAdmins(ORGS.map((org) => asSubmitted(org)));
    await renderPage({ createBatchOrganizationAuthorizationUrl: () => linkAnswer(HTTP_URL) });
    expect(fieldValues()).toEqual([SUPER_ADMIN.name, SUPER_ADMIN.mobile, SUPER_ADMIN.idCardNumber]);
    expect(screen.getByText(shown(/已按所选企业创建时填写的超管信息自动填好/))).toBeInTheDocument();
    fireEvent.click(generateButton());
    await screen.findByText(shown('批量认证链接已生成'));
    expect(callsTo('createBatchOrganizationAuthorizationUrl')[0]).toMatchObject({
      superAdminName: SUPER_ADMIN.name,
      superAdminMobile: SUPER_ADMIN.mobile,
      superAdminIdCardNumber: SUPER_ADMIN.idCardNumber,
    });
  });

  it('offers a choice when the selection has two super admins, and keeps only the chosen one’s', async () => {
    rememberSuperAdmins([
      asSubmitted(ORGS[0]),
      asSubmitted(ORGS[1], { superAdminName: '赵六', superAdminMobile: '13700137000' }),
    ]);
    await renderPage();
    const fields = screen.getByRole('alert');
    expect(fields).toHaveTextContent(
      /所选企业的超管不止一位（\*五（139\*\*\*\*9000）、\*六（137\*\*\*\*7000））/,
    );
    expect(fieldValues()).toEqual(['', '', '']);

    fireEvent.click(screen.getByRole('button', { name: '使用 *六（137****7000）' }));
    expect(fieldValues()).toEqual(['赵六', '13700137000', SUPER_ADMIN.idCardNumber]);
    expect(screen.getByRole('checkbox', { name: ORGS[0].organizationName })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: ORGS[1].organizationName })).toBeChecked();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('leaves out, and says why, an enterprise submitted without a super admin', async () => {
    rememberSuperAdmins([
      asSubmitted(ORGS[0]),
      asSubmitted(ORGS[1], { superAdminName: undefined, superAdminMobile: undefined }),
    ]);
    await renderPage();
    expect(screen.getByRole('checkbox', { name: ORGS[0].organizationName })).toBeChecked();
    const without = screen.getByRole('checkbox', { name: ORGS[1].organizationName });
    expect(without).not.toBeChecked();
    expect(
      within(without.closest('.subtask') as HTMLElement).getByText(shown(/提交时未填写超管/)),
    ).toBeInTheDocument();
    expect(fieldValues()).toEqual([SUPER_ADMIN.name, SUPER_ADMIN.mobile, SUPER_ADMIN.idCardNumber]);
  });

  it('says next to the fields when what is typed will not match the selection', async () => {
    rememberSuperAdmins([asSubmitted(ORGS[0]), asSubmitted(ORGS[1])]);
    await renderPage();
    type('超管手机号', '13900139001');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('这里的手机号与之不一致');
    // Inside the super admin's card, right under the fields.
    expect(alert.closest('.card')).toBe(screen.getByLabelText('超管手机号').closest('.card'));
  });

  it('puts ESS’s mismatch answer next to the fields, not at the bottom', async () => {
    const mismatch =
      '腾讯电子签没有找到属于这位超管、且已处理完成的企业：超管姓名、手机号和证件号须与创建认证任务时填写的一致';
    await renderPage({
      createBatchOrganizationAuthorizationUrl: () => ({
        ok: false,
        code: 'ESS_REJECTED',
        message: mismatch,
      }),
    });
    fillSuperAdmin();
    fireEvent.click(generateButton());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(mismatch);
    expect(alert.closest('.card')).toBe(screen.getByLabelText('超管姓名').closest('.card'));
    expect(screen.getAllByText(shown(mismatch))).toHaveLength(1);
    // The fields are brought into view (the button that was tapped is further down).
    expect(mocked.pageScrollTo).toHaveBeenCalledWith(
      expect.objectContaining({ selector: '#super-admin' }),
    );
    expect(alert.closest('#super-admin')).not.toBeNull();
  });

  it('shows the server’s field messages under their fields', async () => {
    await renderPage({
      createBatchOrganizationAuthorizationUrl: () => ({
        ok: false,
        code: 'INVALID_INPUT',
        message: '超管信息有误，请按提示修改',
        fieldErrors: { superAdminMobile: '手机号格式不正确，请核对' },
      }),
    });
    fillSuperAdmin();
    fireEvent.click(generateButton());
    expect(await screen.findByText(shown('手机号格式不正确，请核对'))).toHaveClass(
      'form-field__error',
    );
    type('超管手机号', '13900139001');
    expect(screen.queryByText(shown('手机号格式不正确，请核对'))).not.toBeInTheDocument();
  });

  it('brings the generated link into view', async () => {
    await renderPage({ createBatchOrganizationAuthorizationUrl: () => linkAnswer(QR_URL) });
    await generate('二维码');
    await waitFor(() =>
      expect(mocked.pageScrollTo).toHaveBeenCalledWith(
        expect.objectContaining({ selector: '#auth-link' }),
      ),
    );
    expect(document.getElementById('auth-link')).toHaveTextContent('批量认证链接已生成');
  });

  it('fills in the subsidiary the selected tasks were created for', async () => {
    await renderPage({
      describeBatchOrganizationRegistrationUrls: () => ({
        ok: true,
        ready: true,
        rows: [readyRow(0), readyRow(1)],
        proxyOrganizationId: 'yDxSubsidiary01',
      }),
      createBatchOrganizationAuthorizationUrl: () => linkAnswer(HTTP_URL),
    });
    expect(screen.getByLabelText('子企业组织ID')).toHaveValue('yDxSubsidiary01');
    await generate('链接');
    expect(callsTo('createBatchOrganizationAuthorizationUrl')[0].proxyOrganizationId).toBe(
      'yDxSubsidiary01',
    );
  });

  it('from the enterprises page to this one: prefilled, and nothing personal left on the device', async () => {
    mockAdminCloud({
      createBatchOrganizationRegistrationTasks: () => allSubmitted(),
      describeBatchOrganizationRegistrationUrls: () => ({
        ok: true,
        ready: true,
        rows: [readyRow(0), readyRow(1)],
      }),
    });
    const enterprises = render(<EnterprisesPage />);
    await screen.findByLabelText('粘贴表格内容');
    paste(spreadsheetText(ORGS));
    fireEvent.click(submitButton());
    await screen.findByText(shown('已就绪 2/2'));
    enterprises.unmount();

    render(<AuthorizationPage />);
    await screen.findByRole('checkbox', { name: ORGS[1].organizationName });
    expect(fieldValues()).toEqual([SUPER_ADMIN.name, SUPER_ADMIN.mobile, SUPER_ADMIN.idCardNumber]);
    const stored = JSON.stringify(
      mocked.setStorageSync.mock.calls.filter(([key]) => key !== 'essAdmin.drafts.v1'),
    );
    for (const personal of [SUPER_ADMIN.name, SUPER_ADMIN.mobile, SUPER_ADMIN.idCardNumber]) {
      expect(stored).not.toContain(personal);
    }
    // The drafts (which held them until submitted) are gone.
    expect(mocked.getStorageSync('essAdmin.drafts.v1')).toBe('');
  });
});
