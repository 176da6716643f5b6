import { RETRYING_MESSAGE } from '../../src/pages/verify/useLinkRequest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import VerifyPage from '../../src/pages/verify';
import { ERROR_MESSAGES } from '../../src/domain/errors';
import { HALF_SCREEN_FAILED_NOTICE } from '../../src/hooks/useEssLaunch';
import { __triggerDidHide, __triggerDidShow } from '../mocks/taro';
import {
  VALID,
  agreeToNotice,
  cloudCallsTo,
  expectSubmitPale,
  field,
  fillValidForm,
  fullText,
  miniProgramLink,
  mockCloud,
  pendingStatus,
  submitButton,
  type,
  typeAndLeave,
  withoutCallbacks,
} from './helpers';

const mocked = Taro as unknown as Record<string, jest.Mock> & { cloud: Record<string, jest.Mock> };

async function renderForm() {
  const view = render(<VerifyPage />);
  await screen.findByLabelText('姓名');
  return view;
}

async function renderReadyCard(link = miniProgramLink()) {
  mockCloud({ createUserVerifyUrl: () => ({ ok: true, verified: false, reused: false, ...link }) });
  await renderForm();
  fillValidForm();
  agreeToNotice();
  fireEvent.click(submitButton());
  return screen.findByRole('button', { name: '前往腾讯电子签完成实名' });
}

describe('verify page: the form', () => {
  it('renders the three fields, the consent and a pale submit button', async () => {
    await renderForm();
    expect(screen.getByText('实名认证')).toBeInTheDocument();
    expect(field('姓名')).toHaveValue('');
    expect(field('身份证号')).toHaveAttribute('data-type', 'idcard');
    // Plain text: WeChat's number keyboard cannot type "+86" or spaces, which people paste.
    expect(field('手机号')).toHaveAttribute('data-type', 'text');
    expect(field('手机号')).toHaveAccessibleDescription(/可直接粘贴，如 \+86 138 0013 8000/);
    expect(
      screen.getByRole('checkbox', { name: '我已阅读并同意《个人信息保护说明》' }),
    ).not.toBeChecked();
    expect(screen.getByRole('link', { name: '《个人信息保护说明》' })).toBeInTheDocument();
    expectSubmitPale(true);
    // Asked the server whether a verification is already under way.
    expect(cloudCallsTo('getUserVerifyStatus')).toHaveLength(1);
  });

  it('shows a field message on blur, not while the user is still typing', async () => {
    await renderForm();
    type('身份证号', '1101051949');
    expect(screen.queryByText('身份证号应为18位')).not.toBeInTheDocument();
    fireEvent.blur(field('身份证号'));
    expect(screen.getByText('身份证号应为18位')).toBeInTheDocument();
    fireEvent.blur(field('姓名'));
    expect(screen.getByText('请输入姓名')).toBeInTheDocument();
  });

  it('checks an ID number as soon as all 18 characters are typed: bad check digit', async () => {
    await renderForm();
    type('身份证号', '110105194912310021');
    expect(screen.getByText('身份证号校验位不正确，请核对是否输错')).toBeInTheDocument();
    type('身份证号', '11010519491231002X');
    expect(screen.queryByText('身份证号校验位不正确，请核对是否输错')).not.toBeInTheDocument();
  });

  it('names an impossible birth date', async () => {
    await renderForm();
    type('身份证号', '110105194902300028');
    expect(screen.getByText('身份证号中的出生日期不正确，请核对')).toBeInTheDocument();
  });

  it('accepts a lower-case x and shows it as typed', async () => {
    await renderForm();
    typeAndLeave('身份证号', '11010519491231002x');
    expect(field('身份证号')).toHaveValue('11010519491231002x');
    expect(
      screen.queryByText(/身份证号/, { selector: '.form-field__error' }),
    ).not.toBeInTheDocument();
  });

  it('accepts a mobile written with +86 and spaces', async () => {
    await renderForm();
    typeAndLeave('手机号', '+86 138 0013 8000');
    expect(
      screen.queryByText(/手机号/, { selector: '.form-field__error' }),
    ).not.toBeInTheDocument();
    typeAndLeave('手机号', '12800138000');
    expect(screen.getByText('手机号格式不正确，请核对')).toBeInTheDocument();
  });

  it('turns submit from pale to ready only when every field is valid and the notice agreed', async () => {
    await renderForm();
    fillValidForm();
    expectSubmitPale(true);
    agreeToNotice();
    expectSubmitPale(false);
    type('手机号', '1380013800');
    expectSubmitPale(true);
  });

  it('a tap on the pale button says what is missing, marks it and scrolls to it', async () => {
    await renderForm();
    fireEvent.click(submitButton());
    expect(
      screen
        .getByText(fullText('请先填写姓名、填写身份证号、填写手机号、勾选同意《个人信息保护说明》'))
        .closest('[role="alert"]'),
    ).not.toBeNull();
    // Every field now shows its message, and the page scrolls to the first one.
    expect(screen.getByText('请输入姓名')).toHaveClass('form-field__error');
    expect(field('姓名')).toHaveAttribute('aria-invalid', 'true');
    expect(mocked.pageScrollTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ selector: '#name-field' }),
    );
    expect(cloudCallsTo('createUserVerifyUrl')).toHaveLength(0);

    // The hint follows the typing; a wrong value is "修改", the consent box is marked.
    typeAndLeave('姓名', VALID.name);
    typeAndLeave('身份证号', '110105194912310021');
    typeAndLeave('手机号', VALID.mobile);
    expect(
      screen.getByText(fullText('请先修改身份证号、勾选同意《个人信息保护说明》')),
    ).toBeInTheDocument();
    typeAndLeave('身份证号', VALID.idCardNumber);
    fireEvent.click(submitButton());
    expect(mocked.pageScrollTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ selector: '#consent' }),
    );
    expect(document.getElementById('consent')).toHaveClass('consent--missing');
    agreeToNotice();
    expect(screen.queryByText(/^请先/)).not.toBeInTheDocument();
    expect(document.getElementById('consent')).not.toHaveClass('consent--missing');
    expectSubmitPale(false);
  });

  it('opens the privacy notice page from the consent line', async () => {
    await renderForm();
    fireEvent.click(screen.getByText('《个人信息保护说明》'));
    expect(mocked.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' });
  });
});

describe('verify page: submitting', () => {
  it('calls createUserVerifyUrl with the normalised input and shows a loading state', async () => {
    let answer: (value: unknown) => void = () => undefined;
    mockCloud({ createUserVerifyUrl: () => new Promise((resolve) => (answer = resolve)) as never });
    await renderForm();
    fillValidForm({
      name: '张三',
      idCardNumber: '11010519491231002x',
      mobile: '+86 138 0013 8000',
    });
    agreeToNotice();
    fireEvent.click(submitButton());

    expect(Taro.cloud.callFunction).toHaveBeenCalledWith({
      name: 'createUserVerifyUrl',
      data: VALID,
    });
    expect(await screen.findByRole('button', { name: '正在生成实名链接…' })).toBeDisabled();

    await act(async () =>
      answer({ ok: true, verified: false, reused: false, ...miniProgramLink() }),
    );
    expect(await screen.findByText('实名链接已生成')).toBeInTheDocument();
    expect(screen.getByText('*三')).toBeInTheDocument();
    expect(screen.getByText('110***********002X')).toBeInTheDocument();
    expect(screen.getByText('有效期至')).toBeInTheDocument();
  });

  it('goes to the result page when the user is already verified', async () => {
    mockCloud({ createUserVerifyUrl: () => ({ ok: true, verified: true }) });
    await renderForm();
    fillValidForm();
    agreeToNotice();
    fireEvent.click(submitButton());
    await waitFor(() =>
      expect(mocked.navigateTo).toHaveBeenCalledWith({ url: '/pages/result/index' }),
    );
  });

  it('shows the server message kindly and keeps everything typed', async () => {
    mockCloud({
      createUserVerifyUrl: () => ({
        ok: false,
        code: 'ESS_UNAVAILABLE',
        message: ERROR_MESSAGES.ESS_UNAVAILABLE,
      }),
    });
    await renderForm();
    fillValidForm();
    agreeToNotice();
    fireEvent.click(submitButton());

    expect(await screen.findByText(fullText(ERROR_MESSAGES.ESS_UNAVAILABLE))).toBeInTheDocument();
    expect(field('姓名')).toHaveValue(VALID.name);
    expect(field('身份证号')).toHaveValue(VALID.idCardNumber);
    expect(field('手机号')).toHaveValue(VALID.mobile);
    expect(screen.getByRole('checkbox')).toBeChecked();
    expect(submitButton()).toBeEnabled();
  });

  it('puts field errors from the server under their fields until edited', async () => {
    mockCloud({
      createUserVerifyUrl: () => ({
        ok: false,
        code: 'INVALID_INPUT',
        message: ERROR_MESSAGES.INVALID_INPUT,
        fieldErrors: { mobile: '请使用本人实名登记的手机号' },
      }),
    });
    await renderForm();
    fillValidForm();
    agreeToNotice();
    fireEvent.click(submitButton());

    expect(await screen.findByText('请使用本人实名登记的手机号')).toHaveClass('form-field__error');
    expect(screen.getByText(fullText(ERROR_MESSAGES.INVALID_INPUT))).toBeInTheDocument();
    type('手机号', '13900139000');
    expect(screen.queryByText('请使用本人实名登记的手机号')).not.toBeInTheDocument();
  });

  it('reports a failed network call as a network error', async () => {
    await renderForm();
    mocked.cloud.callFunction.mockRejectedValue({
      errMsg: 'cloud.callFunction:fail network error',
    });
    fillValidForm();
    agreeToNotice();
    fireEvent.click(submitButton());
    expect(await screen.findByText(fullText(ERROR_MESSAGES.NETWORK))).toBeInTheDocument();
    expect(field('姓名')).toHaveValue(VALID.name);
  });
});

describe('verify page: opening ESS', () => {
  it('opens the half-screen ESS mini-program synchronously from the tap, path unchanged', async () => {
    const link = miniProgramLink();
    const launch = await renderReadyCard(link);

    fireEvent.click(launch);
    // No await between the tap and the call: WeChat only opens from the tap itself.
    expect(mocked.openEmbeddedMiniProgram).toHaveBeenCalledTimes(1);
    const options = mocked.openEmbeddedMiniProgram.mock.calls[0][0];
    expect(withoutCallbacks(options)).toEqual({
      appId: link.miniAppId,
      path: link.path,
      envVersion: 'release',
    });
    expect(options.path).toBe(
      'pages/guide?from=SFY&to=AUTH&verifyToken=abc%3D%3D&userId=yDRS4UUgygqdcj8rEbpn',
    );
    expect(mocked.navigateToMiniProgram).not.toHaveBeenCalled();
  });

  it('falls back to navigateToMiniProgram when the half-screen API does not exist', async () => {
    const link = miniProgramLink();
    delete (Taro as unknown as Record<string, unknown>).openEmbeddedMiniProgram;
    const launch = await renderReadyCard(link);
    fireEvent.click(launch);
    expect(mocked.navigateToMiniProgram).toHaveBeenCalledTimes(1);
    expect(withoutCallbacks(mocked.navigateToMiniProgram.mock.calls[0][0])).toEqual({
      appId: link.miniAppId,
      path: link.path,
      envVersion: 'release',
    });
  });

  it('half-screen failing offers "全屏打开腾讯电子签" instead of opening from the fail callback', async () => {
    const link = miniProgramLink();
    mocked.openEmbeddedMiniProgram.mockImplementation(({ fail }) =>
      fail({ errMsg: 'openEmbeddedMiniProgram:fail appId not in embeddedAppIdList' }),
    );
    const launch = await renderReadyCard(link);
    fireEvent.click(launch);
    // ESS's guide: launch synchronously from a tap; a fail callback is no tap.
    expect(mocked.navigateToMiniProgram).not.toHaveBeenCalled();
    expect(await screen.findByText(fullText(HALF_SCREEN_FAILED_NOTICE))).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '全屏打开腾讯电子签' }));
    // Straight from that tap, with the link exactly as ESS returned it.
    expect(mocked.navigateToMiniProgram).toHaveBeenCalledTimes(1);
    expect(withoutCallbacks(mocked.navigateToMiniProgram.mock.calls[0][0])).toEqual({
      appId: link.miniAppId,
      path: link.path,
      envVersion: 'release',
    });
  });

  it('does not offer full-screen, nor count a return, when the user cancels', async () => {
    mocked.openEmbeddedMiniProgram.mockImplementation(({ fail }) =>
      fail({ errMsg: 'openEmbeddedMiniProgram:fail cancel' }),
    );
    const launch = await renderReadyCard();
    fireEvent.click(launch);
    expect(mocked.navigateToMiniProgram).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: '全屏打开腾讯电子签' })).not.toBeInTheDocument();
    await act(async () => __triggerDidShow());
    expect(mocked.navigateTo).not.toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringContaining('/pages/result/index') }),
    );
  });

  it('shows a kind message when ESS cannot be opened full-screen either', async () => {
    mocked.openEmbeddedMiniProgram.mockImplementation(({ fail }) =>
      fail({ errMsg: 'openEmbeddedMiniProgram:fail' }),
    );
    mocked.navigateToMiniProgram.mockImplementation((options: { fail: (r: unknown) => void }) => {
      options.fail({ errMsg: 'navigateToMiniProgram:fail' });
      return Promise.reject(new Error('fail'));
    });
    const launch = await renderReadyCard();
    fireEvent.click(launch);
    fireEvent.click(await screen.findByRole('button', { name: '全屏打开腾讯电子签' }));
    expect(
      await screen.findByText(fullText('暂时无法打开腾讯电子签，请稍后重试')),
    ).toBeInTheDocument();
  });

  it('goes to the result page, saying it is a return, when shown again after the launch', async () => {
    const launch = await renderReadyCard();
    fireEvent.click(launch);
    expect(mocked.navigateTo).not.toHaveBeenCalled();
    await act(async () => {
      __triggerDidHide();
      __triggerDidShow();
    });
    expect(mocked.navigateTo).toHaveBeenCalledWith({ url: '/pages/result/index?from=ess' });
  });

  it('sends an expired link back to the form instead of opening it', async () => {
    const launch = await renderReadyCard(
      miniProgramLink({ expireTime: Math.floor(Date.now() / 1000) + 1 }),
    );
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 5_000);
    fireEvent.click(launch);
    jest.restoreAllMocks();
    expect(mocked.openEmbeddedMiniProgram).not.toHaveBeenCalled();
    expect(screen.getByText(fullText(ERROR_MESSAGES.LINK_EXPIRED))).toBeInTheDocument();
    expect(field('姓名')).toHaveValue(VALID.name);
  });
});

describe('verify page: coming back later', () => {
  it('shows the ready card again, with name and ID rows, when the server has a pending one', async () => {
    const link = miniProgramLink();
    mockCloud({ getUserVerifyStatus: () => pendingStatus(link) });
    render(<VerifyPage />);
    const launch = await screen.findByRole('button', { name: '前往腾讯电子签完成实名' });
    expect(screen.getByText('*三')).toBeInTheDocument();
    expect(screen.getByText('身份证号')).toBeInTheDocument();
    expect(screen.getByText('110***********002X')).toBeInTheDocument();
    fireEvent.click(launch);
    expect(withoutCallbacks(mocked.openEmbeddedMiniProgram.mock.calls[0][0]).path).toBe(link.path);
    expect(cloudCallsTo('createUserVerifyUrl')).toHaveLength(0);
  });

  it('"修改填写信息" keeps all three fields, to correct one', async () => {
    await renderReadyCard();
    fireEvent.click(screen.getByRole('button', { name: '修改填写信息' }));
    expect(field('姓名')).toHaveValue(VALID.name);
    expect(field('身份证号')).toHaveValue(VALID.idCardNumber);
    expect(field('手机号')).toHaveValue(VALID.mobile);
    expect(screen.getByRole('checkbox')).toBeChecked();
  });

  it('"修改填写信息" keeps the fields after the page was left for ESS and opened again', async () => {
    await renderReadyCard();
    cleanup();
    // A new page instance (back from ESS), which finds the pending link on the server.
    mockCloud({ getUserVerifyStatus: () => pendingStatus() });
    render(<VerifyPage />);
    fireEvent.click(await screen.findByRole('button', { name: '修改填写信息' }));
    expect(field('姓名')).toHaveValue(VALID.name);
    expect(field('身份证号')).toHaveValue(VALID.idCardNumber);
    expect(field('手机号')).toHaveValue(VALID.mobile);
  });

  it('goes to the result page when the server says the user is verified', async () => {
    mockCloud({
      getUserVerifyStatus: () => ({
        ok: true,
        status: 'verified',
        maskedName: '*三',
        proof: 'ess-callback',
      }),
    });
    render(<VerifyPage />);
    await waitFor(() =>
      expect(mocked.redirectTo).toHaveBeenCalledWith({ url: '/pages/result/index' }),
    );
  });

  it('shows the form when the status check fails', async () => {
    mockCloud({
      getUserVerifyStatus: () => ({
        ok: false,
        code: 'INTERNAL',
        message: ERROR_MESSAGES.INTERNAL,
      }),
    });
    await renderForm();
    expectSubmitPale(true);
  });
});

describe('verify page: other answers', () => {
  async function submitValid() {
    await renderForm();
    fillValidForm();
    agreeToNotice();
    fireEvent.click(submitButton());
  }

  it('verified as someone else: says so and offers the way to the result page', async () => {
    mockCloud({
      createUserVerifyUrl: () => ({
        ok: false,
        code: 'VERIFIED_OTHER_IDENTITY',
        message: ERROR_MESSAGES.VERIFIED_OTHER_IDENTITY,
      }),
    });
    await submitValid();
    expect(
      await screen.findByText(fullText(ERROR_MESSAGES.VERIFIED_OTHER_IDENTITY)),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看我的实名结果' }));
    expect(mocked.navigateTo).toHaveBeenCalledWith({ url: '/pages/result/index' });
  });

  it('quota reached: the message, and what was typed stays', async () => {
    mockCloud({
      createUserVerifyUrl: () => ({
        ok: false,
        code: 'QUOTA_EXCEEDED',
        message: ERROR_MESSAGES.QUOTA_EXCEEDED,
      }),
    });
    await submitValid();
    expect(await screen.findByText(fullText(ERROR_MESSAGES.QUOTA_EXCEEDED))).toBeInTheDocument();
    expect(field('身份证号')).toHaveValue(VALID.idCardNumber);
    expect(screen.queryByText('正在排队，请稍候')).not.toBeInTheDocument();
  });
});

describe('verify page: the waiting room (QUEUED)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const queued = (retryAfterMs: number) => ({
    ok: false as const,
    code: 'QUEUED' as const,
    message: ERROR_MESSAGES.QUEUED,
    retryAfterMs,
  });

  async function submitIntoQueue(answers: unknown[]) {
    const calls = mockCloud({ createUserVerifyUrl: () => answers.shift() as never });
    await renderForm();
    fillValidForm();
    agreeToNotice();
    fireEvent.click(submitButton());
    await screen.findByText('正在排队，请稍候');
    return calls;
  }

  const advance = (ms: number) =>
    act(async () => {
      jest.advanceTimersByTime(ms);
    });

  it('keeps the form, counts down and calls again by itself with the same input', async () => {
    await submitIntoQueue([queued(3_000), { ok: true, reused: false, ...miniProgramLink() }]);
    expect(screen.getByText(fullText(ERROR_MESSAGES.QUEUED))).toBeInTheDocument();
    expect(screen.getByText('预计还需约 3 秒，将自动继续')).toBeInTheDocument();
    // What was typed stays on screen, read-only while waiting; nothing to tap.
    expect(field('姓名')).toHaveValue(VALID.name);
    expect(field('身份证号')).toBeDisabled();
    expect(field('手机号')).toHaveValue(VALID.mobile);
    expect(screen.queryByRole('button', { name: /提交并获取实名链接/ })).not.toBeInTheDocument();
    expect(cloudCallsTo('createUserVerifyUrl')).toHaveLength(1);

    await advance(1_000);
    expect(screen.getByText('预计还需约 2 秒，将自动继续')).toBeInTheDocument();
    await advance(2_000);
    expect(await screen.findByText('实名链接已生成')).toBeInTheDocument();
    const calls = cloudCallsTo('createUserVerifyUrl') as Array<{ data: unknown }>;
    expect(calls).toHaveLength(2);
    expect(calls[1].data).toEqual(VALID);
  });

  it('waits again as long as the server says so', async () => {
    await submitIntoQueue([
      queued(2_000),
      queued(5_000),
      { ok: true, reused: false, ...miniProgramLink() },
    ]);
    await advance(2_000);
    expect(await screen.findByText('预计还需约 5 秒，将自动继续')).toBeInTheDocument();
    expect(cloudCallsTo('createUserVerifyUrl')).toHaveLength(2);
    await advance(5_000);
    expect(await screen.findByText('实名链接已生成')).toBeInTheDocument();
    expect(cloudCallsTo('createUserVerifyUrl')).toHaveLength(3);
  });

  it('treats RATE_LIMITED with retryAfterMs the same way', async () => {
    await submitIntoQueue([
      {
        ok: false,
        code: 'RATE_LIMITED',
        message: ERROR_MESSAGES.RATE_LIMITED,
        retryAfterMs: 1_500,
      },
      { ok: true, reused: false, ...miniProgramLink() },
    ]);
    expect(screen.getByText('预计还需约 2 秒，将自动继续')).toBeInTheDocument();
    // The page continues by itself: it says so, rather than "请稍等几秒后再试".
    expect(screen.getByText(fullText(ERROR_MESSAGES.QUEUED))).toBeInTheDocument();
    expect(screen.queryByText(fullText(ERROR_MESSAGES.RATE_LIMITED))).not.toBeInTheDocument();
    await advance(1_500);
    expect(await screen.findByText('实名链接已生成')).toBeInTheDocument();
  });

  it('tries again by itself when ESS failed for a moment, three times in a row at most', async () => {
    const busy = {
      ok: false as const,
      code: 'ESS_UNAVAILABLE' as const,
      message: ERROR_MESSAGES.ESS_UNAVAILABLE,
      retryAfterMs: 2_000,
    };
    await submitIntoQueue([busy, busy, busy, busy]);
    expect(screen.getByText(fullText(RETRYING_MESSAGE))).toBeInTheDocument();
    for (let i = 0; i < 3; i += 1) await advance(2_000);
    // The fourth failure in a row is shown: the user decides when to try again.
    expect(await screen.findByText(fullText(ERROR_MESSAGES.ESS_UNAVAILABLE))).toBeInTheDocument();
    expect(cloudCallsTo('createUserVerifyUrl')).toHaveLength(4);
    expect(field('身份证号')).toHaveValue(VALID.idCardNumber);
  });

  it('"取消排队" stops waiting and gives the form back, as typed', async () => {
    await submitIntoQueue([queued(3_000)]);
    fireEvent.click(screen.getByRole('button', { name: '取消排队' }));
    await advance(10_000);
    expect(cloudCallsTo('createUserVerifyUrl')).toHaveLength(1);
    expect(field('身份证号')).toBeEnabled();
    expect(field('身份证号')).toHaveValue(VALID.idCardNumber);
    expectSubmitPale(false);
  });

  it('a page show while waiting does not interrupt the wait', async () => {
    await submitIntoQueue([queued(2_000), { ok: true, reused: false, ...miniProgramLink() }]);
    await act(async () => __triggerDidShow());
    expect(screen.getByText('正在排队，请稍候')).toBeInTheDocument();
    await advance(2_000);
    expect(await screen.findByText('实名链接已生成')).toBeInTheDocument();
  });

  it('a RATE_LIMITED answer without a wait is shown as a message', async () => {
    mockCloud({
      createUserVerifyUrl: () => ({
        ok: false,
        code: 'RATE_LIMITED',
        message: ERROR_MESSAGES.RATE_LIMITED,
      }),
    });
    await renderForm();
    fillValidForm();
    agreeToNotice();
    fireEvent.click(submitButton());
    expect(await screen.findByText(fullText(ERROR_MESSAGES.RATE_LIMITED))).toBeInTheDocument();
    expect(screen.queryByText('正在排队，请稍候')).not.toBeInTheDocument();
  });
});

describe('verify page: text size', () => {
  const pageRoot = (container: HTMLElement) => container.querySelector('.page');

  it("follows WeChat's font size setting (--font-scale on the page's root)", async () => {
    mocked.getAppBaseInfo.mockReturnValue({ fontSizeScaleFactor: 1.4 });
    const { container } = await renderForm();
    expect(pageRoot(container)).toHaveAttribute('data-style', '--font-scale: 1.4');
  });

  it('falls back to fontSizeSetting, and keeps the scale within what the layout is built for', async () => {
    mocked.getAppBaseInfo.mockReturnValue({});
    mocked.getSystemInfoSync = jest.fn(() => ({ fontSizeSetting: 68 }));
    const { container } = await renderForm();
    expect(pageRoot(container)).toHaveAttribute('data-style', '--font-scale: 2');
  });
});
