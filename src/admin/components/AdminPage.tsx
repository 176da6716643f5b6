import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
// Shared styles in the user pages' order (FormField, Loading, PrivacyPopup): the CSS extractor
// wants one order per shared chunk, and both admin pages use FormField.
import '../../components/FormField/index.css';
import Loading from '../../components/Loading';
import PrivacyPopup from '../../components/PrivacyPopup';
import { usePrivacyAuthorization } from '../../components/PrivacyPopup/usePrivacyAuthorization';
import type { AdminAccess } from '../hooks/useAdminAccess';
import ForbiddenCard from './ForbiddenCard';

const ADMIN_PRIVACY_PURPOSE =
  '为了提交企业认证信息、复制认证链接和保存二维码，我们需要使用你填写的企业及超管信息、剪切板和相册（仅写入）。';

export interface AdminPageProps {
  title: string;
  subtitle: string;
  /** The page's content shows once the user is known to be an admin. */
  access: AdminAccess;
}

/**
 * The frame of an admin page: its title, the access check, and WeChat's privacy consent (copying
 * a link and saving a QR code use privacy-protected APIs: clipboard, photo album).
 */
export default function AdminPage({
  title,
  subtitle,
  access,
  children,
}: PropsWithChildren<AdminPageProps>) {
  const privacy = usePrivacyAuthorization();
  return (
    <View className="page admin-page">
      <View className="page__intro">
        <Text className="page__title">{title}</Text>
        <Text className="page__subtitle">{subtitle}</Text>
      </View>
      {access === 'checking' ? <Loading text="正在确认你的管理员权限…" /> : null}
      {access === 'forbidden' ? <ForbiddenCard /> : null}
      {access === 'allowed' ? <View>{children}</View> : null}
      <PrivacyPopup {...privacy.popupProps} purpose={ADMIN_PRIVACY_PURPOSE} />
    </View>
  );
}
