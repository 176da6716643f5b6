import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import VerifyPage from '../../src/pages/verify';
import PrivacyNoticePage from '../../src/pages/privacy';
import { __triggerNeedPrivacyAuthorization } from '../mocks/taro';
import {
  agreeToNotice,
  cloudCallsTo,
  fillValidForm,
  miniProgramLink,
  mockCloud,
  submitButton,
} from './helpers';

const mocked = Taro as unknown as Record<string, jest.Mock>;

function needAuthorization() {
  mocked.getPrivacySetting.mockImplementation(({ success }) =>
    success({
      needAuthorization: true,
      privacyContractName: '《实名认证小程序隐私保护指引》',
      errMsg: 'ok',
    }),
  );
}

describe('WeChat privacy authorization', () => {
  it('shows no popup when WeChat needs no authorization', async () => {
    render(<VerifyPage />);
    await screen.findByLabelText('姓名');
    expect(mocked.getPrivacySetting).toHaveBeenCalled();
    // Registered with WeChat once per app lifetime (this is the file's first render).
    expect(mocked.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1);
    expect(screen.queryByText('用户隐私保护提示')).not.toBeInTheDocument();
  });

  it('shows the popup first when needAuthorization, and agreeing closes it', async () => {
    needAuthorization();
    render(<VerifyPage />);
    expect(await screen.findByText('用户隐私保护提示')).toBeInTheDocument();
    const agree = screen.getByRole('button', { name: '同意并继续' });
    expect(agree).toHaveAttribute('data-open-type', 'agreePrivacyAuthorization');
    expect(agree).toHaveAttribute('id', 'privacy-agree-button');

    fireEvent.click(screen.getByText('《实名认证小程序隐私保护指引》'));
    expect(mocked.openPrivacyContract).toHaveBeenCalledTimes(1);

    fireEvent.click(agree);
    expect(screen.queryByText('用户隐私保护提示')).not.toBeInTheDocument();
  });

  it('asks again on submit after "暂不同意", and submits once the user agrees', async () => {
    needAuthorization();
    mockCloud({
      createUserVerifyUrl: () => ({
        ok: true,
        verified: false,
        reused: false,
        ...miniProgramLink(),
      }),
    });
    render(<VerifyPage />);
    fireEvent.click(await screen.findByRole('button', { name: '暂不同意' }));
    fillValidForm();
    agreeToNotice();
    fireEvent.click(submitButton());
    expect(screen.getByText('用户隐私保护提示')).toBeInTheDocument();
    expect(cloudCallsTo('createUserVerifyUrl')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }));
    expect(await screen.findByText('实名链接已生成')).toBeInTheDocument();
    expect(cloudCallsTo('createUserVerifyUrl')).toHaveLength(1);
  });

  it('answers onNeedPrivacyAuthorization with the agree button id', async () => {
    render(<VerifyPage />);
    await screen.findByLabelText('姓名');
    const resolve = jest.fn();
    act(() => __triggerNeedPrivacyAuthorization(resolve));
    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }));
    expect(resolve).toHaveBeenCalledWith({ buttonId: 'privacy-agree-button', event: 'agree' });
  });

  it('answers onNeedPrivacyAuthorization with disagree when declined', async () => {
    render(<VerifyPage />);
    await screen.findByLabelText('姓名');
    const resolve = jest.fn();
    act(() => __triggerNeedPrivacyAuthorization(resolve));
    fireEvent.click(screen.getByRole('button', { name: '暂不同意' }));
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
    expect(screen.queryByText('用户隐私保护提示')).not.toBeInTheDocument();
  });

  it("declines on the user's behalf when no page can show the popup", async () => {
    const view = render(<VerifyPage />);
    await screen.findByLabelText('姓名');
    view.unmount();
    const resolve = jest.fn();
    __triggerNeedPrivacyAuthorization(resolve);
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
  });
});

describe('privacy notice page', () => {
  it('says what is collected, why, where it goes, how long and how to reach us', () => {
    render(<PrivacyNoticePage />);
    for (const heading of [
      '我们收集哪些信息',
      '为什么收集',
      '提供给谁',
      '保存多久',
      '你的权利',
      '联系我们',
    ]) {
      expect(screen.getByText(heading)).toBeInTheDocument();
    }
    expect(screen.getByText(/姓名、居民身份证号和手机号/)).toBeInTheDocument();
    expect(screen.getByText(/提交给腾讯电子签/)).toBeInTheDocument();
    expect(screen.getByText(/脱敏/)).toBeInTheDocument();
    // Where the right to deletion is exercised, and what stays with ESS.
    expect(screen.getByText(/撤回授权并删除我的实名信息/)).toBeInTheDocument();
    expect(screen.getByText(/腾讯电子签保留的认证记录/)).toBeInTheDocument();
  });
});

describe('privacy popup on the admin pages', () => {
  it('explains the admin pages’ own use of information, clipboard and album', async () => {
    needAuthorization();
    const { default: EnterprisesPage } = await import('../../src/admin/pages/enterprises');
    render(<EnterprisesPage />);
    expect(await screen.findByText('用户隐私保护提示')).toBeInTheDocument();
    expect(screen.getByText(/剪切板和相册/)).toBeInTheDocument();
    expect(screen.queryByText(/为了完成实名认证/)).not.toBeInTheDocument();
  });
});
