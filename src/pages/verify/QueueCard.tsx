import { Button, Text, View } from '@tarojs/components';
import { roleProps } from '../../components/a11y';
import Paragraph from '../../components/Paragraph';
import { useSecondsLeft } from '../../hooks/useSecondsLeft';

export interface QueueCardProps {
  /** When the page calls again by itself (ms since epoch); null while that call is under way. */
  retryAt: number | null;
  /** The server's words, e.g. "当前排队人数较多，请稍候…". */
  message: string;
  onCancel: () => void;
}

function Countdown({ retryAt }: { retryAt: number }) {
  const seconds = useSecondsLeft(retryAt);
  return (
    <Text className="queue-card__wait">
      {seconds > 0 ? `预计还需约 ${seconds} 秒，将自动继续` : '马上就好，正在为你继续…'}
    </Text>
  );
}

/**
 * The waiting room: many people are asking ESS at once (it takes 20 a second). What was typed is
 * kept, the wait is shown, and the page calls again by itself: the user does nothing.
 */
export default function QueueCard({ retryAt, message, onCancel }: QueueCardProps) {
  return (
    <View className="card queue-card" {...roleProps('status')} aria-live="polite">
      <View className="queue-card__head">
        <View className="spinner spinner--small" />
        <Text className="queue-card__title">正在排队，请稍候</Text>
      </View>
      <Paragraph className="queue-card__text" text={message} />
      {retryAt !== null ? (
        <Countdown retryAt={retryAt} />
      ) : (
        <Text className="queue-card__wait">轮到你了，正在生成实名链接…</Text>
      )}
      <Button className="btn btn--plain" onClick={onCancel}>
        <Text>取消排队</Text>
      </Button>
    </View>
  );
}
