import { View } from '@tarojs/components';
import InfoRow from '../../components/InfoRow';

/** Whose verification this is, masked as the server stores it. */
export default function IdentityRows({
  maskedName,
  maskedIdCardNumber,
}: {
  maskedName?: string;
  maskedIdCardNumber?: string;
}) {
  if (!maskedName && !maskedIdCardNumber) return null;
  return (
    <View className="result__identity">
      <InfoRow label="姓名" value={maskedName} />
      <InfoRow label="身份证号" value={maskedIdCardNumber} />
    </View>
  );
}
