import { useCallback, useEffect, useRef, useState } from 'react';
import {
  PRIVACY_AGREE_BUTTON_ID,
  getPrivacySetting,
  onNeedPrivacyAuthorization,
  type PrivacyResolve,
} from '../../services/privacy';
import type { PrivacyPopupProps } from './index';

type Status = 'checking' | 'needed' | 'authorized';

export interface PrivacyAuthorization {
  /** False while the user still has to agree (after the check, or after declining). */
  authorized: boolean;
  /** Runs `action` now when authorised; otherwise shows the popup and runs it after "同意". */
  whenAuthorized: (action: () => void) => void;
  popupProps: PrivacyPopupProps;
}

/**
 * The page side of WeChat's privacy authorization: checks `getPrivacySetting` on mount, shows
 * the popup when needed or when WeChat asks (`onNeedPrivacyAuthorization`), and answers WeChat.
 */
export function usePrivacyAuthorization(): PrivacyAuthorization {
  const [status, setStatus] = useState<Status>('checking');
  const [visible, setVisible] = useState(false);
  const [contractName, setContractName] = useState<string | undefined>();
  const resolveRef = useRef<PrivacyResolve | null>(null);
  const afterAgreeRef = useRef<(() => void) | null>(null);
  const statusRef = useRef<Status>('checking');
  statusRef.current = status;

  useEffect(() => {
    let active = true;
    getPrivacySetting().then((setting) => {
      if (!active) return;
      setContractName(setting.contractName);
      // WeChat may already have asked (onNeedPrivacyAuthorization) while we were checking.
      setStatus((current) =>
        current === 'checking' ? (setting.needAuthorization ? 'needed' : 'authorized') : current,
      );
      if (setting.needAuthorization) setVisible(true);
    });
    const unsubscribe = onNeedPrivacyAuthorization((resolve) => {
      resolveRef.current = resolve;
      setStatus('needed');
      setVisible(true);
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);

  const onAgree = useCallback(() => {
    resolveRef.current?.({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID });
    resolveRef.current = null;
    setStatus('authorized');
    setVisible(false);
    const action = afterAgreeRef.current;
    afterAgreeRef.current = null;
    action?.();
  }, []);

  const onDisagree = useCallback(() => {
    resolveRef.current?.({ event: 'disagree' });
    resolveRef.current = null;
    afterAgreeRef.current = null;
    setVisible(false);
  }, []);

  const whenAuthorized = useCallback((action: () => void) => {
    if (statusRef.current === 'needed') {
      afterAgreeRef.current = action;
      setVisible(true);
      return;
    }
    action();
  }, []);

  return {
    authorized: status !== 'needed',
    whenAuthorized,
    popupProps: { visible, contractName, onAgree, onDisagree },
  };
}
