import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import VerifyPage from '../../src/pages/verify';
import { ERROR_MESSAGES } from '../../src/domain/errors';
import { __triggerDidHide, __triggerDidShow } from '../mocks/taro';
import {
  VALID,
  agreeToNotice,
  cloudCallsTo,
  field,
  fillValidForm,
  miniProgramLink,
  mockCloud,
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
  it('renders the three fields, the consent and a disabled submit button', async () => {
    await renderForm();
    expect(screen.getByText('实名认证')).toBeInTheDocument();
    expect(field('姓名')).toHaveValue('');
    expect(field('身份证号')).toHaveAttribute('data-type', 'idcard');
    expect(field('手机号')).toHaveAttribute('data-type', 'number');
    expect(
      screen.getByRole('checkbox', { name: '我已阅读并同意《个人信息保护说明》' }),
    ).not.toBeChecked();
    expect(screen.getByText('《个人信息保护说明》')).toBeInTheDocument();
    expect(submitButton()).toBeDisabled();
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

  it('enables submit only when every field is valid and the notice is agreed to', async () => {
    await renderForm();
    fillValidForm();
    expect(submitButton()).toBeDisabled();
    agreeToNotice();
    expect(submitButton()).toBeEnabled();
    type('手机号', '1380013800');
    expect(submitButton()).toBeDisabled();
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

    expect(await screen.findByText(ERROR_MESSAGES.ESS_UNAVAILABLE)).toBeInTheDocument();
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
    expect(screen.getByText(ERROR_MESSAGES.INVALID_INPUT)).toBeInTheDocument();
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
    expect(await screen.findByText(ERROR_MESSAGES.NETWORK)).toBeInTheDocument();
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

  it('falls back to navigateToMiniProgram when opening half-screen fails', async () => {
    const link = miniProgramLink();
    mocked.openEmbeddedMiniProgram.mockImplementation(({ fail }) =>
      fail({ errMsg: 'openEmbeddedMiniProgram:fail appId not in embeddedAppIdList' }),
    );
    const launch = await renderReadyCard(link);
    fireEvent.click(launch);
    expect(mocked.navigateToMiniProgram).toHaveBeenCalledTimes(1);
    expect(withoutCallbacks(mocked.navigateToMiniProgram.mock.calls[0][0])).toEqual({
      appId: link.miniAppId,
      path: link.path,
      envVersion: 'release',
    });
  });

  it('does not fall back, nor count a return, when the user cancels', async () => {
    mocked.openEmbeddedMiniProgram.mockImplementation(({ fail }) =>
      fail({ errMsg: 'openEmbeddedMiniProgram:fail cancel' }),
    );
    const launch = await renderReadyCard();
    fireEvent.click(launch);
    expect(mocked.navigateToMiniProgram).not.toHaveBeenCalled();
    await act(async () => __triggerDidShow());
    expect(mocked.navigateTo).not.toHaveBeenCalledWith({ url: '/pages/result/index' });
  });

  it('shows a kind message when ESS cannot be opened at all', async () => {
    mocked.openEmbeddedMiniProgram.mockImplementation(({ fail }) =>
      fail({ errMsg: 'openEmbeddedMiniProgram:fail' }),
    );
    mocked.navigateToMiniProgram.mockImplementation((options: { fail: (r: unknown) => void }) => {
      options.fail({ errMsg: 'navigateToMiniProgram:fail' });
      return Promise.reject(new Error('fail'));
    });
    const launch = await renderReadyCard();
    fireEvent.click(launch);
    expect(await screen.findByText('暂时无法打开腾讯电子签，请稍后重试')).toBeInTheDocument();
  });

  it('goes to the result page when shown again after the launch (user closed ESS)', async () => {
    const launch = await renderReadyCard();
    fireEvent.click(launch);
    expect(mocked.navigateTo).not.toHaveBeenCalled();
    await act(async () => {
      __triggerDidHide();
      __triggerDidShow();
    });
    expect(mocked.navigateTo).toHaveBeenCalledWith({ url: '/pages/result/index' });
  });

  it('sends an expired link back to the form instead of opening it', async () => {
    const launch = await renderReadyCard(
      miniProgramLink({ expireTime: Math.floor(Date.now() / 1000) + 1 }),
    );
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 5_000);
    fireEvent.click(launch);
    jest.restoreAllMocks();
    expect(mocked.openEmbeddedMiniProgram).not.toHaveBeenCalled();
    expect(screen.getByText(ERROR_MESSAGES.LINK_EXPIRED)).toBeInTheDocument();
    expect(field('姓名')).toHaveValue(VALID.name);
  });
});

describe('verify page: coming back later', () => {
  it('shows the ready card again when the server has a pending verification', async () => {
    const link = miniProgramLink();
    mockCloud({
      getUserVerifyStatus: () => ({ ok: true, status: 'pending', maskedName: '*三', ...link }),
    });
    render(<VerifyPage />);
    const launch = await screen.findByRole('button', { name: '前往腾讯电子签完成实名' });
    expect(screen.getByText('*三')).toBeInTheDocument();
    fireEvent.click(launch);
    expect(withoutCallbacks(mocked.openEmbeddedMiniProgram.mock.calls[0][0]).path).toBe(link.path);
    expect(cloudCallsTo('createUserVerifyUrl')).toHaveLength(0);
  });

  it('lets the user go back from the ready card to edit', async () => {
    await renderReadyCard();
    fireEvent.click(screen.getByRole('button', { name: '修改填写信息' }));
    expect(field('身份证号')).toHaveValue(VALID.idCardNumber);
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
    expect(submitButton()).toBeDisabled();
  });
});
