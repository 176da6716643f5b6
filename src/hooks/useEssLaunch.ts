import { useCallback, useState } from 'react';
import type { EssVerifyLink } from '../domain/verificationContract';
import { openVerifyLink, openVerifyLinkFullScreen } from '../services/platform';

/** Shown when half-screen failed: the full-screen button below is the way on. */
export const HALF_SCREEN_FAILED_NOTICE =
  '腾讯电子签没能在当前页面打开，请点击下方“全屏打开腾讯电子签”继续。';

/**
 * Opening ESS from a tap, for the pages that offer it. Half-screen first; if that fails for a
 * reason other than the user cancelling, `fullScreenLink` is set and the page shows
 * "全屏打开腾讯电子签", whose own tap opens it full-screen (WeChat opens another mini-program only
 * straight from a tap). Both `launch` and `launchFullScreen` are synchronous on purpose.
 */
export function useEssLaunch() {
  const [notice, setNotice] = useState<string | null>(null);
  const [fullScreenLink, setFullScreenLink] = useState<EssVerifyLink | null>(null);

  const reset = useCallback(() => {
    setNotice(null);
    setFullScreenLink(null);
  }, []);

  const launch = (link: EssVerifyLink) => {
    reset();
    openVerifyLink(link, {
      onFailed: setNotice,
      onHalfScreenFailed: () => {
        setFullScreenLink(link);
        setNotice(HALF_SCREEN_FAILED_NOTICE);
      },
    });
  };

  const launchFullScreen = () => {
    if (!fullScreenLink) return;
    setNotice(null);
    openVerifyLinkFullScreen(fullScreenLink, {
      onOpened: () => setFullScreenLink(null),
      onFailed: setNotice,
    });
  };

  return {
    notice,
    setNotice,
    fullScreenOffered: fullScreenLink !== null,
    launch,
    launchFullScreen,
    reset,
  };
}
