import { Text, View } from '@tarojs/components';
import { roleProps } from '../a11y';
import './index.css';

/** A quiet spinner with a line of text, for waits the user did not start by a button. */
export default function Loading({ text }: { text: string }) {
  return (
    <View className="loading" {...roleProps('status')} ariaLabel={text}>
      <View className="spinner" />
      <Text className="loading__text">{text}</Text>
    </View>
  );
}
