import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ResultPage from '../../src/pages/result';
import { ERROR_MESSAGES } from '../../src/domain/errors';
import { __triggerDidHide, __triggerDidShow } from '../mocks/taro';
import { cloudCallsTo, miniProgramLink, mockCloud, withoutCallbacks } from './helpers';

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

  it('verified: says so, with the masked name', async () => {
    mockCloud({
      getUserVerifyStatus: () => ({
        ok: true,
        status: 'verified',
        maskedName: '*三',
        proof: 'ess-callback',
      }),
    });
    render(<ResultPage />);
    expect(await screen.findByText('实名认证已完成')).toBeInTheDocument();
    expect(screen.getByText('*三')).toBeInTheDocument();
  });

  it('pending: "继续完成实名" reopens the same still-valid link from the tap', async () => {
    const link = miniProgramLink();
    mockCloud({
      getUserVerifyStatus: () => ({ ok: true, status: 'pending', maskedName: '*三', ...link }),
    });
    render(<ResultPage />);
    expect(await screen.findByText('尚未完成实名')).toBeInTheDocument();

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
    expect(await screen.findByText(ERROR_MESSAGES.ESS_UNAVAILABLE)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(await screen.findByText('实名认证已完成')).toBeInTheDocument();
  });

  it('a network failure is shown as such', async () => {
    render(<ResultPage />);
    // Replaced after the first (mount) call resolves with the default answer.
    await screen.findByText('还没有进行中的实名');
    (Taro.cloud.callFunction as unknown as jest.Mock).mockRejectedValue(new Error('offline'));
    await act(async () => __triggerDidShow());
    expect(await screen.findByText(ERROR_MESSAGES.NETWORK)).toBeInTheDocument();
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
