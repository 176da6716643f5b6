import { Button, Text, View } from '@tarojs/components';
import { roleProps } from '../../components/a11y';
import Paragraph from '../../components/Paragraph';
import IdentityRows from './IdentityRows';
import type { ReturnState } from './useVerifyStatus';

export interface PendingCardProps {
  maskedName?: string;
  maskedIdCardNumber?: string;
  /** Right after coming back from ESS (see useVerifyStatus). */
  returned: ReturnState;
  notice: string | null;
  fullScreenOffered: boolean;
  /** Synchronous on purpose: the same still-valid link, opened straight from the tap. */
  onContinue: () => void;
  onContinueFullScreen: () => void;
  onRefresh: () => void;
  onWithdraw: () => void;
}

/** Said the same whether the user finished in ESS a moment ago or left before finishing. */
const SYNC_HELP =
  '如果你已在腾讯电子签完成认证，结果同步可能需要几秒钟，请点击“刷新结果”；如果还没完成，请点击“继续完成实名”。';

function heading(returned: ReturnState): { title: string; text: string } {
  if (returned === 'confirming') {
    return { title: '正在确认实名结果', text: '正在向腾讯电子签确认结果，请稍候。' };
  }
  if (returned === 'unfinished') {
    return {
      title: '实名还没有完成',
      text: '看起来你在完成实名前离开了腾讯电子签。点击“继续完成实名”即可接着完成，无需重新填写。',
    };
  }
  return {
    title: '尚未完成实名',
    text: '还差一步：请在腾讯电子签中按提示完成人脸核验。',
  };
}

/** A link is waiting to be completed: continue it, refresh, or withdraw. */
export default function PendingCard(props: PendingCardProps) {
  const { title, text } = heading(props.returned);
  return (
    <View className="card result result--pending">
      <View className="result__icon" aria-hidden="true">
        {props.returned === 'confirming' ? <View className="spinner spinner--on-icon" /> : '!'}
      </View>
      <Text className="result__title" {...roleProps('status')}>
        {title}
      </Text>
      <IdentityRows maskedName={props.maskedName} maskedIdCardNumber={props.maskedIdCardNumber} />
      <Paragraph className="result__text" text={text} />
      <Paragraph className="hint result__help" text={SYNC_HELP} />
      {props.notice ? <Paragraph className="notice" text={props.notice} /> : null}
      <Button className="btn btn--primary" onClick={props.onContinue}>
        <Text>继续完成实名</Text>
      </Button>
      {props.fullScreenOffered ? (
        <Button className="btn btn--secondary" onClick={props.onContinueFullScreen}>
          <Text>全屏打开腾讯电子签</Text>
        </Button>
      ) : null}
      <Button className="btn btn--plain" onClick={props.onRefresh}>
        <Text>刷新结果</Text>
      </Button>
      <Button className="btn btn--danger" onClick={props.onWithdraw}>
        <Text>撤回授权并删除我的实名信息</Text>
      </Button>
    </View>
  );
}
