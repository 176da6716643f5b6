import { Button, Text, View } from '@tarojs/components';
import { ERROR_MESSAGES } from '../../domain/errors';
import { leaveOperatorPages } from '../routes';
import Paragraph from '../../components/Paragraph';

/** Shown instead of an admin page to someone who is not an operator. */
export default function ForbiddenCard() {
  return (
    <View className="card admin-forbidden" ariaRole="alert">
      <Text className="card__title">{ERROR_MESSAGES.FORBIDDEN}</Text>
      <Paragraph
        className="admin-forbidden__text"
        text={'这个页面仅供本小程序的企业认证操作员使用。如需使用，请联系小程序的负责人为你开通。'}
      />
      <Button className="btn btn--primary" onClick={leaveOperatorPages}>
        返回
      </Button>
    </View>
  );
}
