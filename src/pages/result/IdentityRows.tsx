import { Text, View } from '@tarojs/components';

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
      {maskedName ? (
        <View className="info-row">
          <Text className="info-row__label">姓名</Text>
          <Text className="info-row__value">{maskedName}</Text>
        </View>
      ) : null}
      {maskedIdCardNumber ? (
        <View className="info-row">
          <Text className="info-row__label">身份证号</Text>
          <Text className="info-row__value">{maskedIdCardNumber}</Text>
        </View>
      ) : null}
    </View>
  );
}
