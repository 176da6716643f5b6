/** What each platform adapter (weapp, h5) provides; pages and services only see this. */
import type { EssVerifyLink } from '../domain/verificationContract';

export interface OpenLinkCallbacks {
  /** The ESS verification page is open (the user is now in ESS). */
  onOpened?: () => void;
  /** The user declined to open it (nothing to report). */
  onCancelled?: () => void;
  /** It could not be opened; `message` is Chinese and safe to show. */
  onFailed?: (message: string) => void;
  /**
   * Half-screen opening failed for a reason other than the user cancelling (weapp). The page
   * offers "全屏打开腾讯电子签", whose own tap calls `openVerifyLinkFullScreen`: WeChat opens
   * another mini-program only straight from a tap, never from a failure callback. Without this
   * callback, `onFailed` is called with a message instead.
   */
  onHalfScreenFailed?: () => void;
}

/** How saving an image for the user went; `message` is Chinese and safe to show. */
export type SaveImageResult =
  | { ok: true }
  | {
      ok: false;
      /** `denied`: the user refused the photo-album permission (settings can turn it back on). */
      reason: 'denied' | 'cancelled' | 'failed';
      message: string;
    };

/** Where the "way on" of the verified page leads (see `services/afterVerified.ts`). */
export type LeaveFlowTarget = { kind: 'page'; path: string } | { kind: 'url'; url: string };

export interface PlatformAdapter {
  /** One-time set-up at app launch. */
  init(): void;
  /**
   * Calls a server function; never rejects: failures come back as a `FailureResult`. Untyped
   * transport: `services/platform.ts` types it by the function map.
   */
  callFunction(name: string, data: object): Promise<unknown>;
  /**
   * Opens the ESS verification link (half-screen on weapp). Must be called synchronously from
   * the user's tap: WeChat only opens another mini-program from a tap, not after an `await`.
   */
  openVerifyLink(link: EssVerifyLink, callbacks?: OpenLinkCallbacks): void;
  /** Opens the link full-screen (weapp `navigateToMiniProgram`); synchronously from a tap. */
  openVerifyLinkFullScreen(link: EssVerifyLink, callbacks?: OpenLinkCallbacks): void;
  /** Copies `text` to the clipboard exactly as given; resolves false when it could not. */
  copyText(text: string): Promise<boolean>;
  /** Saves the image at `url` for the user: to the photo album (weapp), as a download (h5). */
  saveImage(url: string): Promise<SaveImageResult>;
  /** Opens the app's permission settings (weapp only); call it synchronously from a tap. */
  openPermissionSettings(): void;
  /**
   * Leaves the verification flow once it is done: to `target` when the integrating service
   * configured one this platform can open, otherwise back to where the user came from (weapp)
   * or by closing the tab (h5). Calls `onStuck` when nothing could be done (e.g. a browser tab
   * that a script may not close), so the page can say so. Call it from a tap.
   */
  leaveFlow(target: LeaveFlowTarget | null, onStuck: () => void): void;
  /**
   * The user's text size relative to the standard one (WeChat's 字体大小; the browser's default
   * font size), within 0.85–2 (services/textScale.ts).
   */
  textScale(): number;
}

/** WeChat privacy authorization (用户隐私保护指引): the user's decision, as WeChat takes it. */
export type PrivacyDecision = { event: 'agree'; buttonId: string } | { event: 'disagree' };
export type PrivacyResolve = (decision: PrivacyDecision) => void;
export interface PrivacySetting {
  needAuthorization: boolean;
  /** e.g. 《XX小程序隐私保护指引》 */
  contractName?: string;
}

/** The platform's privacy-authorization APIs (`privacyApi.weapp.ts`, `privacyApi.h5.ts`). */
export interface PrivacyApi {
  /** Whether the user still has to agree. Never rejects. */
  getSetting(): Promise<PrivacySetting>;
  /** Registers the one handler WeChat calls when a protected API needs consent. */
  listen(handler: (resolve: PrivacyResolve) => void): void;
  /** Opens the platform's page showing the privacy guide. */
  openContract(): void;
}

/** Where the form's draft is kept while the user is away in ESS (`draftStorage.*.ts`). */
export interface DraftStorage {
  read(): string | null;
  write(value: string): void;
  clear(): void;
}
