/**
 * The tab's session storage: in the browser the page itself navigates to ESS's H5 page and back,
 * which starts the app afresh. Session storage lives only as long as the tab and never leaves the
 * device; the draft is removed once the user is verified or withdraws.
 */
import type { DraftStorage } from './types';

const KEY = 'ess-verify:form-draft';

function session(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null; // storage disabled: the form simply starts empty
  }
}

export const draftStorage: DraftStorage = {
  read: () => session()?.getItem(KEY) ?? null,
  write: (value) => {
    try {
      session()?.setItem(KEY, value);
    } catch {
      // quota or privacy mode: keeping the draft is a convenience, not a requirement
    }
  },
  clear: () => session()?.removeItem(KEY),
};
