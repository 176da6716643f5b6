import { useCallback, useRef, useState } from 'react';
import type { EssVerifyLink } from '../../domain/verificationContract';
import { fetchVerifyStatus, isLinkExpired, toVerifyLink } from '../../services/verification';

export type StatusView =
  | { kind: 'loading' }
  | { kind: 'verified'; maskedName?: string }
  | { kind: 'pending'; link: EssVerifyLink; maskedName?: string }
  | { kind: 'none' }
  | { kind: 'expired' }
  | { kind: 'failed'; message: string };

/** Asks the server for the status and turns the answer into what the result page shows. */
export function useVerifyStatus() {
  const [view, setView] = useState<StatusView>({ kind: 'loading' });
  const requestRef = useRef(0);

  const reload = useCallback(async () => {
    const request = ++requestRef.current;
    setView({ kind: 'loading' });
    const result = await fetchVerifyStatus();
    if (request !== requestRef.current) return;
    if (!result.ok) {
      setView(
        result.code === 'LINK_EXPIRED'
          ? { kind: 'expired' }
          : { kind: 'failed', message: result.message },
      );
    } else if (result.status === 'verified') {
      setView({ kind: 'verified', maskedName: result.maskedName });
    } else if (result.status === 'pending') {
      setView(
        isLinkExpired(result)
          ? { kind: 'expired' }
          : { kind: 'pending', link: toVerifyLink(result), maskedName: result.maskedName },
      );
    } else {
      setView(result.expired ? { kind: 'expired' } : { kind: 'none' });
    }
  }, []);

  return { view, setView, reload };
}
