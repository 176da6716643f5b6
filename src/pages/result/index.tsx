import { useCallback, useEffect, useRef } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import Loading from '../../components/Loading';
import Paragraph from '../../components/Paragraph';
import PageRoot from '../../components/PageRoot';
import { useEssLaunch } from '../../hooks/useEssLaunch';
import { takeEssReturnOnPageShow } from '../../services/essReturn';
import { clearFormDraft } from '../../services/formDraft';
import { FROM_ESS_PARAM, backToForm, startAfresh } from '../../services/navigation';
import { isLinkExpired } from '../../services/verification';
import PendingCard from './PendingCard';
import VerifiedCard from './VerifiedCard';
import WithdrawDialog from './WithdrawDialog';
import { useVerifyStatus } from './useVerifyStatus';
import { useWithdraw } from './useWithdraw';
import './index.css';

export default function ResultPage() {
  const { view, show, reload } = useVerifyStatus();
  const ess = useEssLaunch();
  const router = useRouter();
  const withdraw = useWithdraw(useCallback(() => show({ kind: 'withdrawn' }), [show]));
  // Opened as ESS's way back (H5 JumpUrl, or the verify page after a return): `?from=ess`.
  const openedFromEss = useRef(router.params?.[FROM_ESS_PARAM.name] === FROM_ESS_PARAM.value);

  useDidShow(() => {
    // Shown again (e.g. back from ESS): whatever brought us here, the server has the answer.
    const returned = takeEssReturnOnPageShow() !== null || openedFromEss.current;
    openedFromEss.current = false;
    ess.reset();
    void reload({ afterEss: returned });
  });

  // Verified: the typed form is no longer needed on this device.
  useEffect(() => {
    if (view.kind === 'verified') clearFormDraft();
  }, [view.kind]);

  // Synchronous on purpose: the same still-valid link, opened straight from the tap.
  const onContinue = () => {
    if (view.kind !== 'pending') return;
    if (isLinkExpired(view.link)) {
      show({ kind: 'expired' });
      return;
    }
    ess.launch(view.link);
  };

  return (
    <PageRoot className="result-page">
      {view.kind === 'loading' ? <Loading text="正在查询实名结果…" /> : null}

      {view.kind === 'verified' ? (
        <VerifiedCard
          maskedName={view.maskedName}
          maskedIdCardNumber={view.maskedIdCardNumber}
          onWithdraw={withdraw.open}
        />
      ) : null}

      {view.kind === 'pending' ? (
        <PendingCard
          maskedName={view.maskedName}
          maskedIdCardNumber={view.maskedIdCardNumber}
          returned={view.returned}
          notice={ess.notice}
          fullScreenOffered={ess.fullScreenOffered}
          onContinue={onContinue}
          onContinueFullScreen={ess.launchFullScreen}
          onRefresh={() => void reload()}
          onWithdraw={withdraw.open}
        />
      ) : null}

      {view.kind === 'none' ? (
        <View className="card result">
          <Text className="result__title">还没有进行中的实名</Text>
          <Paragraph
            className="result__text"
            text="填写姓名、身份证号和手机号后，即可开始实名认证。"
          />
          <Button className="btn btn--primary" onClick={backToForm}>
            <Text>去填写信息</Text>
          </Button>
        </View>
      ) : null}

      {view.kind === 'expired' ? (
        <View className="card result">
          <Text className="result__title">实名链接已过期</Text>
          <Paragraph
            className="result__text"
            text="为了你的信息安全，实名链接有有效期。请返回重新提交，获取新的链接。"
          />
          <Button className="btn btn--primary" onClick={backToForm}>
            <Text>返回重新提交</Text>
          </Button>
        </View>
      ) : null}

      {view.kind === 'withdrawn' ? (
        <View className="card result">
          <Text className="result__title">已撤回授权并删除实名信息</Text>
          <Paragraph
            className="result__text"
            text="我们已删除为你保存的实名信息。腾讯电子签保留的认证记录不受影响。如需再次实名，请重新提交。"
          />
          <Button className="btn btn--primary" onClick={startAfresh}>
            <Text>重新实名认证</Text>
          </Button>
        </View>
      ) : null}

      {view.kind === 'failed' ? (
        <View className="card result result--error">
          <Text className="result__title">暂时没能查询到结果</Text>
          <Paragraph className="result__text" text={view.message} />
          <Button className="btn btn--primary" onClick={() => void reload()}>
            <Text>重试</Text>
          </Button>
        </View>
      ) : null}

      <WithdrawDialog
        state={withdraw.state}
        onConfirm={() => void withdraw.confirm()}
        onCancel={withdraw.close}
      />
    </PageRoot>
  );
}
