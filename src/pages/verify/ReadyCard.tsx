import InfoRow from '../../components/InfoRow';
import { Button, Text, View } from '@tarojs/components';
import type { EssVerifyLink } from '../../domain/verificationContract';
import Paragraph from '../../components/Paragraph';
import { formatExpireTime } from '../../services/verification';

export interface ReadyCardProps {
  link: EssVerifyLink;
  maskedName?: string;
  maskedIdCardNumber?: string;
  notice?: string | null;
  /** Half-screen failed: offer the full-screen button. */
  fullScreenOffered: boolean;
  /** Must open ESS synchronously: WeChat only opens another mini-program from the tap itself. */
  onLaunch: () => void;
  onLaunchFullScreen: () => void;
  onEdit: () => void;
}

/** The link is ready: who it is for, until when, and the button that opens ESS. */
export default function ReadyCard({
  link,
  maskedName,
  maskedIdCardNumber,
  notice,
  fullScreenOffered,
  onLaunch,
  onLaunchFullScreen,
  onEdit,
}: ReadyCardProps) {
  return (
    <View className="card ready-card">
      <Text className="card__title">实名链接已生成</Text>
      <InfoRow label="姓名" value={maskedName} />
      <InfoRow label="身份证号" value={maskedIdCardNumber} />
      <InfoRow label="有效期至" value={formatExpireTime(link.expireTime)} />
      <Paragraph
        className="hint"
        text="点击下方按钮前往腾讯电子签，按提示完成人脸核验后返回这里即可。"
      />
      {notice ? <Paragraph className="notice" text={notice} /> : null}
      <Button className="btn btn--primary" onClick={onLaunch}>
        <Text>前往腾讯电子签完成实名</Text>
      </Button>
      {fullScreenOffered ? (
        <Button className="btn btn--secondary" onClick={onLaunchFullScreen}>
          <Text>全屏打开腾讯电子签</Text>
        </Button>
      ) : null}
      <Button className="btn btn--plain" onClick={onEdit}>
        <Text>修改填写信息</Text>
      </Button>
    </View>
  );
}
