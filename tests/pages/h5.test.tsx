/**
 * The H5 build (jest project `pages-h5`: `x.h5.ts` resolves before `x.ts`, as in Taro's h5 build):
 * server functions over fetch('/api/…'), never Taro.cloud or mini-program APIs.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import VerifyPage from '../../src/pages/verify';
import ResultPage from '../../src/pages/result';
import { enhanceAccessibility, watchAccessibility } from '../../src/services/h5/accessibility';
import { browserTextScale } from '../../src/services/h5/textScale';
import { loadFormDraft } from '../../src/services/formDraft';
import { callFunction, initPlatform, openVerifyLink } from '../../src/services/platform';
import { getPrivacySetting } from '../../src/services/privacy';
import { ERROR_MESSAGES } from '../../src/domain/errors';
import {
  VALID,
  VERIFIED_STATUS,
  agreeToNotice,
  fillValidForm,
  miniProgramLink,
  submitButton,
  fullText,
} from './helpers';

const mocked = Taro as unknown as Record<string, jest.Mock> & { cloud: Record<string, jest.Mock> };

function jsonResponse(body: unknown, status = 200) {
  return { ok: status < 400, status, json: async () => body };
}

const fetchMock = jest.fn();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockResolvedValue(jsonResponse({ ok: true, status: 'none' }));
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
});

function expectNoMiniProgramApis() {
  expect(mocked.cloud.init).not.toHaveBeenCalled();
  expect(mocked.cloud.callFunction).not.toHaveBeenCalled();
  expect(mocked.openEmbeddedMiniProgram).not.toHaveBeenCalled();
  expect(mocked.navigateToMiniProgram).not.toHaveBeenCalled();
  expect(mocked.getPrivacySetting).not.toHaveBeenCalled();
  expect(mocked.onNeedPrivacyAuthorization).not.toHaveBeenCalled();
}

describe('h5 platform adapter', () => {
  it('POSTs JSON to /api/<name> with same-origin credentials and returns the JSON', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse({ ok: true, status: 'verified', maskedName: '*三', proof: 'ess-callback' }),
    );
    const result = await callFunction('getUserVerifyStatus', {});
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/getUserVerifyStatus',
      expect.objectContaining({
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      }),
    );
    expect(result).toEqual({
      ok: true,
      status: 'verified',
      maskedName: '*三',
      proof: 'ess-callback',
    });
    initPlatform();
    expectNoMiniProgramApis();
  });

  it('passes on a failure answered with an error status', async () => {
    const failure = { ok: false, code: 'RATE_LIMITED', message: ERROR_MESSAGES.RATE_LIMITED };
    fetchMock.mockResolvedValue(jsonResponse(failure, 429));
    expect(await callFunction('createUserVerifyUrl', VALID)).toEqual(failure);
  });

  it('turns a network error into NETWORK and an unreadable answer into INTERNAL', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await callFunction('getUserVerifyStatus', {})).toEqual({
      ok: false,
      code: 'NETWORK',
      message: ERROR_MESSAGES.NETWORK,
    });
    fetchMock.mockResolvedValueOnce({
      ok: false,
      status: 502,
      json: async () => Promise.reject(new SyntaxError('html')),
    });
    expect(await callFunction('getUserVerifyStatus', {})).toMatchObject({
      ok: false,
      code: 'INTERNAL',
    });
  });

  it('opens an h5 link by navigating the page to it, exactly', () => {
    const url = `${window.location.origin}/#/ess/verify?token=a%2Bb&from=SFY`;
    const onOpened = jest.fn();
    openVerifyLink(
      { kind: 'h5', url, expireTime: Math.floor(Date.now() / 1000) + 600 },
      { onOpened },
    );
    expect(window.location.href).toBe(url);
    expect(onOpened).toHaveBeenCalled();
    expectNoMiniProgramApis();
  });

  it('refuses a mini-program link instead of pretending to open it', () => {
    const onFailed = jest.fn();
    openVerifyLink(miniProgramLink(), { onFailed });
    expect(onFailed).toHaveBeenCalledWith(expect.stringContaining('微信小程序'));
    expect(mocked.openEmbeddedMiniProgram).not.toHaveBeenCalled();
    expect(mocked.navigateToMiniProgram).not.toHaveBeenCalled();
  });

  it('treats privacy as authorised without calling WeChat', async () => {
    expect(await getPrivacySetting()).toEqual({ needAuthorization: false });
    expect(mocked.getPrivacySetting).not.toHaveBeenCalled();
  });
});

describe('verify page in the h5 build', () => {
  it('submits through fetch and never touches Taro.cloud or mini-program APIs', async () => {
    render(<VerifyPage />);
    await screen.findByLabelText('姓名');
    expect(fetchMock).toHaveBeenCalledWith('/api/getUserVerifyStatus', expect.anything());

    const url = `${window.location.origin}/#/ess/h5?verify=1&x=%3D`;
    fetchMock.mockResolvedValue(
      jsonResponse({
        ok: true,
        verified: false,
        reused: false,
        kind: 'h5',
        url,
        expireTime: Math.floor(Date.now() / 1000) + 600,
      }),
    );
    fillValidForm();
    agreeToNotice();
    fireEvent.click(submitButton());
    await waitFor(() =>
      expect(fetchMock).toHaveBeenCalledWith(
        '/api/createUserVerifyUrl',
        expect.objectContaining({ body: JSON.stringify(VALID) }),
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: '前往腾讯电子签完成实名' }));
    expect(window.location.href).toBe(url);
    expectNoMiniProgramApis();
  });
});

describe("h5: the form draft survives the trip to ESS in the tab's session storage", () => {
  it('is kept when the link is requested, and removed once verified', async () => {
    render(<VerifyPage />);
    await screen.findByLabelText('姓名');
    fetchMock.mockResolvedValue(
      jsonResponse({
        ok: true,
        reused: false,
        kind: 'h5',
        url: `${window.location.origin}/#/ess`,
        expireTime: Math.floor(Date.now() / 1000) + 600,
      }),
    );
    fillValidForm();
    agreeToNotice();
    fireEvent.click(submitButton());
    await screen.findByText('实名链接已生成');
    expect(JSON.parse(window.sessionStorage.getItem('ess-verify:form-draft') ?? 'null')).toEqual(
      VALID,
    );
    expect(loadFormDraft()).toEqual(VALID);

    fetchMock.mockResolvedValue(jsonResponse(VERIFIED_STATUS));
    render(<ResultPage />);
    await screen.findByText('实名认证已完成');
    expect(window.sessionStorage.getItem('ess-verify:form-draft')).toBeNull();
  });
});

describe('h5: leaving the verified page', () => {
  afterEach(() => jest.restoreAllMocks());

  it('closes the tab, and says so when the browser keeps it open', async () => {
    jest.useFakeTimers();
    const close = jest.spyOn(window, 'close').mockImplementation(() => undefined);
    fetchMock.mockResolvedValue(jsonResponse(VERIFIED_STATUS));
    render(<ResultPage />);
    fireEvent.click(await screen.findByRole('button', { name: '完成' }));
    expect(close).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(300);
    });
    expect(screen.getByText(fullText('实名已完成，可以直接关闭此页面。'))).toBeInTheDocument();
    jest.useRealTimers();
  });
});

describe("h5: accessibility of Taro's custom elements", () => {
  function taroElements() {
    document.body.innerHTML = `
      <taro-button-core id="ok">提交</taro-button-core>
      <taro-button-core id="off" disabled>不可用</taro-button-core>
      <taro-input-core aria-label="姓名" aria-describedby="name-hint"><input class="weui-input" /></taro-input-core>
      <taro-checkbox-core aria-label="我已阅读并同意"><input type="checkbox" /></taro-checkbox-core>
      <taro-text-core id="link" role="link" tabindex="0">《个人信息保护说明》</taro-text-core>`;
  }

  it("gives buttons a role and focus, and the native controls their hosts' names", () => {
    taroElements();
    enhanceAccessibility(document);
    const ok = document.getElementById('ok')!;
    expect(ok).toHaveAttribute('role', 'button');
    expect(ok).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('button', { name: '提交' })).toBe(ok);
    const off = document.getElementById('off')!;
    expect(off).toHaveAttribute('aria-disabled', 'true');
    expect(off).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('textbox', { name: '姓名' })).toHaveAttribute(
      'aria-describedby',
      'name-hint',
    );
    expect(screen.getByRole('checkbox', { name: '我已阅读并同意' })).toBeInTheDocument();
  });

  it('follows later changes, and Enter or Space activates buttons and links', async () => {
    taroElements();
    const stop = watchAccessibility(document);
    const off = document.getElementById('off')!;
    off.removeAttribute('disabled');
    await act(async () => Promise.resolve());
    expect(off).not.toHaveAttribute('aria-disabled');
    expect(off).toHaveAttribute('tabindex', '0');

    const clicks = jest.fn();
    document.getElementById('ok')!.addEventListener('click', clicks);
    document.getElementById('link')!.addEventListener('click', clicks);
    fireEvent.keyDown(document.getElementById('ok')!, { key: 'Enter' });
    fireEvent.keyDown(document.getElementById('link')!, { key: ' ' });
    fireEvent.keyDown(document.getElementById('ok')!, { key: 'a' });
    expect(clicks).toHaveBeenCalledTimes(2);
    stop();
  });
});

describe('h5: text size', () => {
  afterEach(() => jest.restoreAllMocks());

  it("reads the browser's default font size (font-size: medium) relative to 16 px", () => {
    const style = jest
      .spyOn(window, 'getComputedStyle')
      .mockReturnValue({ fontSize: '24px' } as CSSStyleDeclaration);
    expect(browserTextScale(document)).toBe(1.5);
    expect((style.mock.calls[0][0] as HTMLElement).style.fontSize).toBe('medium');
    // The probe is gone again.
    expect(document.body.querySelector('[style*="medium"]')).toBeNull();
  });

  it('falls back to the standard size when the browser reports nothing usable', () => {
    jest.spyOn(window, 'getComputedStyle').mockReturnValue({ fontSize: '' } as CSSStyleDeclaration);
    expect(browserTextScale(document)).toBe(1);
  });
});
