/** Coming back from the ESS mini-program: the app-level onShow, the page, and the result page. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import App from '../../src/app';
import VerifyPage from '../../src/pages/verify';
import ResultPage from '../../src/pages/result';
import {
  cancelEssLaunch,
  markEssLaunch,
  noteAppHide,
  noteAppShow,
  takeEssReturn,
  takeEssReturnOnPageShow,
} from '../../src/services/essReturn';
import { __triggerDidHide, __triggerDidShow } from '../mocks/taro';
import { agreeToNotice, fillValidForm, miniProgramLink, mockCloud, submitButton } from './helpers';

const mocked = Taro as unknown as Record<string, jest.Mock> & { cloud: Record<string, jest.Mock> };
const ESS_BACK = { scene: 1038, referrerInfo: { appId: 'wxa023b292fd19d41d', extraData: {} } };

describe('essReturn', () => {
  it('records a return from an ESS app id only while a launch is pending, and hands it out once', () => {
    noteAppShow(ESS_BACK);
    expect(takeEssReturn()).toBeNull();

    markEssLaunch();
    noteAppShow({ referrerInfo: { appId: 'wx0000000000000000' } });
    expect(takeEssReturn()).toBeNull();

    noteAppShow(ESS_BACK);
    expect(takeEssReturn()).toMatchObject({ via: 'referrer' });
    expect(takeEssReturn()).toBeNull();
    // WeChat repeats the stale referrerInfo on a later show: not a new return.
    noteAppShow(ESS_BACK);
    expect(takeEssReturn()).toBeNull();
  });

  it('knows the test ESS app and original (gh_) ids', () => {
    markEssLaunch();
    noteAppShow({ referrerInfo: { appId: 'gh_39a5d3de69fa' } });
    expect(takeEssReturn()).not.toBeNull();
  });

  it('counts being shown again after a hide as a return (ESS closed by hand)', () => {
    markEssLaunch();
    noteAppHide();
    noteAppShow({ referrerInfo: {} });
    expect(takeEssReturn()).toMatchObject({ via: 'show' });
  });

  it('lets a page notice the return when the app-level show did not', () => {
    markEssLaunch();
    expect(takeEssReturnOnPageShow()).toMatchObject({ via: 'show' });
    expect(takeEssReturnOnPageShow()).toBeNull();
    markEssLaunch();
    cancelEssLaunch();
    expect(takeEssReturnOnPageShow()).toBeNull();
  });
});

describe('app-level return detection', () => {
  it('initialises the cloud once at launch', () => {
    render(
      <App>
        <div />
      </App>,
    );
    expect(mocked.cloud.init).toHaveBeenCalledTimes(1);
    expect(mocked.cloud.init).toHaveBeenCalledWith({ env: 'DYNAMIC_CURRENT_ENV', traceUser: true });
  });

  it('referrerInfo with the ESS app id takes the user to the result page, once', async () => {
    const link = miniProgramLink();
    mockCloud({
      createUserVerifyUrl: () => ({ ok: true, verified: false, reused: false, ...link }),
      getUserVerifyStatus: () => ({ ok: true, status: 'none' }),
    });
    render(
      <App>
        <VerifyPage />
      </App>,
    );
    await screen.findByLabelText('姓名');
    fillValidForm();
    agreeToNotice();
    fireEvent.click(submitButton());
    fireEvent.click(await screen.findByRole('button', { name: '前往腾讯电子签完成实名' }));
    expect(mocked.openEmbeddedMiniProgram).toHaveBeenCalledTimes(1);

    await act(async () => {
      __triggerDidHide();
      __triggerDidShow(ESS_BACK);
    });
    expect(mocked.navigateTo).toHaveBeenCalledWith({ url: '/pages/result/index?from=ess' });
    expect(mocked.navigateTo).toHaveBeenCalledTimes(1);

    // Back on the page later, WeChat still reports the same referrer: no second trip.
    await act(async () => {
      __triggerDidHide();
      __triggerDidShow(ESS_BACK);
    });
    expect(mocked.navigateTo).toHaveBeenCalledTimes(1);
  });

  it('the result page then shows what the server says: verified', async () => {
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
  });
});
