import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
// Shared styles in the user pages' order (FormField, Loading, PrivacyPopup): the CSS extractor
// wants one order per shared chunk, and both admin pages use FormField.
import '../../components/FormField/index.css';
import Loading from '../../components/Loading';
import PrivacyPopup from '../../components/PrivacyPopup';
import type { PrivacyAuthorization } from '../../components/PrivacyPopup/usePrivacyAuthorization';
import type { OperatorAccess } from '../hooks/useOperatorAccess';
import PageRoot from '../../components/PageRoot';
import ForbiddenCard from './ForbiddenCard';
import Paragraph from '../../components/Paragraph';

const OPERATOR_PRIVACY_PURPOSE =
  '为了向腾讯电子签提交企业认证、生成超管认证链接，并复制链接、保存二维码，我们需要使用你填写的企业信息（企业名称、统一社会信用代码、法定代表人姓名）和超管信息（姓名、手机号、证件号码），以及剪切板和相册（仅写入）。尚未提交的企业信息会暂存在本机，提交后即删除，最多保留一天。';

export interface OperatorPageProps {
  title: string;
  subtitle: string;
  /** The page's content shows once the user is known to be an operator. */
  access: OperatorAccess;
  /**
   * The page's privacy consent (`usePrivacyAuthorization`): the page runs whatever sends the
   * enterprise and super-admin information through `privacy.whenAuthorized`.
   */
  privacy: PrivacyAuthorization;
}

/**
 * The frame of an admin page: its title, the access check, the user's text size and dark mode
 * (`PageRoot`, the app's colour variables), and WeChat's privacy consent popup
 * (the enterprise and super-admin information sent to ESS is personal information; copying a
 * link and saving a QR code use privacy-protected APIs: clipboard, photo album).
 */
export default function OperatorPage({
  title,
  subtitle,
  access,
  privacy,
  children,
}: PropsWithChildren<OperatorPageProps>) {
  return (
    <PageRoot className="admin-page">
      <View className="page__intro">
        <Text className="page__title">{title}</Text>
        <Paragraph className="page__subtitle" text={subtitle} />
      </View>
      {access === 'checking' ? <Loading text="正在确认你的使用权限…" /> : null}
      {access === 'forbidden' ? <ForbiddenCard /> : null}
      {access === 'allowed' ? <View>{children}</View> : null}
      <PrivacyPopup {...privacy.popupProps} purpose={OPERATOR_PRIVACY_PURPOSE} />
    </PageRoot>
  );
}
