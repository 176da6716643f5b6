import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { roleProps } from '../../components/a11y';
import Paragraph from '../../components/Paragraph';
import { afterVerifiedTarget } from '../../services/afterVerified';
import { leaveFlow } from '../../services/platform';
import IdentityRows from './IdentityRows';

export interface VerifiedCardProps {
  maskedName?: string;
  maskedIdCardNumber?: string;
  onWithdraw: () => void;
}

/**
 * Done: whose identity, and the way on — to the page or URL the integrating service configured
 * (`TARO_APP_AFTER_VERIFIED_PAGE`), or out of the flow. Withdrawing stays possible.
 */
export default function VerifiedCard({
  maskedName,
  maskedIdCardNumber,
  onWithdraw,
}: VerifiedCardProps) {
  const [stuck, setStuck] = useState(false);
  const target = afterVerifiedTarget();
  const onLeave = () => {
    setStuck(false);
    leaveFlow(target, () => setStuck(true));
  };
  return (
    <View className="card result result--success">
      <View className="result__icon" aria-hidden="true">
        ✓
      </View>
      <Text className="result__title">实名认证已完成</Text>
      <IdentityRows maskedName={maskedName} maskedIdCardNumber={maskedIdCardNumber} />
      <Paragraph className="result__text" text="你的身份已通过腾讯电子签核验。" />
      {stuck ? (
        <View className="notice" {...roleProps('status')}>
          <Paragraph text="实名已完成，可以直接关闭此页面。" />
        </View>
      ) : null}
      <Button className="btn btn--primary" onClick={onLeave}>
        <Text>{target ? '继续' : '完成'}</Text>
      </Button>
      <Button className="btn btn--danger" onClick={onWithdraw}>
        <Text>撤回授权并删除我的实名信息</Text>
      </Button>
    </View>
  );
}
