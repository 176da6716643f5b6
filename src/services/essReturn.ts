/**
 * Detects the user coming back from the ESS mini-program.
 *
 * idle → launched (tap) → returned (app shown with an ESS referrer, or shown again after the
 * app was hidden) → taken once by a page. WeChat can repeat a stale `referrerInfo` on later
 * shows; it only counts while a launch is pending, and a return is handed out once.
 */
import { isEssMiniAppId } from '../domain/essApps';

export interface EssReturn {
  /** `referrer`: WeChat said we came back from ESS; `show`: we were shown again after launching. */
  via: 'referrer' | 'show';
  /** When the return was noticed (ms since epoch). */
  at: number;
}

/** The part of the app/page `onShow` options this module reads. */
export interface AppShowOptions {
  referrerInfo?: { appId?: string } | null;
}

let launch: { at: number; hidden: boolean } | null = null;
let pendingReturn: EssReturn | null = null;

/** Called right before opening ESS. */
export function markEssLaunch(): void {
  launch = { at: Date.now(), hidden: false };
  pendingReturn = null;
}

/** Called when ESS could not be opened or the user declined: nothing to come back from. */
export function cancelEssLaunch(): void {
  launch = null;
}

export function isEssLaunchPending(): boolean {
  return launch !== null;
}

/** App-level `onHide`. */
export function noteAppHide(): void {
  if (launch) launch.hidden = true;
}

/** App-level `onShow(options)`: records one return when a launch is pending. */
export function noteAppShow(options?: AppShowOptions | null): void {
  if (!launch) return;
  const fromEss = isEssMiniAppId(options?.referrerInfo?.appId);
  if (!fromEss && !launch.hidden) return;
  pendingReturn = { via: fromEss ? 'referrer' : 'show', at: Date.now() };
  launch = null;
}

/** The recorded return, once; a second call returns null. */
export function takeEssReturn(): EssReturn | null {
  const taken = pendingReturn;
  pendingReturn = null;
  return taken;
}

/**
 * For a page's `useDidShow`: the recorded return, or — when no app-level show recorded one
 * (e.g. the user closed ESS by hand) — a launch still pending, since being shown again after
 * a launch means the user came back.
 */
export function takeEssReturnOnPageShow(): EssReturn | null {
  const taken = takeEssReturn();
  if (taken) return taken;
  if (!launch) return null;
  launch = null;
  return { via: 'show', at: Date.now() };
}

/** Forgets everything (a fresh start, and between tests). */
export function resetEssReturn(): void {
  launch = null;
  pendingReturn = null;
}
