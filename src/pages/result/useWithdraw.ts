import { useCallback, useState } from 'react';
import { clearFormDraft } from '../../services/formDraft';
import { withdrawVerification } from '../../services/verification';

export type WithdrawState =
  { kind: 'closed' } | { kind: 'confirming'; error: string | null } | { kind: 'deleting' };

/**
 * "撤回授权并删除我的实名信息": confirm, then erase everything the server stored about the user
 * (and the form draft on this device). ESS keeps its own record; the dialog says so.
 */
export function useWithdraw(onWithdrawn: () => void) {
  const [state, setState] = useState<WithdrawState>({ kind: 'closed' });

  const open = useCallback(() => setState({ kind: 'confirming', error: null }), []);
  const close = useCallback(() => setState({ kind: 'closed' }), []);

  const confirm = useCallback(async () => {
    setState({ kind: 'deleting' });
    const result = await withdrawVerification();
    if (!result.ok) {
      setState({ kind: 'confirming', error: result.message });
      return;
    }
    clearFormDraft();
    setState({ kind: 'closed' });
    onWithdrawn();
  }, [onWithdrawn]);

  return { state, open, close, confirm };
}
