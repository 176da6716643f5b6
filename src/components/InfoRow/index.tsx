import { Text, View } from '@tarojs/components';

/** One labelled value of a card (`姓名  *三`); nothing when there is no value. */
export default function InfoRow({ label, value }: { label: string; value?: string }) {
  if (!value) return null;
  return (
    <View className="info-row">
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value">{value}</Text>
    </View>
  );
}
