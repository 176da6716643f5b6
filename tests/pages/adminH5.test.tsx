/** The H5 build of the admin pages: the browser's clipboard and downloads, never WeChat's APIs. */
import './support/h5Env';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import AuthorizationPage from '../../src/admin/pages/authorization';
import { CANNOT_OPEN_MESSAGE } from '../../src/admin/pages/authorization/AuthorizationLinkCard';
import { copyText, openPermissionSettings, saveImage } from '../../src/services/platform';
import { mocked, shown } from './adminSupport';

const URL_WITH_QUERY =
  'https://res.ess.tencent.cn/cdn/h5-activity/jump-mp.html?to=AUTHORIZATION_ENTERPRISE_FOR_BATCH_SUBMIT&shortKey=yDCHHURDfCVEoeNYGCc6';
const QR_URL = 'https://dyn.ess.tencent.cn/imgs/qrcode_urls/x/yDCHHUUckpbdauq9.png';

const writeText = jest.fn();
beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

function expectNoWeChatApis() {
  expect(mocked.setClipboardData).not.toHaveBeenCalled();
  expect(mocked.downloadFile).not.toHaveBeenCalled();
  expect(mocked.saveImageToPhotosAlbum).not.toHaveBeenCalled();
  expect(mocked.openSetting).not.toHaveBeenCalled();
}

describe('h5 adapter: clipboard', () => {
  it('writes the text unchanged with navigator.clipboard', async () => {
    expect(await copyText(URL_WITH_QUERY)).toBe(true);
    expect(writeText).toHaveBeenCalledWith(URL_WITH_QUERY);
    expectNoWeChatApis();
  });

  it('falls back to a selection copy when the clipboard API refuses', async () => {
    writeText.mockRejectedValue(new DOMException('Document is not focused', 'NotAllowedError'));
    let copied = '';
    const execCommand = jest.fn(() => {
      const area = document.querySelector('textarea');
      // What the browser copies: the selected text of the helper textarea.
      copied = area ? area.value.slice(area.selectionStart, area.selectionEnd) : '';
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    expect(await copyText(URL_WITH_QUERY)).toBe(true);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(copied).toBe(URL_WITH_QUERY);
    // The helper textarea is gone again.
    expect(document.querySelector('textarea')).toBeNull();

    execCommand.mockReturnValue(false);
    expect(await copyText(URL_WITH_QUERY)).toBe(false);
  });
});

describe('h5 adapter: saving the QR code', () => {
  it('hands the image to the browser as a download in a new tab', async () => {
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    try {
      expect(await saveImage(QR_URL)).toEqual({ ok: true });
    } finally {
      click.mockRestore();
    }
    expect(clicked).toHaveLength(1);
    expect(clicked[0].href).toBe(QR_URL);
    expect(clicked[0].download).toBe('yDCHHUUckpbdauq9.png');
    expect(clicked[0].target).toBe('_blank');
    expect(clicked[0].isConnected).toBe(false);
    openPermissionSettings();
    expectNoWeChatApis();
  });
});

describe('h5: the authorization page', () => {
  it('copies the HTTP link with the browser clipboard', async () => {
    const fetchMock = jest.fn(async (url: string) => {
      const body = url.endsWith('/createBatchOrganizationAuthorizationUrl')
        ? {
            ok: true,
            authUrl: URL_WITH_QUERY,
            expireTime: 1_900_000_000,
            errorMessages: [],
            subTaskMessages: {},
            otherMessages: [],
          }
        : { ok: true };
      return { ok: true, status: 200, json: async () => body };
    });
    (globalThis as { fetch?: unknown }).fetch = fetchMock;
    render(<AuthorizationPage />);
    fireEvent.change(await screen.findByLabelText('超管姓名'), { target: { value: '王五' } });
    fireEvent.change(screen.getByLabelText('超管手机号'), { target: { value: '13900139000' } });
    fireEvent.click(screen.getByRole('button', { name: '生成批量认证链接' }));
    fireEvent.click(await screen.findByRole('button', { name: '复制批量认证链接' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(URL_WITH_QUERY));
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/createBatchOrganizationAuthorizationUrl',
      expect.objectContaining({ method: 'POST' }),
    );
    expect(mocked.cloud.callFunction).not.toHaveBeenCalled();
    expectNoWeChatApis();
  });
});

describe('h5: opening the ESS mini-program from the authorization page', () => {
  it('tells the operator what to do instead, never the personal flow’s message', async () => {
    const fetchMock = jest.fn(async (url: string) => {
      const body = url.endsWith('/createBatchOrganizationAuthorizationUrl')
        ? {
            ok: true,
            authUrl:
              'pages/guide/index?to=AUTHORIZATION_ENTERPRISE_FOR_BATCH_SUBMIT&shortKey=yDCHpURDfR6iEkdpsDde',
            expireTime: Math.floor(Date.now() / 1000) + 3600,
            errorMessages: [],
            subTaskMessages: {},
            otherMessages: [],
            miniAppId: 'wxa023b292fd19d41d',
            envVersion: 'release',
          }
        : { ok: true };
      return { ok: true, status: 200, json: async () => body };
    });
    (globalThis as { fetch?: unknown }).fetch = fetchMock;
    render(<AuthorizationPage />);
    fireEvent.change(await screen.findByLabelText('超管姓名'), { target: { value: '王五' } });
    fireEvent.change(screen.getByLabelText('超管手机号'), { target: { value: '13900139000' } });
    fireEvent.click(screen.getByRole('radio', { name: '超管如何打开：在本机打开' }));
    fireEvent.click(screen.getByRole('button', { name: '生成批量认证链接' }));
    fireEvent.click(await screen.findByRole('button', { name: '前往腾讯电子签' }));
    expect(screen.getByText(shown(CANNOT_OPEN_MESSAGE))).toBeInTheDocument();
    expect(screen.queryByText(shown(/实名/))).not.toBeInTheDocument();
    expect(mocked.openEmbeddedMiniProgram).not.toHaveBeenCalled();
  });
});
