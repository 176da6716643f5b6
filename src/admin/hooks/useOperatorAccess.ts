import { useCallback, useEffect, useState } from 'react';
import { checkAdminAccess } from '../../services/organizations';

export type AdminAccess = 'checking' | 'allowed' | 'forbidden';

/**
 * Whether this user may use the admin pages. With `probe`, asks the server once on mount;
 * without (the page is about to call a function anyway), starts as allowed. Any later
 * `FORBIDDEN` answer is reported through `markForbidden`.
 */
export function useAdminAccess(probe: boolean) {
  const [probeOnMount] = useState(probe);
  const [access, setAccess] = useState<AdminAccess>(probe ? 'checking' : 'allowed');

  useEffect(() => {
    if (!probeOnMount) return undefined;
    let active = true;
    void checkAdminAccess().then((answer) => {
      if (active) setAccess(answer === 'forbidden' ? 'forbidden' : 'allowed');
    });
    return () => {
      active = false;
    };
  }, [probeOnMount]);

  const markForbidden = useCallback(() => setAccess('forbidden'), []);
  return { access, markForbidden };
}
