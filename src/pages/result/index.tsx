import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import Loading from '../../components/Loading';
import { takeEssReturnOnPageShow } from '../../services/essReturn';
import { backToForm } from '../../services/navigation';
import { openVerifyLink } from '../../services/platform';
import { isLinkExpired } from '../../services/verification';
import { useVerifyStatus } from './useVerifyStatus';
import './index.css';

export default function ResultPage() {
  const { view, setView, reload } = useVerifyStatus();
  const [notice, setNotice] = useState<string | null>(null);

  useDidShow(() => {
    // Shown again (e.g. back from ESS): whatever brought us here, the server has the answer.
    takeEssReturnOnPageShow();
    setNotice(null);
    void reload();
  });

  // Synchronous on purpose: the same still-valid link, opened straight from the tap.
  const onContinue = () => {
    if (view.kind !== 'pending') return;
    if (isLinkExpired(view.link)) {
      setView({ kind: 'expired' });
      return;
    }
    setNotice(null);
    openVerifyLink(view.link, { onFailed: setNotice });
  };

  return (
    <View className="page result-page">
      {view.kind === 'loading' ? <Loading text="正在查询实名结果…" /> : null}

      {view.kind === 'verified' ? (
        <View className="card result result--success">
          <View className="result__icon">✓</View>
          <Text className="result__title">实名认证已完成</Text>
          {view.maskedName ? <Text className="result__name">{view.maskedName}</Text> : null}
          <Text className="result__text">你已通过腾讯电子签完成实名认证，无需再次提交。</Text>
        </View>
      ) : null}

      {view.kind === 'pending' ? (
        <View className="card result result--pending">
          <View className="result__icon">!</View>
          <Text className="result__title">尚未完成实名</Text>
          {view.maskedName ? <Text className="result__name">{view.maskedName}</Text> : null}
          <Text className="result__text">
            还差一步：请在腾讯电子签中按提示完成人脸核验。如果刚刚已经完成，结果可能需要几秒钟同步，可以稍后再查看。
          </Text>
          {notice ? <Text className="notice">{notice}</Text> : null}
          <Button className="btn btn--primary" onClick={onContinue}>
            继续完成实名
          </Button>
          <Button className="btn btn--plain" onClick={() => void reload()}>
            刷新结果
          </Button>
        </View>
      ) : null}

      {view.kind === 'none' ? (
        <View className="card result">
          <Text className="result__title">还没有进行中的实名</Text>
          <Text className="result__text">填写姓名、身份证号和手机号后，即可开始实名认证。</Text>
          <Button className="btn btn--primary" onClick={backToForm}>
            去填写信息
          </Button>
        </View>
      ) : null}

      {view.kind === 'expired' ? (
        <View className="card result">
          <Text className="result__title">实名链接已过期</Text>
          <Text className="result__text">
            为了你的信息安全，实名链接有有效期。请返回重新提交，获取新的链接。
          </Text>
          <Button className="btn btn--primary" onClick={backToForm}>
            返回重新提交
          </Button>
        </View>
      ) : null}

      {view.kind === 'failed' ? (
        <View className="card result result--error">
          <Text className="result__title">暂时没能查询到结果</Text>
          <Text className="result__text">{view.message}</Text>
          <Button className="btn btn--primary" onClick={() => void reload()}>
            重试
          </Button>
        </View>
      ) : null}
    </View>
  );
}
