/**
 * The platform adapter, chosen at build time: Taro inlines `process.env.TARO_ENV`, so webpack
 * keeps only one branch and each build bundles one adapter. Pages never branch on the platform.
 */
import type {
  CallableFunctionName,
  FunctionEvent,
  FunctionResult,
} from '../domain/functionContract';
import type { EssVerifyLink } from '../domain/verificationContract';
import type { OpenLinkCallbacks, PlatformAdapter, SaveImageResult } from './types';

export type { OpenLinkCallbacks, PlatformAdapter, SaveImageResult } from './types';

const adapter: PlatformAdapter =
  process.env.TARO_ENV === 'h5'
    ? (require('./h5/platform') as typeof import('./h5/platform')).h5Platform
    : (require('./weapp/platform') as typeof import('./weapp/platform')).weappPlatform;

/** One-time set-up at app launch (cloud init on weapp). */
export function initPlatform(): void {
  adapter.init();
}

/**
 * Calls a cloud function with the event its contract declares; never rejects: failures come back
 * as a `FailureResult` (every result type includes it).
 */
export function callFunction<N extends CallableFunctionName>(
  name: N,
  event: FunctionEvent<N>,
): Promise<FunctionResult<N>> {
  return adapter.callFunction(name, event) as Promise<FunctionResult<N>>;
}

/** Opens the ESS verification link; call it synchronously from the user's tap. */
export function openVerifyLink(link: EssVerifyLink, callbacks?: OpenLinkCallbacks): void {
  adapter.openVerifyLink(link, callbacks);
}

/** Copies `text` exactly as given; resolves false when the clipboard refused it. */
export function copyText(text: string): Promise<boolean> {
  return adapter.copyText(text);
}

/** Saves the image at `url` for the user (photo album on weapp, a download on h5). */
export function saveImage(url: string): Promise<SaveImageResult> {
  return adapter.saveImage(url);
}

/** Opens the permission settings (weapp); call it synchronously from the user's tap. */
export function openPermissionSettings(): void {
  adapter.openPermissionSettings();
}
