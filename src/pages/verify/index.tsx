import { useCallback, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import VerifyFields from './VerifyFields';
import Loading from '../../components/Loading';
import Paragraph from '../../components/Paragraph';
import PrivacyPopup from '../../components/PrivacyPopup';
import { usePrivacyAuthorization } from '../../components/PrivacyPopup/usePrivacyAuthorization';
import PageRoot from '../../components/PageRoot';
import { roleProps } from '../../components/a11y';
import { useEssLaunch } from '../../hooks/useEssLaunch';
import { takeEssReturnOnPageShow } from '../../services/essReturn';
import { saveFormDraft } from '../../services/formDraft';
import { goToResult, scrollPageTo } from '../../services/navigation';
import { isLinkExpired } from '../../services/verification';
import { describeMissing, missingSteps } from './missingSteps';
import QueueCard from './QueueCard';
import ReadyCard from './ReadyCard';
import { useLinkRequest } from './useLinkRequest';
import { useVerifyForm } from './useVerifyForm';
import './index.css';

export default function VerifyPage() {
  const form = useVerifyForm();
  const privacy = usePrivacyAuthorization();
  const request = useLinkRequest(form.setServerErrors);
  const ess = useEssLaunch();
  const [consent, setConsent] = useState(false);
  // Set when the user tapped the pale button: from then on the page says what is missing.
  const [showMissing, setShowMissing] = useState(false);
  const { phase, failure } = request;

  useDidShow(() => {
    if (takeEssReturnOnPageShow()) {
      // Back from ESS: the result page asks the server how it went (and checks again by itself).
      goToResult({ afterEss: true });
      return;
    }
    void request.refreshStatus();
  });

  const steps = missingSteps(form.values, form.check, consent);
  const submitting = phase.kind === 'submitting';

  const onSubmit = useCallback(() => {
    if (submitting) return;
    if (steps.length > 0 || !form.check.ok) {
      // The pale button still answers: mark every problem and scroll to the first one.
      setShowMissing(true);
      form.revealAll();
      const first = steps[0];
      if (first) {
        const selector = first.target === 'consent' ? '#consent' : `#${first.target}-field`;
        scrollPageTo({ selector }, 200);
      }
      return;
    }
    const input = form.check.value;
    privacy.whenAuthorized(() => {
      saveFormDraft(form.values);
      void request.submit(input);
    });
  }, [form, privacy, request, steps, submitting]);

  // Synchronous on purpose: WeChat opens ESS only from the tap itself, never after an await.
  const onLaunch = () => {
    if (phase.kind !== 'ready') return;
    if (isLinkExpired(phase.link)) {
      ess.reset();
      request.backToForm('LINK_EXPIRED');
      return;
    }
    ess.launch(phase.link);
  };

  const onEdit = () => {
    ess.reset();
    request.backToForm();
  };

  const formShown = phase.kind === 'form' || phase.kind === 'submitting' || phase.kind === 'queued';
  const complete = steps.length === 0;

  return (
    <PageRoot className="verify-page">
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
          notice={ess.notice}
          fullScreenOffered={ess.fullScreenOffered}
          onLaunch={onLaunch}
          onLaunchFullScreen={ess.launchFullScreen}
          onEdit={onEdit}
        />
      ) : null}

      {formShown ? (
        <View>
          <VerifyFields
            form={form}
            consent={consent}
            onConsentChange={setConsent}
            consentMissing={showMissing && !consent}
            locked={phase.kind !== 'form'}
          />

          {failure ? (
            <View className="notice" {...roleProps('alert')}>
              <Paragraph text={failure.message} />
              {failure.code === 'VERIFIED_OTHER_IDENTITY' ? (
                <Button className="btn btn--secondary notice__action" onClick={() => goToResult()}>
                  <Text>查看我的实名结果</Text>
                </Button>
              ) : null}
            </View>
          ) : null}

          {phase.kind === 'queued' || (phase.kind === 'submitting' && phase.queueMessage) ? (
            <QueueCard
              retryAt={phase.kind === 'queued' ? phase.retryAt : null}
              message={phase.kind === 'queued' ? phase.message : (phase.queueMessage ?? '')}
              onCancel={() => request.backToForm()}
            />
          ) : (
            <View>
              <Button
                className={complete ? 'btn btn--primary' : 'btn btn--primary btn--pale'}
                aria-disabled={complete && !submitting ? 'false' : 'true'}
                {...(submitting ? { disabled: true, loading: true } : {})}
                onClick={onSubmit}
              >
                <Text>{submitting ? '正在生成实名链接…' : '提交并获取实名链接'}</Text>
              </Button>
              {showMissing && !complete ? (
                <View {...roleProps('alert')}>
                  <Paragraph className="hint hint--missing" text={describeMissing(steps)} />
                </View>
              ) : null}
            </View>
          )}
        </View>
      ) : null}

      <PrivacyPopup {...privacy.popupProps} />
    </PageRoot>
  );
}
