import { useCallback, useRef, useState } from 'react';
import { Button, Checkbox, CheckboxGroup, Label, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { maskIdCardNumber, maskName } from '../../domain/mask';
import { ERROR_MESSAGES } from '../../domain/errors';
import type { EssVerifyLink } from '../../domain/verificationContract';
import FormField from '../../components/FormField';
import Loading from '../../components/Loading';
import PrivacyPopup from '../../components/PrivacyPopup';
import { usePrivacyAuthorization } from '../../components/PrivacyPopup/usePrivacyAuthorization';
import { takeEssReturnOnPageShow } from '../../services/essReturn';
import { goToResult, openPrivacyNotice } from '../../services/navigation';
import { openVerifyLink } from '../../services/platform';
import {
  fetchVerifyStatus,
  isLinkExpired,
  requestVerifyLink,
  toVerifyLink,
} from '../../services/verification';
import ReadyCard from './ReadyCard';
import { useVerifyForm } from './useVerifyForm';
import './index.css';

type Phase =
  | { kind: 'checking' }
  | { kind: 'form' }
  | { kind: 'submitting' }
  | { kind: 'ready'; link: EssVerifyLink; maskedName?: string; maskedIdCardNumber?: string };

const CONSENT_VALUE = 'consent';

export default function VerifyPage() {
  const form = useVerifyForm();
  const privacy = usePrivacyAuthorization();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [consent, setConsent] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Each submit or status check takes a ticket; only the latest one may change the phase.
  const ticketRef = useRef(0);

  const refreshStatus = useCallback(async () => {
    const ticket = ++ticketRef.current;
    const status = await fetchVerifyStatus();
    if (ticket !== ticketRef.current) return;
    if (status.ok && status.status === 'verified') {
      setPhase({ kind: 'form' });
      goToResult({ replace: true });
      return;
    }
    if (status.ok && status.status === 'pending' && !isLinkExpired(status)) {
      // Came back later: the link ESS issued is still valid, nothing to type again.
      setPhase((current) => ({
        kind: 'ready',
        link: toVerifyLink(status),
        maskedName:
          status.maskedName ?? (current.kind === 'ready' ? current.maskedName : undefined),
        maskedIdCardNumber: current.kind === 'ready' ? current.maskedIdCardNumber : undefined,
      }));
      return;
    }
    // none, expired, or the check failed: the form (with whatever was typed) is the way on.
    setPhase((current) => (current.kind === 'checking' || status.ok ? { kind: 'form' } : current));
  }, []);

  useDidShow(() => {
    if (takeEssReturnOnPageShow()) {
      // Back from ESS: the result page asks the server how it went.
      goToResult();
      return;
    }
    void refreshStatus();
  });

  const submitNow = useCallback(async () => {
    if (!form.check.ok) return;
    const input = form.check.value;
    const ticket = ++ticketRef.current;
    setNotice(null);
    setPhase({ kind: 'submitting' });
    const result = await requestVerifyLink(input);
    if (ticket !== ticketRef.current) return;
    if (!result.ok) {
      setPhase({ kind: 'form' });
      setNotice(result.message);
      if (result.fieldErrors) form.setServerErrors(result.fieldErrors);
      return;
    }
    if (result.verified) {
      setPhase({ kind: 'form' });
      goToResult();
      return;
    }
    setPhase({
      kind: 'ready',
      link: toVerifyLink(result),
      maskedName: maskName(input.name),
      maskedIdCardNumber: maskIdCardNumber(input.idCardNumber),
    });
  }, [form]);

  const submitting = phase.kind === 'submitting';
  const canSubmit = form.check.ok && consent && !submitting;

  const onSubmit = () => {
    if (!canSubmit) return;
    privacy.whenAuthorized(() => void submitNow());
  };

  // Synchronous on purpose: WeChat opens ESS only from the tap itself, never after an await.
  const onLaunch = () => {
    if (phase.kind !== 'ready') return;
    if (isLinkExpired(phase.link)) {
      setPhase({ kind: 'form' });
      setNotice(ERROR_MESSAGES.LINK_EXPIRED);
      return;
    }
    setNotice(null);
    openVerifyLink(phase.link, { onFailed: setNotice });
  };

  const onEdit = () => {
    ticketRef.current += 1;
    setNotice(null);
    setPhase({ kind: 'form' });
  };

  return (
    <View className="page verify-page">
      <View className="page__intro">
        <Text className="page__title">实名认证</Text>
        <Text className="page__subtitle">
          请填写本人居民身份证上的信息，由腾讯电子签完成实名核验。
        </Text>
      </View>

      {phase.kind === 'checking' ? <Loading text="正在查询实名状态…" /> : null}

      {phase.kind === 'ready' ? (
        <ReadyCard
          link={phase.link}
          maskedName={phase.maskedName}
          maskedIdCardNumber={phase.maskedIdCardNumber}
          notice={notice}
          onLaunch={onLaunch}
          onEdit={onEdit}
        />
      ) : null}

      {phase.kind === 'form' || phase.kind === 'submitting' ? (
        <View>
          <View className="card card--form">
            <FormField
              id="name"
              label="姓名"
              placeholder="请输入身份证上的姓名"
              value={form.values.name}
              error={form.errors.name}
              maxlength={30}
              onInput={(value) => form.setValue('name', value)}
              onBlur={(value) => form.blur('name', value)}
            />
            <FormField
              id="idCardNumber"
              label="身份证号"
              placeholder="请输入18位居民身份证号"
              type="idcard"
              value={form.values.idCardNumber}
              error={form.errors.idCardNumber}
              maxlength={24}
              onInput={(value) => form.setValue('idCardNumber', value)}
              onBlur={(value) => form.blur('idCardNumber', value)}
            />
            <FormField
              id="mobile"
              label="手机号"
              placeholder="请输入本人手机号"
              type="number"
              value={form.values.mobile}
              error={form.errors.mobile}
              maxlength={20}
              onInput={(value) => form.setValue('mobile', value)}
              onBlur={(value) => form.blur('mobile', value)}
            />
          </View>
          <Text className="hint">仅支持中国大陆居民身份证。信息仅用于本次实名认证。</Text>

          <View className="consent">
            <CheckboxGroup onChange={(e) => setConsent(e.detail.value.includes(CONSENT_VALUE))}>
              <Label className="consent__label">
                <Checkbox
                  className="consent__checkbox"
                  value={CONSENT_VALUE}
                  checked={consent}
                  color="#1f6feb"
                  ariaLabel="我已阅读并同意《个人信息保护说明》"
                />
                <Text>我已阅读并同意</Text>
              </Label>
            </CheckboxGroup>
            <Text className="link" onClick={openPrivacyNotice}>
              《个人信息保护说明》
            </Text>
          </View>

          {notice ? <Text className="notice">{notice}</Text> : null}

          <Button
            className="btn btn--primary"
            {...(canSubmit ? {} : { disabled: true })}
            {...(submitting ? { loading: true } : {})}
            onClick={onSubmit}
          >
            {submitting ? '正在生成实名链接…' : '提交并获取实名链接'}
          </Button>
        </View>
      ) : null}

      <PrivacyPopup {...privacy.popupProps} />
    </View>
  );
}
