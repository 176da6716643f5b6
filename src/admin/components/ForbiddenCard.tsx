import { Button, Text, View } from '@tarojs/components';
import { ERROR_MESSAGES } from '../../domain/errors';
import { leaveAdmin } from '../routes';

/** Shown instead of an admin page to someone who is not an admin. */
export default function ForbiddenCard() {
  return (
    <View className="card admin-forbidden" ariaRole="alert">
      <Text className="card__title">{ERROR_MESSAGES.FORBIDDEN}</Text>
      <Text className="admin-forbidden__text">
        这个页面仅供企业认证管理员使用。如果你需要使用，请联系管理员为你开通权限。
      </Text>
      <Button className="btn btn--primary" onClick={leaveAdmin}>
        返回
      </Button>
    </View>
  );
}
