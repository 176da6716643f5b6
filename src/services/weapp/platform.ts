/** WeChat mini-program adapter: cloud functions and the half-screen ESS mini-program. */
import Taro from '@tarojs/taro';
import type { EssVerifyLink } from '../../domain/verificationContract';
import { cancelEssLaunch, markEssLaunch } from '../essReturn';
import {
  HALF_SCREEN_FAILED_MESSAGE,
  OPEN_LINK_FAILED_MESSAGE,
  WRONG_LINK_KIND_MESSAGE,
  isContractResult,
  localFailure,
} from '../failure';
import type { OpenLinkCallbacks, PlatformAdapter } from '../types';
import { leaveFlow } from './leaveFlow';
import { copyText, openPermissionSettings, saveImage } from './media';
import { wechatTextScale } from './textScale';
import { ignoreRejection, isCancel } from './wxApi';

type MiniProgramLink = Extract<EssVerifyLink, { kind: 'miniProgram' }>;
type CloudWithDynamicEnv = typeof Taro.cloud & { DYNAMIC_CURRENT_ENV?: string };

let cloudReady = false;

function init(): void {
  const cloud = Taro.cloud as CloudWithDynamicEnv | undefined;
  if (cloudReady || !cloud || typeof cloud.init !== 'function') return;
  // A build-time env id wins; otherwise the environment this mini-program currently runs in.
  const env = process.env.TARO_APP_CLOUD_ENV || cloud.DYNAMIC_CURRENT_ENV;
  cloud.init({ ...(env ? { env } : {}), traceUser: true });
  cloudReady = true;
}

async function callFunction(name: string, data: object): Promise<unknown> {
  if (!Taro.cloud || typeof Taro.cloud.callFunction !== 'function') return localFailure('NETWORK');
  try {
    const res = await Taro.cloud.callFunction({ name, data: data as Record<string, unknown> });
    return isContractResult(res?.result) ? res.result : localFailure('INTERNAL');
  } catch {
    return localFailure('NETWORK');
  }
}

function navigateToMiniProgram(link: MiniProgramLink, callbacks: OpenLinkCallbacks): void {
  markEssLaunch();
  ignoreRejection(
    Taro.navigateToMiniProgram({
      appId: link.miniAppId,
      path: link.path,
      envVersion: link.envVersion,
      success: () => callbacks.onOpened?.(),
      fail: (res) => {
        cancelEssLaunch();
        if (isCancel(res)) callbacks.onCancelled?.();
        else callbacks.onFailed?.(OPEN_LINK_FAILED_MESSAGE);
      },
    }),
  );
}

function asMiniProgramLink(
  link: EssVerifyLink,
  callbacks: OpenLinkCallbacks,
): MiniProgramLink | null {
  if (link.kind === 'miniProgram') return link;
  callbacks.onFailed?.(WRONG_LINK_KIND_MESSAGE);
  return null;
}

function openVerifyLink(link: EssVerifyLink, callbacks: OpenLinkCallbacks = {}): void {
  const target = asMiniProgramLink(link, callbacks);
  if (!target) return;
  // Old WeChat clients have no half-screen API: open ESS full-screen, still from the tap.
  if (typeof Taro.openEmbeddedMiniProgram !== 'function') {
    navigateToMiniProgram(target, callbacks);
    return;
  }
  markEssLaunch();
  // Called synchronously, straight from the tap; the path is passed exactly as ESS returned it.
  ignoreRejection(
    Taro.openEmbeddedMiniProgram({
      appId: target.miniAppId,
      path: target.path,
      envVersion: target.envVersion,
      success: () => callbacks.onOpened?.(),
      fail: (res) => {
        cancelEssLaunch();
        if (isCancel(res)) {
          callbacks.onCancelled?.();
          return;
        }
        // Not from here: a failure callback is no tap, and ESS's jump guide requires launching
        // synchronously from one. The page offers a full-screen button instead.
        if (callbacks.onHalfScreenFailed) callbacks.onHalfScreenFailed();
        else callbacks.onFailed?.(HALF_SCREEN_FAILED_MESSAGE);
      },
    }),
  );
}

function openVerifyLinkFullScreen(link: EssVerifyLink, callbacks: OpenLinkCallbacks = {}): void {
  const target = asMiniProgramLink(link, callbacks);
  if (target) navigateToMiniProgram(target, callbacks);
}

export const weappPlatform: PlatformAdapter = {
  init,
  callFunction,
  openVerifyLink,
  openVerifyLinkFullScreen,
  copyText,
  saveImage,
  openPermissionSettings,
  leaveFlow,
  textScale: wechatTextScale,
};
