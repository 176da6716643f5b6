/** What each platform adapter (weapp, h5) provides; pages and services only see this. */
import type { EssVerifyLink } from '../domain/verificationContract';

export interface OpenLinkCallbacks {
  /** The ESS verification page is open (the user is now in ESS). */
  onOpened?: () => void;
  /** The user declined to open it (nothing to report). */
  onCancelled?: () => void;
  /** It could not be opened; `message` is Chinese and safe to show. */
  onFailed?: (message: string) => void;
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

export interface PlatformAdapter {
  /** One-time set-up at app launch. */
  init(): void;
  /**
   * Calls a server function; never rejects: failures come back as a `FailureResult`. Untyped
   * transport: `services/platform.ts` types it by the function map.
   */
  callFunction(name: string, data: object): Promise<unknown>;
  /**
   * Opens the ESS verification link. Must be called synchronously from the user's tap:
   * WeChat only opens another mini-program from a tap, not after an `await`.
   */
  openVerifyLink(link: EssVerifyLink, callbacks?: OpenLinkCallbacks): void;
  /** Copies `text` to the clipboard exactly as given; resolves false when it could not. */
  copyText(text: string): Promise<boolean>;
  /** Saves the image at `url` for the user: to the photo album (weapp), as a download (h5). */
  saveImage(url: string): Promise<SaveImageResult>;
  /** Opens the app's permission settings (weapp only); call it synchronously from a tap. */
  openPermissionSettings(): void;
}
