/**
 * Browser adapter (local H5 build): the server functions over `fetch('/api/<name>')` and ESS's
 * H5 verification page. Never touches Taro.cloud, mini-program navigation or privacy APIs:
 * in Taro's H5 build those are stubs that report success.
 */
import type { EssVerifyLink } from '../../domain/verificationContract';
import { markEssLaunch } from '../essReturn';
import { WRONG_LINK_KIND_MESSAGE, isContractResult, localFailure } from '../failure';
import type { OpenLinkCallbacks, PlatformAdapter } from '../types';
import { watchAccessibility } from './accessibility';
import { leaveFlow } from './leaveFlow';
import { copyText, openPermissionSettings, saveImage } from './media';
import { browserTextScale } from './textScale';

const REQUEST_TIMEOUT_MS = 20_000;

async function callFunction(name: string, data: object): Promise<unknown> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = controller ? setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS) : undefined;
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(data),
      signal: controller?.signal,
    });
  } catch {
    return localFailure('NETWORK');
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
  // Failures come back as contract JSON too (with a 4xx/5xx status): show their message.
  const body: unknown = await response.json().catch(() => undefined);
  return isContractResult(body) ? body : localFailure('INTERNAL');
}

function openVerifyLink(link: EssVerifyLink, callbacks: OpenLinkCallbacks = {}): void {
  if (link.kind !== 'h5') {
    callbacks.onFailed?.(WRONG_LINK_KIND_MESSAGE);
    return;
  }
  markEssLaunch();
  callbacks.onOpened?.();
  window.location.href = link.url;
}

let initialised = false;

/** ARIA semantics for Taro's custom elements (see accessibility.ts). */
function init(): void {
  if (initialised || typeof document === 'undefined') return;
  initialised = true;
  watchAccessibility(document);
}

let measuredTextScale: number | undefined;

/** Measured once: the browser's setting does not change while the page is open. */
function textScale(): number {
  if (measuredTextScale === undefined) {
    measuredTextScale = typeof document === 'undefined' ? 1 : browserTextScale(document);
  }
  return measuredTextScale;
}

export const h5Platform: PlatformAdapter = {
  init,
  callFunction,
  openVerifyLink,
  // A browser has no half-screen: the page itself goes to ESS's H5 page either way.
  openVerifyLinkFullScreen: openVerifyLink,
  copyText,
  saveImage,
  openPermissionSettings,
  leaveFlow,
  textScale,
};
