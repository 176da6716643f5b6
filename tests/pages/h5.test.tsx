/** The H5 build: server functions over fetch('/api/…'), never Taro.cloud or mini-program APIs. */
import './support/h5Env';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import VerifyPage from '../../src/pages/verify';
import { callFunction, initPlatform, openVerifyLink } from '../../src/services/platform';
import { getPrivacySetting } from '../../src/services/privacy';
import { ERROR_MESSAGES } from '../../src/domain/errors';
import { VALID, agreeToNotice, fillValidForm, miniProgramLink, submitButton } from './helpers';

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
