import { Button, Text, View } from '@tarojs/components';
import BottomSheet from '../BottomSheet';
import { PRIVACY_AGREE_BUTTON_ID, openPrivacyContract } from '../../services/privacy';
import './index.css';

export interface PrivacyPopupProps {
  visible: boolean;
  /** The guide's name as WeChat reports it, e.g. 《XX小程序隐私保护指引》. */
  contractName?: string;
  /** Why the page needs the user's consent; defaults to the personal verification's reason. */
  purpose?: string;
  onAgree: () => void;
  onDisagree: () => void;
}

const DEFAULT_PURPOSE =
  '为了完成实名认证，我们需要收集你的姓名、身份证号和手机号，并提交给腾讯电子签核验。';

/** WeChat's privacy authorization: must be agreed to before personal information is collected. */
export default function PrivacyPopup({
  visible,
  contractName,
  purpose = DEFAULT_PURPOSE,
  onAgree,
  onDisagree,
}: PrivacyPopupProps) {
  if (!visible) return null;
  const name = contractName || '《用户隐私保护指引》';
  return (
    <BottomSheet
      title="用户隐私保护提示"
      actions={
        <>
          <Button
            className="bottom-sheet__button bottom-sheet__button--secondary"
            onClick={onDisagree}
          >
            暂不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="bottom-sheet__button bottom-sheet__button--primary"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={onAgree}
          >
            同意并继续
          </Button>
        </>
      }
    >
      <View className="privacy-popup__body">
        <Text>{purpose}请阅读</Text>
        <Text className="privacy-popup__link" onClick={openPrivacyContract}>
          {name}
        </Text>
        <Text>，同意后即可继续。</Text>
      </View>
    </BottomSheet>
  );
}
