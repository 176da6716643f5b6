/**
 * The platform services pages call. The adapter behind them is chosen at build time by Taro's
 * multi-platform files (`adapter.weapp.ts`, `adapter.h5.ts`): each build bundles one adapter and
 * pages never branch on the platform.
 */
import type {
  CallableFunctionName,
  FunctionEvent,
  FunctionResult,
} from '../domain/functionContract';
import type { EssVerifyLink } from '../domain/verificationContract';
import { adapter } from './adapter';
import type { LeaveFlowTarget, OpenLinkCallbacks, SaveImageResult } from './types';

export type { LeaveFlowTarget, OpenLinkCallbacks, PlatformAdapter, SaveImageResult } from './types';

/** One-time set-up at app launch (cloud init on weapp; accessibility on h5). */
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

/** Opens the ESS verification link (half-screen on weapp); call it synchronously from the tap. */
export function openVerifyLink(link: EssVerifyLink, callbacks?: OpenLinkCallbacks): void {
  adapter.openVerifyLink(link, callbacks);
}

/** Opens the ESS verification link full-screen; call it synchronously from its own tap. */
export function openVerifyLinkFullScreen(link: EssVerifyLink, callbacks?: OpenLinkCallbacks): void {
  adapter.openVerifyLinkFullScreen(link, callbacks);
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

/** Leaves the finished verification flow (see `PlatformAdapter.leaveFlow`); from a tap. */
export function leaveFlow(target: LeaveFlowTarget | null, onStuck: () => void): void {
  adapter.leaveFlow(target, onStuck);
}

/** The user's text size relative to the standard one (see components/PageRoot). */
export function textScale(): number {
  return adapter.textScale();
}
