import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ResultPage from '../../src/pages/result';
import { ERROR_MESSAGES } from '../../src/domain/errors';
import { __setRouterParams, __triggerDidHide, __triggerDidShow } from '../mocks/taro';
import {
  VERIFIED_STATUS,
  cloudCallsTo,
  miniProgramLink,
  mockCloud,
  pendingStatus,
  withoutCallbacks,
  fullText,
} from './helpers';

const mocked = Taro as unknown as Record<string, jest.Mock>;

describe('result page', () => {
  it('shows a loading state while it asks the server', async () => {
    let answer: (value: unknown) => void = () => undefined;
    mockCloud({ getUserVerifyStatus: () => new Promise((resolve) => (answer = resolve)) as never });
    render(<ResultPage />);
    expect(await screen.findByText('正在查询实名结果…')).toBeInTheDocument();
    await act(async () =>
      answer({ ok: true, status: 'verified', maskedName: '*三', proof: 'ess-callback' }),
    );
    expect(screen.queryByText('正在查询实名结果…')).not.toBeInTheDocument();
  });

  it('verified: says so, with the masked name and ID number', async () => {
    mockCloud({ getUserVerifyStatus: () => VERIFIED_STATUS });
    render(<ResultPage />);
    expect(await screen.findByText('实名认证已完成')).toBeInTheDocument();
    expect(screen.getByText('*三')).toBeInTheDocument();
    expect(screen.getByText('110***********002X')).toBeInTheDocument();
  });

  it('pending: "继续完成实名" reopens the same still-valid link from the tap', async () => {
    const link = miniProgramLink();
    mockCloud({ getUserVerifyStatus: () => pendingStatus(link) });
    render(<ResultPage />);
    expect(await screen.findByText('尚未完成实名')).toBeInTheDocument();
    expect(screen.getByText('110***********002X')).toBeInTheDocument();

    const again = screen.getByRole('button', { name: '继续完成实名' });
    fireEvent.click(again);
    expect(mocked.openEmbeddedMiniProgram).toHaveBeenCalledTimes(1);
    fireEvent.click(again);
    expect(mocked.openEmbeddedMiniProgram).toHaveBeenCalledTimes(2);
    for (const [options] of mocked.openEmbeddedMiniProgram.mock.calls) {
      expect(withoutCallbacks(options)).toEqual({
        appId: link.miniAppId,
        path: link.path,
        envVersion: 'release',
      });
    }
    // The link is reused: no new one is requested.
    expect(cloudCallsTo('createUserVerifyUrl')).toHaveLength(0);
  });

  it('asks again when shown after coming back from ESS', async () => {
    const link = miniProgramLink();
    const statuses = [
      { ok: true as const, status: 'pending' as const, ...link },
      {
        ok: true as const,
        status: 'verified' as const,
        maskedName: '*三',
        proof: 'ess-callback' as const,
      },
    ];
    mockCloud({
      getUserVerifyStatus: () =>
        statuses.shift() ?? { ok: true, status: 'verified', proof: 'ess-callback' },
    });
    render(<ResultPage />);
    fireEvent.click(await screen.findByRole('button', { name: '继续完成实名' }));
    await act(async () => {
      __triggerDidHide();
      __triggerDidShow({ referrerInfo: { appId: 'wxa023b292fd19d41d' } });
    });
    expect(await screen.findByText('实名认证已完成')).toBeInTheDocument();
    expect(cloudCallsTo('getUserVerifyStatus')).toHaveLength(2);
  });

  it('failed: shows the message kindly, and "重试" asks again', async () => {
    const answers = [
      {
        ok: false as const,
        code: 'ESS_UNAVAILABLE' as const,
        message: ERROR_MESSAGES.ESS_UNAVAILABLE,
      },
      {
        ok: true as const,
        status: 'verified' as const,
        maskedName: '*三',
        proof: 'ess-callback' as const,
      },
    ];
    mockCloud({ getUserVerifyStatus: () => answers.shift()! });
    render(<ResultPage />);
    expect(await screen.findByText(fullText(ERROR_MESSAGES.ESS_UNAVAILABLE))).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('实名认证已完成')).toBeInTheDocument();
  });

  it('a network failure is shown as such', async () => {
    render(<ResultPage />);
    // Replaced after the first (mount) call resolves with the default answer.
    await screen.findByText('还没有进行中的实名');
    (Taro.cloud.callFunction as unknown as jest.Mock).mockRejectedValue(new Error('offline'));
    await act(async () => __triggerDidShow());
    expect(await screen.findByText(fullText(ERROR_MESSAGES.NETWORK))).toBeInTheDocument();
  });

  it('none: offers the way back to the form', async () => {
    render(<ResultPage />);
    expect(await screen.findByText('还没有进行中的实名')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '去填写信息' }));
    expect(mocked.redirectTo).toHaveBeenCalledWith({ url: '/pages/verify/index' });
  });

  it('returns to the form underneath (keeping what was typed) when there is one', async () => {
    mocked.getCurrentPages.mockReturnValue([
      { route: 'pages/verify/index' },
      { route: 'pages/result/index' },
    ]);
    render(<ResultPage />);
    fireEvent.click(await screen.findByRole('button', { name: '去填写信息' }));
    expect(mocked.navigateBack).toHaveBeenCalledWith({ delta: 1 });
  });

  it('expired link: back to the form', async () => {
    const link = miniProgramLink({ expireTime: Math.floor(Date.now() / 1000) - 60 });
    mockCloud({ getUserVerifyStatus: () => ({ ok: true, status: 'pending', ...link }) });
    render(<ResultPage />);
    expect(await screen.findByText('实名链接已过期')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '返回重新提交' }));
    expect(mocked.redirectTo).toHaveBeenCalledWith({ url: '/pages/verify/index' });
    expect(mocked.openEmbeddedMiniProgram).not.toHaveBeenCalled();
  });

  it('expired according to the server: back to the form', async () => {
    mockCloud({
      getUserVerifyStatus: () => ({
        ok: false,
        code: 'LINK_EXPIRED',
        message: ERROR_MESSAGES.LINK_EXPIRED,
      }),
    });
    render(<ResultPage />);
    expect(await screen.findByText('实名链接已过期')).toBeInTheDocument();
  });

  it('a link that expired unused (status none, expired): says so rather than "nothing started"', async () => {
    mockCloud({ getUserVerifyStatus: () => ({ ok: true, status: 'none', expired: true }) });
    render(<ResultPage />);
    expect(await screen.findByText('实名链接已过期')).toBeInTheDocument();
    expect(screen.queryByText('还没有进行中的实名')).not.toBeInTheDocument();
  });
});

describe('result page: coming back from ESS while still pending', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const advance = (ms: number) =>
    act(async () => {
      jest.advanceTimersByTime(ms);
    });
  const statusCalls = () => cloudCallsTo('getUserVerifyStatus').length;
  const HELP = /如果你已在腾讯电子签完成认证，结果同步可能需要几秒钟/;

  it('checks again by itself after 2 s and 4 s, then says the user left before finishing', async () => {
    __setRouterParams({ from: 'ess' });
    mockCloud({ getUserVerifyStatus: () => pendingStatus() });
    render(<ResultPage />);
    expect(await screen.findByText('正在确认实名结果')).toBeInTheDocument();
    // Useful either way while it checks: continue, refresh, and the help text.
    expect(screen.getByRole('button', { name: '继续完成实名' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '刷新结果' })).toBeInTheDocument();
    expect(screen.getByText(HELP)).toBeInTheDocument();
    expect(statusCalls()).toBe(1);

    await advance(2_000);
    expect(statusCalls()).toBe(2);
    expect(screen.getByText('正在确认实名结果')).toBeInTheDocument();
    await advance(4_000);
    expect(statusCalls()).toBe(3);
    expect(await screen.findByText('实名还没有完成')).toBeInTheDocument();
    expect(screen.getByText(/看起来你在完成实名前离开了腾讯电子签/)).toBeInTheDocument();
    expect(screen.getByText(HELP)).toBeInTheDocument();
    // No more checks by itself.
    await advance(30_000);
    expect(statusCalls()).toBe(3);
  });

  it('shows verified as soon as a re-check finds it', async () => {
    __setRouterParams({ from: 'ess' });
    const answers = [pendingStatus(), VERIFIED_STATUS];
    mockCloud({ getUserVerifyStatus: () => answers.shift() ?? VERIFIED_STATUS });
    render(<ResultPage />);
    await screen.findByText('正在确认实名结果');
    await advance(2_000);
    expect(await screen.findByText('实名认证已完成')).toBeInTheDocument();
    await advance(10_000);
    expect(statusCalls()).toBe(2);
  });

  it('a return noticed by the app (no query parameter) counts the same', async () => {
    mockCloud({ getUserVerifyStatus: () => pendingStatus() });
    render(<ResultPage />);
    fireEvent.click(await screen.findByRole('button', { name: '继续完成实名' }));
    await act(async () => {
      __triggerDidHide();
      __triggerDidShow({ referrerInfo: { appId: 'wxa023b292fd19d41d' } });
    });
    expect(await screen.findByText('正在确认实名结果')).toBeInTheDocument();
  });

  it('opened directly (not a return): the plain pending card, no checks by itself', async () => {
    mockCloud({ getUserVerifyStatus: () => pendingStatus() });
    render(<ResultPage />);
    expect(await screen.findByText('尚未完成实名')).toBeInTheDocument();
    expect(screen.getByText(HELP)).toBeInTheDocument();
    await advance(10_000);
    expect(statusCalls()).toBe(1);
  });
});

describe('result page: half-screen failure', () => {
  it('offers "全屏打开腾讯电子签", which opens the same link from its own tap', async () => {
    const link = miniProgramLink();
    mockCloud({ getUserVerifyStatus: () => pendingStatus(link) });
    mocked.openEmbeddedMiniProgram.mockImplementation(({ fail }) =>
      fail({ errMsg: 'openEmbeddedMiniProgram:fail system error' }),
    );
    render(<ResultPage />);
    fireEvent.click(await screen.findByRole('button', { name: '继续完成实名' }));
    expect(mocked.navigateToMiniProgram).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByRole('button', { name: '全屏打开腾讯电子签' }));
    expect(withoutCallbacks(mocked.navigateToMiniProgram.mock.calls[0][0])).toEqual({
      appId: link.miniAppId,
      path: link.path,
      envVersion: 'release',
    });
  });
});

describe('result page: verified, and the way on', () => {
  async function renderVerified() {
    mockCloud({ getUserVerifyStatus: () => VERIFIED_STATUS });
    render(<ResultPage />);
    await screen.findByText('实名认证已完成');
  }

  it('by default "完成" goes back to the pages open before the flow', async () => {
    mocked.getCurrentPages.mockReturnValue([
      { route: 'pages/home/index' },
      { route: 'pages/verify/index' },
      { route: 'pages/result/index' },
    ]);
    await renderVerified();
    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    expect(mocked.navigateBack).toHaveBeenCalledWith({ delta: 2 });
    expect(mocked.exitMiniProgram).not.toHaveBeenCalled();
  });

  it('by default, with nothing before the flow, returns to the mini-program that opened it', async () => {
    mocked.getEnterOptionsSync.mockReturnValue({
      scene: 1037,
      referrerInfo: { appId: 'wx1234567890abcdef' },
    });
    await renderVerified();
    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    expect(mocked.navigateBackMiniProgram).toHaveBeenCalledTimes(1);
  });

  it('by default, opened on its own, closes the mini-program', async () => {
    await renderVerified();
    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    expect(mocked.exitMiniProgram).toHaveBeenCalledTimes(1);
    expect(mocked.navigateBackMiniProgram).not.toHaveBeenCalled();
  });

  it('with TARO_APP_AFTER_VERIFIED_PAGE, "继续" opens that page', async () => {
    process.env.TARO_APP_AFTER_VERIFIED_PAGE = 'pages/member/index';
    await renderVerified();
    fireEvent.click(screen.getByRole('button', { name: '继续' }));
    expect(mocked.reLaunch).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/member/index' }),
    );
  });

  it('keeps the last words and the full stop together (no lone "。" line)', async () => {
    await renderVerified();
    expect(screen.getByText('签核验。')).toHaveClass('nowrap');
  });
});

describe('result page: withdraw', () => {
  const WITHDRAW = '撤回授权并删除我的实名信息';

  it('confirms, says what is deleted (our copy only), erases and offers to start again', async () => {
    mockCloud({
      getUserVerifyStatus: () => VERIFIED_STATUS,
      withdrawVerification: () => ({ ok: true }),
    });
    render(<ResultPage />);
    fireEvent.click(await screen.findByRole('button', { name: WITHDRAW }));

    const dialog = screen.getByRole('dialog', { name: '撤回授权并删除实名信息？' });
    expect(within(dialog).getByText(/姓名、身份证号、实名结果和实名链接记录/)).toBeInTheDocument();
    expect(
      within(dialog).getByText(/腾讯电子签会按其规则保留它自己的认证记录/),
    ).toBeInTheDocument();
    expect(cloudCallsTo('withdrawVerification')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: '确认撤回并删除' }));
    expect(await screen.findByText('已撤回授权并删除实名信息')).toBeInTheDocument();
    expect(cloudCallsTo('withdrawVerification')).toEqual([
      { name: 'withdrawVerification', data: {} },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // A fresh start: the verify page underneath (with what was typed) is closed too.
    fireEvent.click(screen.getByRole('button', { name: '重新实名认证' }));
    expect(mocked.reLaunch).toHaveBeenCalledWith({ url: '/pages/verify/index' });
    expect(mocked.navigateBack).not.toHaveBeenCalled();
  });

  it('"取消" closes the dialog and deletes nothing', async () => {
    mockCloud({ getUserVerifyStatus: () => VERIFIED_STATUS });
    render(<ResultPage />);
    fireEvent.click(await screen.findByRole('button', { name: WITHDRAW }));
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(cloudCallsTo('withdrawVerification')).toHaveLength(0);
    expect(screen.getByText('实名认证已完成')).toBeInTheDocument();
  });

  it('a failure is said in the dialog, which stays open for another try', async () => {
    const answers = [
      { ok: false as const, code: 'INTERNAL' as const, message: ERROR_MESSAGES.INTERNAL },
      { ok: true as const },
    ];
    mockCloud({
      getUserVerifyStatus: () => VERIFIED_STATUS,
      withdrawVerification: () => answers.shift()!,
    });
    render(<ResultPage />);
    fireEvent.click(await screen.findByRole('button', { name: WITHDRAW }));
    fireEvent.click(screen.getByRole('button', { name: '确认撤回并删除' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(fullText(ERROR_MESSAGES.INTERNAL))).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: '确认撤回并删除' }));
    expect(await screen.findByText('已撤回授权并删除实名信息')).toBeInTheDocument();
  });

  it('is offered on a pending verification too', async () => {
    mockCloud({
      getUserVerifyStatus: () => pendingStatus(),
      withdrawVerification: () => ({ ok: true }),
    });
    render(<ResultPage />);
    fireEvent.click(await screen.findByRole('button', { name: WITHDRAW }));
    fireEvent.click(screen.getByRole('button', { name: '确认撤回并删除' }));
    expect(await screen.findByText('已撤回授权并删除实名信息')).toBeInTheDocument();
  });
});
