import { useCallback, useEffect, useState } from 'react';
import { checkOperatorAccess } from '../../services/organizations';

export type OperatorAccess = 'checking' | 'allowed' | 'forbidden';

/**
 * Whether this user is an operator (may use the admin pages): `checkOperatorAccess`. With `probe`, asks the server once on mount;
 * without (the page is about to call a function anyway), starts as allowed. Any later
 * `FORBIDDEN` answer is reported through `markForbidden`.
 */
export function useOperatorAccess(probe: boolean) {
  const [probeOnMount] = useState(probe);
  const [access, setAccess] = useState<OperatorAccess>(probe ? 'checking' : 'allowed');

  useEffect(() => {
    if (!probeOnMount) return undefined;
    let active = true;
    void checkOperatorAccess().then((answer) => {
      if (active) setAccess(answer === 'forbidden' ? 'forbidden' : 'allowed');
    });
    return () => {
      active = false;
    };
  }, [probeOnMount]);

  const markForbidden = useCallback(() => setAccess('forbidden'), []);
  return { access, markForbidden };
}
